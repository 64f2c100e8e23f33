/**
 * Ctrl-C and `kill`: run a command's clean-up before the process ends, so an
 * interrupted command leaves no half-written output.
 */

const signals = {SIGINT: 2, SIGTERM: 15, SIGHUP: 1} as const

/** Run `cleanUp` (synchronously) on SIGINT, SIGTERM or SIGHUP, then exit as the signal would (128 + its number). Returns a function that removes the handlers. */
export function onInterrupt(cleanUp: () => void): () => void {
  const handler = (signal: NodeJS.Signals) => {
    try {
      cleanUp()
    } finally {
      process.exit(128 + signals[signal as keyof typeof signals])
    }
  }
  for (const signal of Object.keys(signals)) process.once(signal, handler)
  return () => {
    for (const signal of Object.keys(signals)) process.off(signal, handler)
  }
}
