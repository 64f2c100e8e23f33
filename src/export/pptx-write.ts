/**
 * Slides (from `pptx-slides.ts`) to a PowerPoint file with pptxgenjs: one
 * master per layout with a title placeholder, text boxes of real paragraphs
 * and bullets, native tables, embedded pictures, monospaced code in the
 * theme's colours, notes on each notes page. Blocks are stacked top to
 * bottom at sizes estimated from the theme, scaled down together when they
 * would not fit; East Asian runs carry `lang` and the deck's CJK face.
 */
import pptxgenjs from 'pptxgenjs'
import {imageSize} from 'image-size'
import type {PptxBlock, PptxParagraph, PptxRun, PptxSlide} from './pptx-slides.js'
import type {PptxTheme} from './pptx-theme.js'
import {fixEastAsianFonts} from './pptx-fonts.js'

/** A picture's bytes, found for a `src` of the page. */
export interface PptxImage {
  data: Uint8Array
  /** File extension (`png`, `jpeg`, `gif`, `svg`). */
  extension: string
}

/** What the writer needs besides the slides. */
export interface WriteOptions {
  theme: PptxTheme
  /** The deck's canvas in CSS pixels (1280 × 720 for 16:9). */
  canvas: {width: number; height: number}
  title: string
  author?: string | undefined
  /** The deck's language (`zh-CN`, `en`). */
  lang: string
  /** Bytes of a picture the page names, or `undefined` when it has none. */
  readImage(src: string): PptxImage | undefined
  /** Called after each slide (default: none). */
  onSlide?: ((index: number, total: number) => void) | undefined
}

// The package's types describe CommonJS; its ESM build's default export is the class itself.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default
type PptxGenJS = InstanceType<typeof PptxGenJS>
type TextItem = pptxgenjs.default.TextProps
type Slide = pptxgenjs.default.Slide

/** Inches per CSS pixel: a 1280 px canvas is a 13.33 in wide slide. */
const inch = 1 / 96
/** Smallest scale text is set at before it is left to PowerPoint's shrink-on-overflow. */
const minimumScale = 0.6
const eastAsian = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/

/** Write slides as a `.pptx` file's bytes. */
export async function writePptx(slides: ReadonlyArray<PptxSlide>, options: Readonly<WriteOptions>): Promise<Uint8Array> {
  const {theme} = options
  const width = options.canvas.width * inch
  const height = options.canvas.height * inch
  const pptx = new PptxGenJS()
  pptx.defineLayout({name: 'LECTERN', width, height})
  pptx.layout = 'LECTERN'
  pptx.title = options.title
  if (options.author) pptx.author = options.author
  pptx.company = ''
  pptx.theme = {headFontFace: theme.headingFont, bodyFontFace: theme.font}
  const frame = toFrame(width, height, theme)
  const titleRun = {fontFace: theme.headingFont, color: theme.heading, bold: theme.headingBold}
  pptx.defineSlideMaster({
    title: 'Title Slide',
    background: {color: theme.background},
    objects: [
      {
        placeholder: {
          options: {name: 'title', type: 'title', x: frame.x, y: height * 0.28, w: frame.w, h: height * 0.26, ...titleRun, fontSize: theme.fontSize * theme.heading1, valign: 'bottom', align: 'center', margin: 0},
          text: ''
        }
      }
    ]
  })
  pptx.defineSlideMaster({
    title: 'Title and Content',
    background: {color: theme.background},
    objects: [
      {
        placeholder: {
          options: {name: 'title', type: 'title', x: frame.x, y: frame.y, w: frame.w, h: frame.titleHeight, ...titleRun, fontSize: theme.fontSize * theme.heading2, valign: 'top', align: 'left', margin: 0},
          text: ''
        }
      }
    ]
  })
  const slideNumbers = new Map<string, number>()
  slides.forEach((slide, index) => {
    if (slide.id) slideNumbers.set(slide.id, index + 1)
  })
  const context: Context = {theme, options, frame, slideNumbers, height}
  slides.forEach((slide, index) => {
    addSlide(pptx, slide, context)
    options.onSlide?.(index, slides.length)
  })
  // Stored, not compressed: the fonts pass below rewrites the parts and compresses once.
  const written = (await pptx.write({outputType: 'uint8array', compression: false})) as Uint8Array
  return fixEastAsianFonts(written, theme)
}

