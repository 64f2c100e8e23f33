/**
 * `lectern png`: one PNG per slide, and a line saying where they went.
 */
import {exportPng} from '../../export/png.js'
import type {ParsedArgs} from '../args.js'
import {createProgress, exitSoonAfter} from '../progress.js'
import {exitCodeFor, report} from '../report.js'
import {displayPath} from './pdf.js'
import {numberValue} from './shared.js'

/** Run `lectern png`. */
export async function run(args: ParsedArgs): Promise<number> {
  const values = args.values
  const quiet = Boolean(values.quiet)
  const progress = createProgress('png', {quiet})
  let result
  try {
    result = await exportPng(args.inputs[0] ?? '', {
      outDir: values['out-dir'] as string | undefined,
      browser: values.browser as string | undefined,
      timeout: numberValue('timeout', values.timeout, 60) * 1000,
      theme: values.theme as string | undefined,
      allowHtml: values['allow-html'] ? true : undefined,
      onProgress: progress.update
    })
  } catch (error) {
    exitSoonAfter(error)
    throw error
  } finally {
    progress.end()
  }
  process.stderr.write(report([result.file], {infos: !quiet}))
  if (result.outDir && !quiet) {
    process.stdout.write(`${result.input} → ${displayPath(result.outDir)}/  ${result.files.length} PNGs, ${Math.round(result.ms)} ms\n`)
  }
  return result.outDir ? exitCodeFor([result.file], false) : 1
}
