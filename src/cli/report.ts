/**
 * Reporting: messages printed like a compiler's, one line each, and the
 * exit status a run ends with.
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {errorCodes, type LecternError} from '../errors.js'
import {toRelativePath} from '../relative-path.js'

/** `slides/x.md:12:3: warning: Unexpected … (empty-slide)`. */
export function formatMessage(message: VFileMessage, fallbackFile?: string): string {
  const file = message.file || fallbackFile || '<input>'
  const severity = message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
  const rule = message.ruleId ? ` (${message.ruleId})` : ''
  return `${file}:${message.line ?? 1}:${message.column ?? 1}: ${severity}: ${message.reason}${rule}`
}

/** Every message of some files, sorted by file and place; infos only when asked. */
export function report(files: ReadonlyArray<VFile>, options: {infos?: boolean} = {}): string {
  const lines: string[] = []
  for (const file of files) {
    const messages = [...file.messages]
      .filter((message) => options.infos || message.fatal !== undefined)
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    for (const message of messages) lines.push(formatMessage(message, file.path))
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : ''
}

/**
 * A `LecternError` as one line: `file:1:1: error: …` (a path inside the
 * working folder shown relative to it) or, with no file, `lectern: error: …`;
 * a usage error points to `--help`.
 */
export function formatError(error: LecternError, cwd = process.cwd()): string {
  const help = error.code === 'USAGE' && !error.message.includes('--help') ? ' (see `lectern --help`)' : ''
  if (!error.file) return `lectern: error: ${error.message}${help}`
  const file = toRelativePath(cwd, path.resolve(cwd, error.file)) || error.file
  return `${file}:1:1: error: ${error.message}${help}`
}

/** 0 when all is well, 1 when a file has an error (or a warning, when frail). */
export function exitCodeFor(files: ReadonlyArray<VFile>, frail = false): number {
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal || (frail && message.fatal === false)) return 1
    }
  }
  return 0
}

/** Exit status of an environment failure. */
export function exitCodeForError(error: LecternError): number {
  return errorCodes[error.code]
}