interface Frame {
  x: number
  y: number
  w: number
  /** Height of a content slide's title. */
  titleHeight: number
  /** Where content starts and ends on a content slide. */
  top: number
  bottom: number
}

interface Context {
  theme: PptxTheme
  options: Readonly<WriteOptions>
  frame: Frame
  slideNumbers: ReadonlyMap<string, number>
  height: number
}

/** The slide's safe area: reveal.js's 4 % margin plus the theme's padding. */
function toFrame(width: number, height: number, theme: PptxTheme): Frame {
  const x = Math.max(0.5, width * 0.05)
  const y = Math.max(0.35, height * 0.06)
  const titleHeight = ((theme.fontSize * theme.heading2 * 1.25) / 72) * 1.05
  return {x, y, w: width - 2 * x, titleHeight, top: y + titleHeight + 0.2, bottom: height - y}
}

function addSlide(pptx: PptxGenJS, slide: PptxSlide, context: Context): void {
  const {theme, frame} = context
  const opening = slide.titleLevel === 1 || slide.kind === 'title'
  const page = pptx.addSlide({masterName: opening ? 'Title Slide' : 'Title and Content'})
  const hasTitle = slide.title.some((run) => run.text.trim())
  if (hasTitle) {
    const style = {size: theme.fontSize * (opening ? theme.heading1 : theme.heading2), color: theme.heading, bold: theme.headingBold, font: theme.headingFont}
    page.addText(toTextItems([{runs: slide.title, level: 0}], context, style), {placeholder: 'title', align: opening ? 'center' : 'left'})
  }
  const top = opening ? context.height * 0.56 : hasTitle ? frame.top : frame.y
  const placed = layoutBlocks(slide.blocks, context, frame.bottom - top)
  let y = top
  for (const item of placed.items) {
    addBlock(page, item, {x: frame.x, y, w: frame.w}, placed.scale, context, opening)
    y += item.height + gap
  }
  if (slide.notes) page.addNotes(slide.notes)
}

/** Space between blocks, in inches. */
const gap = 0.15

interface Placed {
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
function layoutBlocks(blocks: ReadonlyArray<PptxBlock>, context: Context, space: number): {items: Placed[]; scale: number} {
  const images = blocks.map((block) => (block.type === 'image' ? context.options.readImage(block.src) : undefined))
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
    case 'math':
      return line(size * 1.2) + 0.2
    case 'remote-image':
      return line(size * 0.85) + 0.1
    case 'image':
      return line(size * 0.85) + 0.1
  }
}

function paragraphScale(paragraph: PptxParagraph): number {
  if (paragraph.role === 'subtitle') return 1.2
  if (paragraph.role === 'heading') return 1.1
  if (paragraph.role === 'muted') return 0.9
  return 1
}

/** Lines a paragraph wraps to in a box `width` inches wide. */
function lineCount(runs: ReadonlyArray<PptxRun>, points: number, width: number): number {
  let lines = 1
  let current = 0
  const em = points / 72
  for (const run of runs) {
    if (run.break) {
      lines++
      current = 0
      continue
    }
    for (const character of run.text) {
      // A CJK character is a square em; Latin text averages a little over half.
      current += eastAsian.test(character) ? em : run.code ? em * 0.6 : em * 0.55
      if (current > width) {
        lines++
        current = eastAsian.test(character) ? em : em * 0.55
      }
    }
  }
  return lines
}

interface RunStyle {
  size: number
  color: string
  bold?: boolean
  italic?: boolean
  font: string
}

