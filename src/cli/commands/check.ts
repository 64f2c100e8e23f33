/**
 * `lectern check`: build decks, measure them in a browser, print what would
 * go wrong in front of an audience (or `--json`), exit 1 on any error.
 */
import {check, toFindings} from '../../check/check.js'
import type {ParsedArgs} from '../args.js'
import {exitCodeFor, report} from '../report.js'
import {browserValues, splitValue} from './shared.js'

/** Run `lectern check`. */
export async function run(args: ParsedArgs): Promise<number> {
  const values = args.values
  const result = await check(args.inputs, {split: splitValue(values.split), ...browserValues(values)})
  if (values.json) {
    process.stdout.write(`${JSON.stringify(toFindings(result.files), null, 2)}\n`)
  } else {
    process.stderr.write(report(result.files))
    if (!values.quiet) {
      for (const deck of result.decks) {
        const messages = deck.file.messages
        const errors = messages.filter((message) => message.fatal).length
        const warnings = messages.filter((message) => message.fatal === false).length
        const slides = deck.measured ? `${deck.measured.slides.length} slides` : 'not built'
        process.stdout.write(`${deck.input}: ${slides}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`)
      }
    }
  }
  return exitCodeFor(result.files)
}
