/**
 * Let the event loop turn between two long pieces of work, so a server on
 * this thread answers requests meanwhile.
 */

/** Resolve once the event loop has run its timers and I/O, or reject with the signal's reason if it was aborted by then. */
export function nextTurn(signal?: AbortSignal | null | undefined): Promise<void> {
  // Not `setImmediate`: started from I/O, it runs in the same turn, before any other I/O is read.
  return new Promise((resolve, reject) => {
    setTimeout(() => (signal?.aborted ? reject(signal.reason) : resolve()), 0)
  })
}
