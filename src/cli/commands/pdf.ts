/**
 * `lectern pdf`: print a deck to PDF and say where it went.
 */
import {exportPdf} from '../../export/pdf.js'
import {toDisplayPath} from '../../relative-path.js'
import type {ParsedArgs} from '../args.js'
import {exitCodeFor} from '../report.js'
import {browserValues, formatBytes, runExport} from './shared.js'

/** Run `lectern pdf`. */
export async function run(args: ParsedArgs): Promise<number> {
  const values = args.values
  const quiet = Boolean(values.quiet)
  const result = await runExport('pdf', quiet, (onProgress) =>
    exportPdf(args.inputs[0], {
      ...browserValues(values),
      output: values.output as string | undefined,
      notes: Boolean(values.notes),
      handout: Boolean(values.handout),
      onProgress
    })
  )
  if (result.output && !quiet) {
    process.stdout.write(
      `${result.input} → ${toDisplayPath(result.output, process.cwd())}  ${result.slides} slides, ${formatBytes(result.bytes)}, ${Math.round(result.ms)} ms\n`
    )
  }
  return result.output ? exitCodeFor([result.file], false) : 1
}
