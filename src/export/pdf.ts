/**
 * `lectern pdf`: print a deck to PDF with an installed Chromium — one page per
 * slide in the final state of its fragments, optionally followed by its notes
 * (`notes`) or with them on one A4 page (`handout`). Text stays text, links
 * stay links, and the fonts the deck ships are embedded.
 */
import {performance} from 'node:perf_hooks'
import {deckName} from '../output/deck-folder.js'
import {exportPath, resolveConfig} from '../config/resolve.js'
import {LecternError} from '../errors.js'
import {writeAtomically} from '../output/write-atomically.js'
import {prepareDeck, type FileExportResult} from './prepare.js'
import {withPrintedDeck, type ExportOptions, type PrintMode} from './session.js'

/** Options of `exportPdf`. */
export interface PdfOptions extends ExportOptions {
  /** PDF file to write, relative to `cwd` (default: `dist/<deck>.pdf`). */
  output?: string | null | undefined
  /** Add a page of speaker notes after each slide that has notes (default: `false`). */
  notes?: boolean | null | undefined
  /** Slide and its notes on one A4 portrait page (default: `false`). */
  handout?: boolean | null | undefined
}

/** What `exportPdf` did: `output` is the PDF, `slides` the slides printed. */
export type PdfResult = FileExportResult

/** Print a markdown deck to PDF. */
export async function exportPdf(input: string, options?: Readonly<PdfOptions> | null): Promise<PdfResult> {
  const settings = options || {}
  const start = performance.now()
  if (settings.notes && settings.handout) {
    throw new LecternError('USAGE', 'Unexpected `--notes` with `--handout`, expected one of them: a handout already holds the notes')
  }
  const mode: PrintMode = settings.handout ? 'handout' : settings.notes ? 'notes' : 'slides'
  const config = resolveConfig(settings, 'pdf')
  const prepared = await prepareDeck(input, settings, 'pdf')
  const output = exportPath(config, settings.output, deckName(prepared.absolute), 'pdf')
  if (output === prepared.absolute) {
    throw new LecternError('OUTPUT', `Refusing to write the PDF over its input \`${input}\`; choose another \`--output\``)
  }
  const result: PdfResult = {input, output: undefined, file: prepared.file, deck: prepared.deck, slides: 0, bytes: 0, ms: 0}
  if (!prepared.html) return {...result, ms: performance.now() - start}

  const pdf = await withPrintedDeck(
    prepared,
    mode,
    settings,
    async ({page, layout}, step) => {
      step('print')
      const buffer = await page.pdf({
        width: `${layout.width}px`,
        height: `${layout.height}px`,
        printBackground: true,
        preferCSSPageSize: true,
        outline: false,
        tagged: true
      })
      step('write')
      return {buffer, slides: layout.slides}
    },
    2
  )
  await writeAtomically(output, pdf.buffer)
  return {...result, output, slides: pdf.slides, bytes: pdf.buffer.byteLength, ms: performance.now() - start}
}
