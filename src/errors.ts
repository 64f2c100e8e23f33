/**
 * Environment failures: things the user fixes outside the markdown (a missing
 * browser, a port in use). Each has a code from one table and says what to do.
 */

/** Codes of environment failures, and the exit status each gives. */
export const errorCodes = {
  /** The command line is wrong. */
  USAGE: 2,
  /** An input file or folder cannot be read or is not a deck. */
  INPUT: 1,
  /** The output folder cannot be written or is not safe to write. */
  OUTPUT: 1,
  /** A theme cannot be found or read. */
  THEME: 1,
  /** No Chrome, Chromium or Edge is installed. */
  NO_BROWSER: 1,
  /** The browser crashed or did not answer in time. */
  BROWSER: 1,
  /** A server could not listen. */
  SERVER: 1,
  /** The deck has errors (reported as messages). */
  DECK: 1
} as const

export type ErrorCode = keyof typeof errorCodes

/** An error a user can act on: a code and a sentence saying what to do. */
export class LecternError extends Error {
  readonly code: ErrorCode
  /** File the problem is in, if any, for `file:line:column` reporting. */
  readonly file: string | undefined

  constructor(code: ErrorCode, message: string, options?: {cause?: unknown; file?: string}) {
    super(message, options?.cause === undefined ? undefined : {cause: options.cause})
    this.name = 'LecternError'
    this.code = code
    this.file = options?.file
  }
}

/** A failed write of `target` as an `OUTPUT` error saying so; a `LecternError` stays as it is. */
export function toWriteError(target: string, error: unknown, file?: string): LecternError {
  if (error instanceof LecternError) return error
  const code = (error as NodeJS.ErrnoException).code
  const reason = code ? `${writeReasons[code] ?? 'failed'} (${code})` : String(error)
  return new LecternError('OUTPUT', `Cannot write \`${target}\`: ${reason}; check the folder exists and is writable`, {cause: error, file})
}

/** What a failed write's error code means, in words. */
const writeReasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOENT: 'no such folder, and it cannot be made there',
  ENOTDIR: 'a file is where a folder is expected',
  EISDIR: 'a folder is where a file is expected',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ELOOP: 'symbolic link loop',
  ENAMETOOLONG: 'name too long'
}

/** Whether a value is a `LecternError`. */
export function isLecternError(value: unknown): value is LecternError {
  return value instanceof LecternError
}
