/**
 * `lectern png`: one PNG per slide, and a line saying where they went.
 */
import {exportPng} from '../../export/png.js'
import {toDisplayPath} from '../../relative-path.js'
import type {ParsedArgs} from '../args.js'
import {exitCodeFor} from '../report.js'
import {browserValues, runExport} from './shared.js'

/** Run `lectern png`. */
export async function run(args: ParsedArgs): Promise<number> {
  const values = args.values
  const quiet = Boolean(values.quiet)
  const result = await runExport('png', quiet, (onProgress) =>
    exportPng(args.inputs[0], {
      ...browserValues(values),
      outDir: values['out-dir'] as string | undefined,
      onProgress
    })
  )
  if (result.outDir && !quiet) {
    process.stdout.write(`${result.input} → ${toDisplayPath(result.outDir, process.cwd())}/  ${result.files.length} PNGs, ${Math.round(result.ms)} ms\n`)
  }
  return result.outDir ? exitCodeFor([result.file], false) : 1
}
