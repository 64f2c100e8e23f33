/**
 * Watch the files decks are made of. Folders are watched, not files, so a
 * save that writes a new file and renames it over the old one (as most
 * editors do) is seen, and so is a file that appears later (an image not yet
 * saved).
 */
import {watch, type FSWatcher} from 'node:fs'
import path from 'node:path'

/** Watches a set of files; `update` replaces the set. */
export interface FileWatcher {
  /** Watch these files (absolute paths), and any file in these folders; what is no longer named is let go. */
  update(files: Iterable<string>, folders?: Iterable<string>): void
  /** Stop watching. */
  close(): void
}

/** Create a watcher that calls `onChange` with the absolute path of each watched file that changes, appears or goes. */
export function createWatcher(onChange: (file: string) => void): FileWatcher {
  const watchers = new Map<string, FSWatcher>()
  let files = new Set<string>()
  let folders = new Set<string>()
  let closed = false

  function listen(folder: string): void {
    let watcher: FSWatcher
    try {
      watcher = watch(folder, {persistent: true}, (_event, name) => {
        if (closed) return
        if (!name) {
          // Some platforms do not say which file changed: every file of the folder may have.
          for (const file of files) if (path.dirname(file) === folder) onChange(file)
          return
        }
        const file = path.join(folder, name.toString())
        if (files.has(file) || folders.has(folder)) onChange(file)
      })
    } catch {
      // A folder that does not exist (yet) cannot be watched; its files are missing anyway.
      return
    }
    // A folder that is removed ends its watcher; the decks report the missing files.
    watcher.on('error', () => {
      watcher.close()
      watchers.delete(folder)
    })
    watchers.set(folder, watcher)
  }

  return {
    update(nextFiles, nextFolders = []) {
      if (closed) return
      files = new Set([...nextFiles].map((file) => path.resolve(file)))
      folders = new Set([...nextFolders].map((folder) => path.resolve(folder)))
      const wanted = new Set([...folders, ...[...files].map((file) => path.dirname(file))])
      for (const [folder, watcher] of watchers) {
        if (!wanted.has(folder)) {
          watcher.close()
          watchers.delete(folder)
        }
      }
      for (const folder of wanted) if (!watchers.has(folder)) listen(folder)
    },
    close() {
      closed = true
      for (const watcher of watchers.values()) watcher.close()
      watchers.clear()
    }
  }
}
