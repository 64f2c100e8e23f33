/**
 * Options of the library's entry points, and `resolveOptions()`, where every
 * default lives.
 */
import path from 'node:path'
import {defaultCacheDir} from './build/section-store.js'

/** How a deck is rendered, for every entry point that renders one (`build`, `serve`, `check`, the exports). */
export interface DeckOptions {
  /** Theme name or path to a CSS file; wins over front matter `theme` (default: front matter, else `'light'`). */
  theme?: string | null | undefined
  /** Keep raw HTML from the markdown as written; only for trusted authors (default: front matter `html`, else `false`). */
  allowHtml?: boolean | null | undefined
  /** How slides are found, overriding front matter `split` (default: `undefined`, decided per deck). */
  split?: 'auto' | 'manual' | null | undefined
  /** Folder relative paths are resolved from (default: `process.cwd()`). */
  cwd?: string | null | undefined
  /**
   * Folders, besides a deck's project root (its folder, or the nearest folder above it with
   * `package.json` or `.git`), that its pictures and front matter theme may come from (default: none).
   */
  allowFs?: ReadonlyArray<string> | null | undefined
}

/** Options for building decks (`build`, and the commands that build first). */
export interface Options extends DeckOptions {
  /** Folder decks are written to, as `<outDir>/<deck>/index.html` (default: `'dist'`). */
  outDir?: string | null | undefined
  /** Write one HTML file with everything inlined instead of a folder (default: `false`). */
  singleFile?: boolean | null | undefined
  /** Extra `<script>` text added to every page, such as a live-reload client (default: none). */
  inject?: string | null | undefined
  /** Called as each deck starts and ends, for progress (default: none). */
  onProgress?: ((event: ProgressEvent) => void) | null | undefined
  /**
   * Folder where the parsed sections of large decks are kept between builds, so a rebuild parses
   * only what changed; `false` keeps none (default: `node_modules/.cache/lectern` in the nearest
   * folder with `node_modules`, else `$XDG_CACHE_HOME/lectern` or `~/.cache/lectern`).
   */
  cacheDir?: string | false | null | undefined
}

/** Progress of a build. */
export type ProgressEvent =
  | {type: 'start'; input: string; index: number; total: number}
  /** The deck is rendered and its output is about to be written. */
  | {type: 'write'; input: string; index: number; total: number}
  | {type: 'done'; input: string; index: number; total: number}

/** Options with every default applied. */
export interface ResolvedOptions {
  readonly outDir: string
  readonly theme: string | undefined
  readonly allowHtml: boolean | undefined
  readonly singleFile: boolean
  readonly split: 'auto' | 'manual' | undefined
  readonly cwd: string
  readonly allowFs: ReadonlyArray<string>
  readonly inject: string | undefined
  readonly onProgress: ((event: ProgressEvent) => void) | undefined
  readonly cacheDir: string | undefined
}

/** Apply defaults once. */
export function resolveOptions(options?: Readonly<Options> | null): ResolvedOptions {
  const given = options || {}
  const cwd = path.resolve(given.cwd ?? process.cwd())
  return Object.freeze({
    outDir: path.resolve(cwd, given.outDir ?? 'dist'),
    theme: given.theme ?? undefined,
    allowHtml: given.allowHtml ?? undefined,
    singleFile: given.singleFile ?? false,
    split: given.split ?? undefined,
    cwd,
    allowFs: Object.freeze((given.allowFs ?? []).map((dir) => path.resolve(cwd, dir))),
    inject: given.inject ?? undefined,
    onProgress: given.onProgress ?? undefined,
    cacheDir: given.cacheDir === false ? undefined : path.resolve(cwd, given.cacheDir ?? defaultCacheDir(cwd))
  })
}
