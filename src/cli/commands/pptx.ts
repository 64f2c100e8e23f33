/**
 * `lectern pptx`: write each deck as an editable PowerPoint file and say where it went.
 */
import {defaultExportName, defaults} from '../../config/defaults.js'
import {resolveInputs} from '../../render/inputs.js'
import {LecternError} from '../../errors.js'
import {exportPptx} from '../../export/pptx.js'
import {toDisplayPath} from '../../relative-path.js'
import type {ParsedArgs} from '../args.js'
import {exitCodeFor} from '../report.js'
import {formatBytes, listValue, runExport, splitValue} from './shared.js'

/** Run `lectern pptx`. */
export async function run(args: ParsedArgs): Promise<number> {
  const values = args.values
  const quiet = Boolean(values.quiet)
  const output = values.output as string | undefined
  const decks = resolveInputs(args.inputs, process.cwd())
  if (output && decks.length > 1) {
    throw new LecternError('USAGE', `Unexpected \`--output\` with ${decks.length} decks, expected one deck; leave it out to write \`${defaults.outDir}/${defaultExportName('<deck>', 'pptx')}\` for each`)
  }
  let code = 0
  for (const deck of decks) {
    const input = toDisplayPath(deck, process.cwd())
    const result = await runExport('pptx', quiet, (onProgress) =>
      exportPptx(input, {
        output,
        theme: values.theme as string | undefined,
        allowHtml: values['allow-html'] ? true : undefined,
        allowFs: listValue(values['allow-fs']),
        split: splitValue(values.split),
        onProgress
      })
    )
    if (result.output && !quiet) {
      process.stdout.write(
        `${result.input} → ${toDisplayPath(result.output, process.cwd())}  ${result.slides} slides, ${result.deck?.slidesWithNotes ?? 0} with notes, ${formatBytes(result.bytes)}, ${Math.round(result.ms)} ms\n`
      )
    }
    code = Math.max(code, result.output ? exitCodeFor([result.file], Boolean(values.frail)) : 1)
  }
  return code
}
