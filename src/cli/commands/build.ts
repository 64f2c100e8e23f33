/**
 * `lectern build`: build decks and print one summary line per deck.
 */
import {build} from '../../build/build.js'
import type {ProgressEvent} from '../../config/options.js'
import {resolveConfig} from '../../config/resolve.js'
import {cleanUpInterrupted} from '../../output/interrupted.js'
import {toTalkTime} from '../../deck/timing.js'
import {toDisplayPath} from '../../relative-path.js'
import {onInterrupt} from '../interrupt.js'
import type {ParsedArgs} from '../args.js'
import {exitCodeFor, report} from '../report.js'
import {formatBytes, listValue, splitValue} from './shared.js'

/** Run `lectern build`. */
export async function run(args: ParsedArgs): Promise<number> {
  const values = args.values
  const quiet = Boolean(values.quiet)
  const {outDir} = resolveConfig({outDir: values['out-dir'] as string | undefined}, 'build')
  // A signal while a deck renders ends the process at once, as by default, however long a
  // synchronous parse runs: nothing is written yet. While a deck is written, a signal
  // removes the temporary output and puts back anything moved aside.
  let release: (() => void) | undefined
  const onProgress = (event: ProgressEvent) => {
    release?.()
    release = event.type === 'write' ? onInterrupt(() => cleanUpInterrupted(outDir)) : undefined
  }
  let result
  try {
    result = await build(args.inputs, {
      outDir,
      theme: values.theme as string | undefined,
      allowHtml: values['allow-html'] ? true : undefined,
      allowFs: listValue(values['allow-fs']),
      singleFile: Boolean(values['single-file']),
      split: splitValue(values.split),
      cacheDir: values['no-cache'] ? false : (values['cache-dir'] as string | undefined),
      onProgress
    })
  } finally {
    release?.()
  }
  process.stderr.write(report(result.files, {infos: !quiet}))
  if (!quiet) {
    for (const deck of result.decks) {
      if (!deck.output || !deck.deck) continue
      const info = deck.deck
      const output = toDisplayPath(deck.output, process.cwd())
      process.stdout.write(
        `${deck.input} → ${output}  ${info.slides} slides, ${info.slidesWithNotes} with notes, ~${toTalkTime(info.seconds)}, ${deck.bytes === undefined ? '' : `${formatBytes(deck.bytes)}, `}${Math.round(deck.ms)} ms\n`
      )
    }
  }
  return exitCodeFor(result.files, Boolean(values.frail))
}
