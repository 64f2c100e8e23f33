/**
 * The deck's layout facts: a theme's metrics on the slide canvas and the
 * smallest scale a slide may be shrunk to. Pure data, imported by the
 * splitter, the themes, `check` and the page runtime's bundle alike.
 */

/** Layout metrics of a theme, in CSS pixels on the slide canvas. */
export interface Metrics {
  /** Canvas width (default: `1280`). */
  width: number
  /** Canvas height (default: `720`). */
  height: number
  /** Horizontal padding of a slide (default: `64`). */
  paddingX: number
  /** Vertical padding of a slide (default: `40`). */
  paddingY: number
  /** Body font size (default: `30`). */
  fontSize: number
  /** Body line height (default: `1.45`). */
  lineHeight: number
  /** Height a one-line slide title takes, margin included (default: `82`). */
  titleHeight: number
  /** Code font size relative to the body (default: `0.62`). */
  codeScale: number
  /** Table font size relative to the body (default: `0.72`). */
  tableScale: number
  /** Height an image may take (default: `400`). */
  imageHeight: number
}

/** Metrics of the built-in themes. */
export const defaultMetrics: Readonly<Metrics> = Object.freeze({
  width: 1280,
  height: 720,
  paddingX: 64,
  paddingY: 40,
  fontSize: 30,
  lineHeight: 1.45,
  titleHeight: 82,
  codeScale: 0.62,
  tableScale: 0.72,
  imageHeight: 400
})

/**
 * Smallest scale a slide is shrunk to so that it fits, relative to the
 * theme's sizes (the page runtime gets it from here when it is bundled).
 */
export const minimumScale = 0.6

/** Smallest readable font size in canvas pixels: the theme's smallest text (code or tables) at the minimum scale. */
export function minimumFontSize(metrics: Readonly<Metrics>): number {
  return Math.floor(metrics.fontSize * minimumScale * Math.min(metrics.codeScale, metrics.tableScale, 1))
}

