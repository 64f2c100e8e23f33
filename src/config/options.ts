/**
 * Options of the library's entry points, as callers give them. Defaults are
 * not applied here: `resolveConfig()` (config/resolve.ts) applies them once,
 * from `defaults` (config/defaults.ts).
 */

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

/** Options of a command that drives a browser. */
export interface BrowserOptions {
  /** Browser path (default: found by `findChromium`). */
  browser?: string | null | undefined
  /** Give up after this many milliseconds (default: `60000`). */
  timeout?: number | null | undefined
}

/** Options of `serve`'s server. */
export interface ServerOptions {
  /** Port to listen on; `0` picks a free one (default: `3000`). */
  port?: number | null | undefined
  /** Address to listen on (default: `'127.0.0.1'`). */
  host?: string | null | undefined
  /** Rebuild and push updates when files change (default: `true`). */
  watch?: boolean | null | undefined
}