function addBlock(page: Slide, item: Placed, box: {x: number; y: number; w: number}, scale: number, context: Context, centered: boolean): void {
  const {theme} = context
  const block = item.block
  const size = theme.fontSize * scale
  const base: RunStyle = {size, color: theme.text, font: theme.font}
  switch (block.type) {
    case 'text': {
      page.addText(toTextItems(block.paragraphs, context, base), {
        ...box,
        h: item.height,
        valign: 'top',
        margin: [0, 2, 0, 2],
        fit: 'shrink',
        lineSpacingMultiple: theme.lineHeight * 0.85,
        paraSpaceAfter: size * 0.3,
        align: centered ? 'center' : 'left'
      })
      return
    }
    case 'table': {
      const points = size * 0.85
      const rows = block.rows.map((row, rowIndex) =>
        row.map((runs, column) => ({
          text: toRunItems(runs, context, {...base, size: points, bold: rowIndex < block.header}),
          options: {
            align: block.align[column] ?? 'left',
            bold: rowIndex < block.header,
            ...(rowIndex < block.header ? {fill: {color: theme.codeBackground}} : {})
          }
        }))
      )
      if (rows.length === 0) return
      page.addTable(rows, {
        ...box,
        fontSize: points,
        fontFace: theme.font,
        color: theme.text,
        border: {type: 'solid', pt: 0.75, color: theme.tableBorder},
        margin: [3, 6, 3, 6],
        valign: 'middle',
        autoPage: false
      })
      return
    }
    case 'code': {
      const points = size * 0.8
      const items: TextItem[] = []
      block.lines.forEach((line, index) => {
        const runs = line.length > 0 ? line : [{text: ' ', code: true}]
        runs.forEach((run, runIndex) => {
          items.push({
            text: run.text,
            options: {
              fontFace: theme.codeFont,
              fontSize: points,
              color: (run.token && theme.tokens[run.token]) || theme.code,
              italic: run.token === 'comment' || undefined,
              lang: toLang(run.text, context.options.lang),
              breakLine: runIndex === runs.length - 1 && index < block.lines.length - 1 ? true : undefined
            }
          })
        })
      })
      page.addText(items, {
        ...box,
        h: item.height,
        valign: 'top',
        margin: [8, 10, 8, 10],
        fill: {color: theme.codeBackground},
        fontFace: theme.codeFont,
        fontSize: points,
        lineSpacingMultiple: 1.05,
        fit: 'shrink',
        wrap: true
      })
      return
    }
    case 'math': {
      // To do: math as a picture needs a TeX renderer that runs without a browser; its source stays editable.
      page.addText([{text: block.tex, options: {fontFace: theme.font, fontSize: size * 1.1, italic: true, color: theme.text, lang: 'en-US'}}], {
        ...box,
        h: item.height,
        align: 'center',
        valign: 'middle',
        margin: 0
      })
      return
    }
    case 'remote-image': {
      page.addText(
        [
          {text: `${block.alt || 'Picture'}: `, options: {fontFace: theme.font, fontSize: size * 0.85, color: theme.muted, lang: toLang(block.alt, context.options.lang)}},
          {text: block.url, options: {fontFace: theme.font, fontSize: size * 0.85, color: theme.link, hyperlink: {url: block.url}}}
        ],
        {...box, h: item.height, valign: 'top', margin: 0}
      )
      return
    }
    case 'image': {
      if (!item.image) {
        page.addText([{text: `${block.alt || block.src}`, options: {fontFace: theme.font, fontSize: size * 0.85, color: theme.muted, lang: toLang(block.alt, context.options.lang)}}], {
          ...box,
          h: item.height,
          margin: 0
        })
        return
      }
      const w = item.width ?? box.w
      const mime = item.image.extension === 'svg' ? 'image/svg+xml' : `image/${item.image.extension === 'jpg' ? 'jpeg' : item.image.extension}`
      page.addImage({
        data: `${mime};base64,${Buffer.from(item.image.data).toString('base64')}`,
        x: box.x + (box.w - w) / 2,
        y: box.y,
        w,
        h: item.height,
        altText: block.alt
      })
    }
  }
}

