/**
 * Slides (from `pptx-slides.ts`) to a PowerPoint file with pptxgenjs: one
 * master per layout with a title placeholder, text boxes of real paragraphs
 * and bullets, native tables, embedded pictures, monospaced code in the
 * theme's colours, notes on each notes page. Blocks are stacked top to
 * bottom at sizes estimated from the theme, scaled down together when they
 * would not fit; East Asian runs carry `lang` and the deck's CJK face.
 */
import pptxgenjs from 'pptxgenjs'
import {addBlock} from './pptx-blocks.js'
import {gap, inch, layoutBlocks, toFrame, type Context, type PptxImage} from './pptx-layout.js'
import type {PptxSlide} from './pptx-slides.js'
import type {PptxTheme} from './pptx-theme.js'
import {fixEastAsianFonts} from './pptx-fonts.js'
import {toTextItems} from './pptx-text.js'

export type {PptxImage} from './pptx-layout.js'

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
  /** Called once for each display formula kept as TeX text, with why (default: none). */
  onMathText?: ((tex: string, reason: string) => void) | undefined
  /** Called after each slide (default: none). */
  onSlide?: ((index: number, total: number) => void) | undefined
}

// The package's types describe CommonJS; its ESM build's default export is the class itself.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default
type PptxGenJS = InstanceType<typeof PptxGenJS>

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
  const drawMath = await createMathDrawer(slides, theme, options)
  const context: Context = {theme, lang: options.lang, slideNumbers, frame, height, readImage: options.readImage, drawMath}
  slides.forEach((slide, index) => {
    addSlide(pptx, slide, context)
    options.onSlide?.(index, slides.length)
  })
  // Stored, not compressed: the fonts pass below rewrites the parts and compresses once.
  const written = (await pptx.write({outputType: 'uint8array', compression: false})) as Uint8Array
  return fixEastAsianFonts(written, theme)
}

/** Draw display math with MathJax, loaded only when a slide has some; each formula that stays text is reported once. */
async function createMathDrawer(slides: ReadonlyArray<PptxSlide>, theme: PptxTheme, options: Readonly<WriteOptions>): Promise<Context['drawMath']> {
  if (!slides.some((slide) => slide.blocks.some((block) => block.type === 'math'))) return () => undefined
  const {createMathRenderer} = await import('./pptx-math.js')
  const render = await createMathRenderer(theme.text)
  const reported = new Set<string>()
  return (tex) => {
    const result = render(tex)
    if ('picture' in result) return result.picture
    if (!reported.has(tex)) {
      reported.add(tex)
      options.onMathText?.(tex, result.reason)
    }
    return undefined
  }
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
