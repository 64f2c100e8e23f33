/**
 * Where a slide's blocks go: the safe area of the slide, and each block's
 * height at the largest scale (1 down to `minimumScale`) at which they all
 * fit under the title, estimated from the theme; pictures share what the
 * text leaves.
 */
import {imageSize} from 'image-size'
import type {PptxBlock} from './pptx-slides.js'
import type {PptxTheme} from './pptx-theme.js'
import type {MathPicture} from './pptx-math.js'
import {lineCount, paragraphScale, type TextContext} from './pptx-text.js'

/** A picture's bytes, found for a `src` of the page. */
export interface PptxImage {
  data: Uint8Array
  /** File extension (`png`, `jpeg`, `gif`, `svg`). */
  extension: string
}

/** Inches per CSS pixel: a 1280 px canvas is a 13.33 in wide slide. */
export const inch = 1 / 96
/** Smallest scale text is set at before it is left to PowerPoint's shrink-on-overflow. */
const minimumScale = 0.6

/** The safe area of a slide, in inches. */
export interface Frame {
  x: number
  y: number
  w: number
  /** Height of a content slide's title. */
  titleHeight: number
  /** Where content starts and ends on a content slide. */
  top: number
  bottom: number
}

/** What placing and drawing blocks needs of the deck. */
export interface Context extends TextContext {
  frame: Frame
  /** Slide height, in inches. */
  height: number
  /** Bytes of a picture the page names, or `undefined` when it has none. */
  readImage(src: string): PptxImage | undefined
  /** A display formula's picture; `undefined` keeps its TeX as text. */
  drawMath(tex: string): MathPicture | undefined
}

/** The slide's safe area: reveal.js's 4 % margin plus the theme's padding. */
export function toFrame(width: number, height: number, theme: PptxTheme): Frame {
  const x = Math.max(0.5, width * 0.05)
  const y = Math.max(0.35, height * 0.06)
  const titleHeight = ((theme.fontSize * theme.heading2 * 1.25) / 72) * 1.05
  return {x, y, w: width - 2 * x, titleHeight, top: y + titleHeight + 0.2, bottom: height - y}
}

/** Space between blocks, in inches. */
export const gap = 0.15

/** A block with its height on the slide. */
export interface Placed {
  block: PptxBlock
  height: number
  /** A picture's width, when narrower than the frame. */
  width?: number
  image?: PptxImage | undefined
}

/**
 * Heights of the blocks at the largest scale (1 down to `minimumScale`) at
 * which they fit the space; pictures take what the text leaves.
 */
export function layoutBlocks(blocks: ReadonlyArray<PptxBlock>, context: Context, space: number): {items: Placed[]; scale: number} {
  const images = blocks.map((block) => (block.type === 'image' ? context.readImage(block.src) : undefined))
  const pictures = blocks.filter((block, index) => block.type === 'image' && images[index]).length
  const gaps = Math.max(0, blocks.length - 1) * gap
  let scale = 1
  for (; scale > minimumScale; scale -= 0.05) {
    const text = blocks.reduce((sum, block, index) => sum + (block.type === 'image' && images[index] ? 0 : measureBlock(block, context, scale)), 0)
    if (text + gaps + pictures * 1.2 <= space) break
  }
  scale = Math.max(scale, minimumScale)
  const fixed = blocks.reduce((sum, block, index) => sum + (block.type === 'image' && images[index] ? 0 : measureBlock(block, context, scale)), 0)
  const share = pictures > 0 ? Math.max(0.8, (space - fixed - gaps) / pictures) : 0
  const items = blocks.map((block, index): Placed => {
    const image = images[index]
    if (block.type === 'math') {
      const picture = context.drawMath(block.tex)
      if (picture) return {block, ...mathSize(picture, context.theme.fontSize * scale, context.frame.w), image: picture}
    }
    if (block.type !== 'image' || !image) return {block, height: measureBlock(block, context, scale)}
    const size = pictureSize(image)
    const ratio = size.width / size.height
    // Not wider than the frame, not taller than its share, not larger than its pixels.
    let h = Math.min(share, size.height * inch * 1.5)
    let w = h * ratio
    if (w > context.frame.w) {
      w = context.frame.w
      h = w / ratio
    }
    return {block, height: h, width: w, image}
  })
  return {items, scale}
}

/** Display math is set a little larger than the text around it, as KaTeX sets it. */
const displayMath = 1.21

/** A formula's picture at the size of `points` text, no wider than `maxWidth` inches, with room above and below. */
function mathSize(picture: MathPicture, points: number, maxWidth: number): {width: number; height: number} {
  const em = (points * displayMath) / 72
  const fit = Math.min(1, maxWidth / (picture.width * em))
  return {width: picture.width * em * fit, height: picture.height * em * fit + mathPadding * 2}
}

/** Space above and below a formula's picture, in inches. */
export const mathPadding = 0.05

function pictureSize(image: PptxImage): {width: number; height: number} {
  try {
    const size = imageSize(image.data)
    if (size.width && size.height) return {width: size.width, height: size.height}
  } catch {
    // An unreadable picture is drawn at 4:3.
  }
  return {width: 400, height: 300}
}

/** Estimated height of a block, in inches. */
function measureBlock(block: PptxBlock, context: Context, scale: number): number {
  const {theme, frame} = context
  const size = theme.fontSize * scale
  const line = (points: number, spacing = theme.lineHeight) => (points * spacing) / 72
  switch (block.type) {
    case 'text':
      return (
        block.paragraphs.reduce((sum, paragraph) => {
          const points = size * paragraphScale(paragraph)
          const indent = paragraph.level * 0.4 + (paragraph.bullet ? 0.35 : 0)
          return sum + lineCount(paragraph.runs, points, frame.w - indent - 0.2) * line(points) + (points * 0.3) / 72
        }, 0) + 0.1
      )
    case 'table': {
      const points = size * 0.85
      const columns = Math.max(1, block.rows[0]?.length ?? 1)
      const cell = frame.w / columns - 0.2
      return block.rows.reduce((sum, row) => sum + Math.max(1, ...row.map((runs) => lineCount(runs, points, cell))) * line(points, 1.3) + 0.16, 0)
    }
    case 'code':
      return block.lines.length * line(size * 0.8, 1.3) + 0.3
    case 'math': {
      const picture = context.drawMath(block.tex)
      return picture ? mathSize(picture, size, frame.w).height : line(size * 1.2) + 0.2
    }
    case 'remote-image':
      return line(size * 0.85) + 0.1
    case 'image':
      return line(size * 0.85) + 0.1
  }
}
