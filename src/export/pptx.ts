/**
 * `lectern pptx`: an editable PowerPoint file from the deck as `build`
 * renders it — the same slides, split where the HTML deck splits them — with
 * no browser: the rendered page's `<section>`s are read into slides
 * (`pptx-slides.ts`) and written with pptxgenjs (`pptx-write.ts`).
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {deckName} from '../output/deck-folder.js'
import {exportPath, resolveConfig} from '../config/resolve.js'
import type {OutputFile} from '../render/render.js'
import {LecternError} from '../errors.js'
import type {DeckOptions} from '../config/options.js'
import {deckCanvas} from '../deck/canvas.js'
import {prepareDeck, type FileExportResult} from './prepare.js'
import {writeAtomically} from '../output/write-atomically.js'
import type {ExportProgress} from './session.js'
import {toPptxSlides} from './pptx-slides.js'
import {toPptxTheme} from './pptx-theme.js'
import type {PptxImage} from './pptx-write.js'

/** Options of `exportPptx`. */
export interface PptxOptions extends DeckOptions {
  /** `.pptx` file to write, relative to `cwd` (default: `dist/<deck>.pptx`). */
  output?: string | null | undefined
  /** Called as the export moves on, for progress (default: none). */
  onProgress?: ((event: ExportProgress) => void) | null | undefined
}

/** What `exportPptx` did: `output` is the `.pptx`, `slides` the slides written. */
export type PptxResult = FileExportResult

/** Slides between two progress reports. */
const progressEvery = 50

/** Write a markdown deck as an editable `.pptx` with speaker notes. */
export async function exportPptx(input: string, options?: Readonly<PptxOptions> | null): Promise<PptxResult> {
  const settings = options || {}
  const start = performance.now()
  let done = 0
  let total = 3
  const step = (name: string) => settings.onProgress?.({step: name, done: done++, total})

  step('render')
  const prepared = await prepareDeck(input, settings, 'pptx')
  const {absolute, file, deck} = prepared
  const output = exportPath(resolveConfig(settings, 'pptx'), settings.output, deckName(absolute), 'pptx')
  if (output === absolute) {
    throw new LecternError('OUTPUT', `Refusing to write the PowerPoint file over its input \`${input}\`; choose another \`--output\``)
  }
  const result: PptxResult = {input, output: undefined, file, deck, slides: 0, bytes: 0, ms: 0}
  if (!prepared.html) return {...result, ms: performance.now() - start}

  const tree = unified().use(rehypeParse).parse(prepared.html)
  const slides = toPptxSlides(tree)
  const theme = toPptxTheme(prepared.theme?.css ?? '', file.data.meta?.vars)
  total = 3 + Math.ceil(slides.length / progressEvery)
  // pptxgenjs loads only when a file is written.
  const {writePptx} = await import('./pptx-write.js')
  const bytes = await writePptx(slides, {
    theme,
    canvas: deckCanvas(deck),
    title: deck?.title ?? deckName(absolute),
    author: deck?.author,
    lang: deck?.lang ?? 'en',
    readImage: createImageReader(prepared.assets),
    onMathText(tex, reason) {
      file.message(`Unexpected formula \`${tex}\` that could not be drawn as a picture (${reason}), expected TeX MathJax reads; it is kept as text`, {
        ruleId: 'pptx-math-text',
        source: 'lectern'
      })
    },
    onSlide(index, count) {
      if ((index + 1) % progressEvery === 0 || index + 1 === count) step(`slide ${index + 1}`)
    }
  })
  step('write')
  await writeAtomically(output, bytes)
  return {...result, output, slides: slides.length, bytes: bytes.byteLength, ms: performance.now() - start}
}

/** Pictures by the path the page uses (`assets/media/…`), from the files the render collected. */
function createImageReader(assets: ReadonlyArray<OutputFile>): (src: string) => PptxImage | undefined {
  const byPath = new Map(assets.map((asset) => [asset.path, asset]))
  return (src) => {
    let name = src
    try {
      name = decodeURI(src)
    } catch {
      // A malformed escape is looked up as written.
    }
    const asset = byPath.get(name) ?? byPath.get(src)
    if (!asset) return undefined
    const extension = path.extname(asset.path).slice(1).toLowerCase()
    if (!/^(png|jpe?g|gif|svg|bmp)$/.test(extension)) return undefined
    const data = asset.content === undefined ? (asset.from ? readFileSync(asset.from) : undefined) : typeof asset.content === 'string' ? Buffer.from(asset.content) : asset.content
    return data ? {data, extension} : undefined
  }
}
