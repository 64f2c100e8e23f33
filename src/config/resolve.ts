/**
 * `resolveConfig()`: the options an entry point was given, with every default
 * applied and every path made absolute, once, as a frozen object. Each entry
 * point (build, serve, check, pdf, png, the theme gallery, renderDeck) calls
 * it first and reads nothing else; the command line passes its raw values.
 */
import path from 'node:path'
import {LecternError} from '../errors.js'
import {defaultCacheDir, defaultExportName, defaults} from './defaults.js'
import type {BrowserOptions, Options, ServerOptions} from './options.js'

/** Who is asking: decides only which checks apply (a port matters to `serve` alone). */
export type Command = 'build' | 'serve' | 'check' | 'pdf' | 'png' | 'pptx' | 'themes' | 'render'

/** Anything an entry point may be given; callbacks pass through untouched, so their types are the entry point's. */
export interface ConfigInput extends Omit<Options, 'onProgress'>, BrowserOptions, ServerOptions {
  onProgress?: unknown
}

/** The options with every default applied. */
export interface ResolvedConfig {
  readonly command: Command
  /** Absolute folder relative paths are resolved from. */
  readonly cwd: string
  /** Absolute output folder. */
  readonly outDir: string
  /** The theme named by the caller (the command line), which wins over front matter; `undefined` lets the deck decide. */
  readonly theme: string | undefined
  /** `true`/`false` when the caller decided; `undefined` lets front matter `html` decide. */
  readonly allowHtml: boolean | undefined
  /** How slides are found; `undefined` lets the deck decide. */
  readonly split: 'auto' | 'manual' | undefined
  readonly singleFile: boolean
  readonly inject: string | undefined
  /** Absolute folders besides each deck's project root its files may come from. */
  readonly allowFs: ReadonlyArray<string>
  /** Absolute folder of kept sections (`build` only); `undefined` keeps none. */
  readonly cacheDir: string | undefined
  /** Browser path as given; `undefined` searches the usual places. */
  readonly browser: string | undefined
  /** Milliseconds a browser is given. */
  readonly timeout: number
  readonly port: number
  readonly host: string
  readonly watch: boolean
}

/** Apply every default once. Throws a `LecternError` (`USAGE`) for a value no command could use. */
export function resolveConfig(inline: Readonly<ConfigInput> | null | undefined, command: Command): ResolvedConfig {
  const given = inline || {}
  const cwd = path.resolve(given.cwd ?? process.cwd())
  const port = given.port ?? defaults.port
  if (command === 'serve' && (!Number.isInteger(port) || port < 0 || port > 65_535)) {
    throw new LecternError('USAGE', `Unexpected port \`${port}\`, expected a whole number from 0 to 65535`)
  }
  return Object.freeze({
    command,
    cwd,
    outDir: path.resolve(cwd, given.outDir ?? defaults.outDir),
    theme: given.theme ?? undefined,
    allowHtml: given.allowHtml ?? undefined,
    split: given.split ?? undefined,
    singleFile: given.singleFile ?? defaults.singleFile,
    allowFs: Object.freeze((given.allowFs ?? []).map((dir) => path.resolve(cwd, dir))),
    inject: given.inject ?? undefined,
    // Only a build keeps sections on disk; finding the default folder walks up the tree, which
    // every render (each `serve` rebuild, each export step) would otherwise pay for.
    cacheDir: command !== 'build' || given.cacheDir === false ? undefined : path.resolve(cwd, given.cacheDir ?? defaultCacheDir(cwd)),
    browser: given.browser ?? undefined,
    timeout: given.timeout ?? defaults.timeout,
    port,
    host: given.host || defaults.host,
    watch: given.watch ?? defaults.watch
  })
}

/** The default path of an export of a deck (`<outDir>/<deck>.pdf`, `<outDir>/<deck>-png`), absolute. */
export function exportPath(config: ResolvedConfig, given: string | null | undefined, deck: string, kind: 'pdf' | 'png' | 'pptx'): string {
  return path.resolve(config.cwd, given ?? path.join(config.outDir, defaultExportName(deck, kind)))
}

/** The options of a build with every default applied; the library's name for `resolveConfig(options, 'build')`. */
export type ResolvedOptions = ResolvedConfig

/** Apply the defaults of a build. */
export function resolveOptions(options?: Readonly<ConfigInput> | null): ResolvedOptions {
  return resolveConfig(options, 'build')
}
