/**
 * Small helpers the commands share.
 */
import type {VFile} from 'vfile'
import {LecternError} from '../../errors.js'
import type {ExportProgress} from '../../export/session.js'
import type {ParsedArgs} from '../args.js'
import {createProgress, exitSoonAfter} from '../progress.js'
import {report} from '../report.js'

/** What a flag was given as. */
type FlagValue = ParsedArgs['values'][string]

/** `--allow-fs`, given any number of times. */
export function listValue(value: FlagValue): string[] | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined
  return typeof value === 'string' ? [value] : value
}

/** Validate `--split`. */
export function splitValue(value: FlagValue): 'auto' | 'manual' | undefined {
  if (value === undefined) return undefined
  if (value === 'auto' || value === 'manual') return value
  throw new LecternError('USAGE', `Unexpected \`--split ${String(value)}\`, expected \`auto\` or \`manual\``)
}

/** Validate a number flag such as `--port` or `--timeout`; `undefined` when not given (the entry point's config decides). */
export function numberValue(name: string, value: FlagValue): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (typeof value !== 'string' || !Number.isFinite(number) || number < 0) {
    throw new LecternError('USAGE', `Unexpected \`--${name} ${String(value)}\`, expected a number`)
  }
  return number
}

/** A flag in seconds as milliseconds; `undefined` when not given. */
function secondsValue(name: string, value: FlagValue): number | undefined {
  const seconds = numberValue(name, value)
  return seconds === undefined ? undefined : seconds * 1000
}

/** `1234567` → `1.2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** The options the browser commands (`pdf`, `png`, `check`) share: `--browser`, `--timeout` (seconds), `--theme`, `--allow-html`, `--allow-fs`. */
export function browserValues(values: ParsedArgs['values']) {
  return {
    browser: values.browser as string | undefined,
    timeout: secondsValue('timeout', values.timeout),
    theme: values.theme as string | undefined,
    allowHtml: values['allow-html'] ? true : undefined,
    allowFs: listValue(values['allow-fs'])
  }
}

/** Run an export with a progress line on stderr, then report its messages. */
export async function runExport<Result extends {file: VFile}>(
  name: string,
  quiet: boolean,
  run: (onProgress: (event: ExportProgress) => void) => Promise<Result>
): Promise<Result> {
  const progress = createProgress(name, {quiet})
  let result: Result
  try {
    result = await run(progress.update)
  } catch (error) {
    exitSoonAfter(error)
    throw error
  } finally {
    progress.end()
  }
  process.stderr.write(report([result.file], {infos: !quiet}))
  return result
}
