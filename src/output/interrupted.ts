/**
 * Clean up after an interrupted build: the temporary folders and files a
 * build writes before swapping them in (`.lectern-tmp-*`), and a previous
 * output moved aside during a swap (`.lectern-old-*`), which goes back in
 * place when the new one had not arrived yet. Both are named with
 * `temporaryToken()`, whose shape `cleanUpInterrupted` reads back.
 */
import {readdirSync, renameSync, rmSync, statSync} from 'node:fs'
import path from 'node:path'

let tokens = 0

/**
 * `<pid>-<hex>`: a name part no other write (in this process or another) uses
 * at the same time, from the process id, the time and a counter (no `crypto`:
 * a build does not load it).
 */
export function temporaryToken(): string {
  return `${process.pid}-${Date.now().toString(16)}${(tokens++).toString(16)}`
}

/** Undo what process `pid` left half-done in `outDir`; synchronous, for a signal handler. Returns the names handled. */
export function cleanUpInterrupted(outDir: string, pid: number = process.pid): string[] {
  const handled = cleanUpOnce(outDir, pid)
  if (pid !== process.pid) return handled
  // A `mkdir` already handed to libuv's thread pool can still make its folder
  // after the first pass: wait for it a moment (no new one starts while this
  // handler runs), then look again.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, settleMs)
  return [...handled, ...cleanUpOnce(outDir, pid)]
}

/** How long an interrupted process waits for file operations already under way. */
const settleMs = 50
/** Leftovers younger than this may belong to a build running in another process namespace (a container sharing the folder). */
export const staleMs = 60_000

/**
 * Undo what builds that no longer run left in `outDir`: leftovers named with
 * `temporaryToken()` whose process is gone and which have not changed for
 * `staleMs`. Returns the names handled.
 */
export function cleanUpStale(outDir: string, now: number = Date.now()): string[] {
  let names: string[]
  try {
    names = readdirSync(outDir)
  } catch {
    return []
  }
  const pids = new Set<number>()
  for (const name of names) {
    if (!name.startsWith('.lectern-tmp-') && !name.startsWith('.lectern-old-')) continue
    // The token's time part is `Date.now()` in hex: eleven digits or more.
    const pid = /-(\d+)-[\da-f]{11,}(?:-|$)/.exec(name)?.[1]
    if (!pid || isRunning(Number(pid))) continue
    try {
      if (now - statSync(path.join(outDir, name)).mtimeMs < staleMs) continue
    } catch {
      continue
    }
    pids.add(Number(pid))
  }
  return [...pids].flatMap((pid) => cleanUpOnce(outDir, pid))
}

/** Whether a process with this id runs (or cannot be asked: then it is assumed to). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'
  }
}

function cleanUpOnce(outDir: string, pid: number): string[] {
  let names: string[]
  try {
    names = readdirSync(outDir)
  } catch {
    return []
  }
  const handled: string[] = []
  for (const name of names) {
    const entry = path.join(outDir, name)
    if (name.startsWith('.lectern-tmp-') && name.includes(`-${pid}-`)) {
      rmSync(entry, {recursive: true, force: true})
      handled.push(name)
      continue
    }
    const old = /^\.lectern-old-(.+)-(\d+)-[\da-f]+$/.exec(name)
    if (old && Number(old[2]) === pid) {
      const target = path.join(outDir, old[1])
      // Moved aside and not yet replaced: the previous output goes back.
      if (names.includes(old[1])) rmSync(entry, {recursive: true, force: true})
      else renameSync(entry, target)
      handled.push(name)
    }
  }
  return handled
}
