/**
 * Clean up after an interrupted build: the temporary folders and files a
 * build writes before swapping them in (`.lectern-tmp-*`), and a previous
 * output moved aside during a swap (`.lectern-old-*`), which goes back in
 * place when the new one had not arrived yet. Both are named with
 * `temporaryToken()`, whose shape `cleanUpInterrupted` reads back.
 */
import {readdirSync, renameSync, rmSync} from 'node:fs'
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
