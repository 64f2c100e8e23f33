/**
 * A theme's CSS custom properties (reveal.js's `--r-*` and lectern's
 * `--lectern-*`) read as what a PowerPoint file can hold: hex colours, one
 * font name per script, sizes in points. Pure: CSS text in, values out.
 */

/** Colours as `RRGGBB`, fonts as single family names, sizes in points. */
export interface PptxTheme {
  background: string
  text: string
  heading: string
  link: string
  muted: string
  accent: string
  tableBorder: string
  codeBackground: string
  code: string
  /** Colours of highlighted code tokens, by highlight.js scope (`keyword`, `string`, …). */
  tokens: Readonly<Record<string, string>>
  /** Latin face of body text and of headings. */
  font: string
  headingFont: string
  codeFont: string
  /** East Asian face: the first CJK family of the main font stack. */
  eastAsianFont: string
  /** Common CJK faces named after the deck's own, for machines without it. */
  eastAsianFallbacks: ReadonlyArray<string>
  /** Body text size in points, and heading sizes relative to it. */
  fontSize: number
  heading1: number
  heading2: number
  lineHeight: number
  headingBold: boolean
}

/** Families that hold CJK glyphs, by name. */
const cjkFamily = /\b(SC|TC|JP|KR|CJK|Han|PingFang|YaHei|Hei|Song|Kai|Ming|Gothic|Mincho|SimSun|SimHei|DengXian|Heiti|Songti)\b/i
const genericFamily = /^(serif|sans-serif|monospace|system-ui|ui-\w+|cursive|fantasy|emoji|math)$/i
const defaultFallbacks = ['PingFang SC', 'Microsoft YaHei']

/** Read a theme's custom properties; `vars` (front matter) win over the stylesheet. */
export function toPptxTheme(css: string, vars?: Readonly<Record<string, unknown>> | null): PptxTheme {
  // defaults < theme < front matter
  const properties = new Map<string, string>()
  for (const match of stripComments(css).matchAll(/(--[\w-]+)\s*:\s*([^;{}]+)/g)) properties.set(match[1], match[2].trim())
  for (const [name, value] of Object.entries(vars ?? {})) properties.set(name.startsWith('--') ? name : `--${name}`, String(value))
  const get = (name: string): string | undefined => resolveVar(properties.get(name), properties, 0)

  const background = toHex(get('--r-background-color')) ?? 'FFFFFF'
  const color = (name: string, fallback: string) => toHex(get(name), background) ?? fallback
  const text = color('--r-main-color', '222222')
  const mainFonts = toFamilies(get('--r-main-font'))
  const headingFonts = toFamilies(get('--r-heading-font'))
  const codeFonts = toFamilies(get('--r-code-font'))
  const cjk = [...mainFonts, ...headingFonts].filter((family) => cjkFamily.test(family))
  const size = toPixels(get('--r-main-font-size'), 30)
  const tokens: Record<string, string> = {}
  for (const [name] of properties) {
    const scope = /^--lectern-code-([a-z]+)$/.exec(name)?.[1]
    if (scope && scope !== 'background' && scope !== 'color') {
      const value = color(name, '')
      if (value) tokens[scope] = value
    }
  }
  const link = color('--r-link-color', color('--lectern-accent', '2A6FDB'))
  return {
    background,
    text,
    heading: color('--r-heading-color', text),
    link,
    muted: color('--lectern-muted', '555555'),
    accent: color('--lectern-accent', link),
    tableBorder: color('--lectern-table-border', 'D0D7DE'),
    codeBackground: color('--lectern-code-background', 'F4F5F7'),
    code: color('--lectern-code-color', text),
    tokens,
    font: mainFonts[0] ?? 'Arial',
    headingFont: headingFonts[0] ?? mainFonts[0] ?? 'Arial',
    codeFont: codeFonts[0] ?? 'Courier New',
    eastAsianFont: cjk[0] ?? defaultFallbacks[0],
    eastAsianFallbacks: [...new Set([...cjk.slice(1), ...defaultFallbacks])],
    // CSS pixels are 3/4 of a point.
    fontSize: size * 0.75,
    heading1: toEm(get('--r-heading1-size'), 2.2),
    heading2: toEm(get('--r-heading2-size'), 1.6),
    lineHeight: Number.parseFloat(get('--lectern-line-height') ?? '') || 1.45,
    headingBold: (Number.parseInt(get('--r-heading-font-weight') ?? '700', 10) || 700) >= 600
  }
}

function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '')
}

/** Follow `var(--x, fallback)` through the properties. */
function resolveVar(value: string | undefined, properties: ReadonlyMap<string, string>, depth: number): string | undefined {
  if (value === undefined || depth > 8) return value
  const match = /^var\(\s*(--[\w-]+)\s*(?:,\s*(.+))?\)$/.exec(value.trim())
  if (!match) return value
  return resolveVar(properties.get(match[1]) ?? match[2], properties, depth + 1)
}

/** `'Noto Sans SC', system-ui, sans-serif` → `['Noto Sans SC']`: named families only. */
export function toFamilies(value: string | undefined): string[] {
  if (!value) return []
  return value
    .split(',')
    .map((family) => family.trim().replace(/^['"]|['"]$/g, ''))
    .filter((family) => family && !genericFamily.test(family) && !/emoji/i.test(family))
}

/** A CSS colour as `RRGGBB`; a translucent one is laid over `under`. */
export function toHex(value: string | undefined, under = 'FFFFFF'): string | undefined {
  if (!value) return undefined
  const text = value.trim().toLowerCase()
  const short = /^#([\da-f])([\da-f])([\da-f])$/.exec(text)
  if (short) return `${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase()
  const long = /^#([\da-f]{6})(?:[\da-f]{2})?$/.exec(text)
  if (long) return long[1].toUpperCase()
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(text)
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? Number.parseFloat(rgb[4]) / 100 : Number(rgb[4])
    const base = [0, 2, 4].map((index) => Number.parseInt(under.slice(index, index + 2), 16))
    return [rgb[1], rgb[2], rgb[3]]
      .map((channel, index) => Math.round(Number(channel) * alpha + base[index] * (1 - alpha)))
      .map((channel) => Math.max(0, Math.min(255, channel)).toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase()
  }
  const named: Record<string, string> = {white: 'FFFFFF', black: '000000'}
  return named[text]
}

function toPixels(value: string | undefined, fallback: number): number {
  const match = /^([\d.]+)px$/.exec(value?.trim() ?? '')
  return match ? Number(match[1]) : fallback
}

function toEm(value: string | undefined, fallback: number): number {
  const match = /^([\d.]+)em$/.exec(value?.trim() ?? '')
  return match ? Number(match[1]) : fallback
}
