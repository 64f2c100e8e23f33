/**
 * `lectern pdf`: print a deck to PDF and say where it went.
 */
import path from 'node:path'
import {exportPdf} from '../../export/pdf.js'
import type {ParsedArgs} from '../args.js'
import {createProgress, exitSoonAfter} from '../progress.js'
import {exitCodeFor, report} from '../report.js'
import {formatBytes, numberValue} from './shared.js'

/** Run `lectern pdf`. */
export async function run(args: ParsedArgs): Promise<number> {
  const values = args.values
  const quiet = Boolean(values.quiet)
  const progress = createProgress('pdf', {quiet})
  let result
  try {
    result = await exportPdf(args.inputs[0] ?? '', {
      output: values.output as string | undefined,
      notes: Boolean(values.notes),
      handout: Boolean(values.handout),
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
  if (result.output && !quiet) {
    process.stdout.write(
      `${result.input} → ${displayPath(result.output)}  ${result.slides} slides, ${formatBytes(result.bytes)}, ${Math.round(result.ms)} ms\n`
    )
  }
  return result.output ? exitCodeFor([result.file], false) : 1
}

/** A path relative to the working folder when it is inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file)
  return relative && !relative.startsWith('..') ? relative : file
}