/** Paragraphs as pptxgenjs text items: runs, with the paragraph's bullet and level on each. */
function toTextItems(paragraphs: ReadonlyArray<PptxParagraph>, context: Context, base: RunStyle): TextItem[] {
  const {theme} = context
  const items: TextItem[] = []
  paragraphs.forEach((paragraph, index) => {
    const style: RunStyle = {
      ...base,
      size: base.size * paragraphScale(paragraph),
      color: paragraph.role === 'muted' || paragraph.role === 'quote' || paragraph.role === 'subtitle' ? theme.muted : base.color,
      italic: paragraph.role === 'quote' || base.italic,
      bold: paragraph.role === 'heading' || base.bold
    }
    const runs = toRunItems(paragraph.runs.length > 0 ? paragraph.runs : [{text: ' '}], context, style)
    const first = paragraph.bullet === 'number' && !isContinuation(paragraphs, index)
    const bullet =
      paragraph.bullet === 'number'
        ? {type: 'number' as const, ...(first && paragraph.number && paragraph.number > 1 ? {numberStartAt: paragraph.number} : {})}
        : paragraph.bullet
          ? {indent: 18}
          : false
    // A paragraph that continues a list item is indented with it.
    const indentLevel = paragraph.level + (!paragraph.bullet && paragraph.level > 0 ? 1 : 0)
    runs.forEach((run, runIndex) => {
      run.options = {
        ...run.options,
        ...(runIndex === 0 ? {bullet, indentLevel} : {}),
        ...(runIndex === runs.length - 1 && index < paragraphs.length - 1 ? {breakLine: true} : {})
      }
    })
    items.push(...runs)
  })
  return items
}

/** Whether a numbered item follows its list's previous item in the same box, so PowerPoint counts on by itself. */
function isContinuation(paragraphs: ReadonlyArray<PptxParagraph>, index: number): boolean {
  for (let previous = index - 1; previous >= 0; previous--) {
    const before = paragraphs[previous]
    if (before.level < paragraphs[index].level) return false
    if (before.level === paragraphs[index].level) return before.bullet === 'number'
  }
  return false
}

/** Runs as text items, styled; a line break becomes a soft break. */
function toRunItems(runs: ReadonlyArray<PptxRun>, context: Context, style: RunStyle): TextItem[] {
  const {theme} = context
  const items: TextItem[] = []
  let softBreak = false
  for (const run of runs) {
    if (run.break) {
      softBreak = true
      continue
    }
    const slide = run.link?.startsWith('#') ? context.slideNumbers.get(decodeURIComponent(run.link.slice(1))) : undefined
    const link = slide ? {slide} : run.link && !run.link.startsWith('#') ? {url: run.link} : undefined
    items.push({
      text: run.text,
      options: {
        fontFace: run.code ? theme.codeFont : style.font,
        fontSize: style.size,
        color: link ? theme.link : run.code ? theme.code : run.bold && !style.bold ? theme.heading : style.color,
        bold: run.bold || style.bold || undefined,
        italic: run.italic || style.italic || undefined,
        strike: run.strike ? 'sngStrike' : undefined,
        superscript: run.superscript || undefined,
        subscript: run.subscript || undefined,
        highlight: run.code ? theme.codeBackground : undefined,
        hyperlink: link,
        lang: toLang(run.text, context.options.lang),
        softBreakBefore: softBreak || undefined
      }
    })
    softBreak = false
  }
  return items
}

/** The language of a run: Chinese text is marked as such, so PowerPoint picks an East Asian face. */
function toLang(text: string, deckLang: string): string {
  if (eastAsian.test(text)) {
    if (/^(zh|ja|ko)\b/i.test(deckLang)) return /^zh$/i.test(deckLang) ? 'zh-CN' : deckLang
    return /[\u3040-\u30FF]/.test(text) ? 'ja-JP' : /[\uAC00-\uD7AF]/.test(text) ? 'ko-KR' : 'zh-CN'
  }
  return /^(zh|ja|ko)\b/i.test(deckLang) || !/^[a-z]{2}(-[A-Za-z]{2})?$/.test(deckLang) ? 'en-US' : deckLang.length === 2 ? `${deckLang}-${deckLang === 'en' ? 'US' : deckLang.toUpperCase()}` : deckLang
}
