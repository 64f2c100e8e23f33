/**
 * Progress of a long command on stderr: a bar redrawn in place on a
 * terminal, plain lines otherwise, nothing with `--quiet`.
 */
import {LecternError} from '../errors.js'
import type {ExportProgress} from '../export/session.js'

/** A progress reporter and the function that clears its line. */
export interface Progress {
  update(event: ExportProgress): void
  end(): void
}

/** Make a progress reporter for `label` writing to `stream`. */
export function createProgress(label: string, options: {quiet?: boolean; stream?: NodeJS.WriteStream} = {}): Progress {
  const stream = options.stream ?? process.stderr
  if (options.quiet) return {update() {}, end() {}}
  const tty = Boolean(stream.isTTY)
  let drawn = false
  return {
    update(event) {
      if (!tty) {
        stream.write(`${label}: ${event.step} (${Math.min(event.done + 1, event.total)}/${event.total})\n`)
        return
      }
      const width = 24
      const filled = Math.round((width * event.done) / Math.max(event.total, 1))
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${event.step.padEnd(8)}`)
      drawn = true
    },
    end() {
      if (tty && drawn) stream.write('\r\u001B[2K')
      drawn = false
    }
  }
}

/**
 * After a browser failure, end the process shortly even if a hung browser
 * still holds it open: on exit, playwright kills the browsers it launched.
 */
export function exitSoonAfter(error: unknown): void {
  if (error instanceof LecternError && error.code === 'BROWSER') {
    setTimeout(() => process.exit(), 500).unref()
  }
}
