/**
 * Every default of lectern, in one object. Nothing else applies a default:
 * entry points read them through `resolveConfig()`, help text through this
 * object (a test fails when a literal such as `'dist'` appears elsewhere).
 */
import os from 'node:os'
import path from 'node:path'
import {existsSync} from 'node:fs'

export const defaults = Object.freeze({
  /** Output folder of `build`, `check` and the theme gallery; exports write into it too. */
  outDir: 'dist',
  /** The built-in theme decks use when neither the command line nor front matter names one. */
  theme: 'light',
  /** `serve`'s port and address. */
  port: 3000,
  host: '127.0.0.1',
  /** `serve` rebuilds on change. */
  watch: true,
  /** Milliseconds before a browser that does not answer is given up on. */
  timeout: 60_000,
  /** `build` writes a folder per deck, not one file. */
  singleFile: false,
  /** reveal.js options every deck starts from; its front matter and then the caller win over them. */
  reveal: Object.freeze({
    margin: 0.04,
    hash: true,
    center: false,
    slideNumber: 'c/t',
    transition: 'slide',
    // The speaker view shows its pacing timer only when a default timing is set.
    // Slides keep their own `data-timing`; this (reveal.js's documented example)
    // covers a slide without one, and stays the same as the deck is edited.
    defaultTiming: 120
  })
})

/** Where parsed sections are kept by default: `node_modules/.cache/lectern` in the nearest folder that has `node_modules`, else the user's cache folder. */
export function defaultCacheDir(cwd: string): string {
  for (let folder = path.resolve(cwd); ; ) {
    if (existsSync(path.join(folder, 'node_modules'))) return path.join(folder, 'node_modules', '.cache', 'lectern')
    const parent = path.dirname(folder)
    if (parent === folder) break
    folder = parent
  }
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'lectern')
}

/** Where an export of a deck goes by default, relative to the output folder: `<deck>.pdf`, `<deck>-png/`. */
export function defaultExportName(deck: string, kind: 'pdf' | 'png' | 'pptx'): string {
  return kind === 'png' ? `${deck}-png` : `${deck}.${kind}`
}
