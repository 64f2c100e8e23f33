/**
 * Render one deck: markdown in, the page and the files it needs out.
 * Nothing is written here; `build` writes.
 */
import path from 'node:path'
import type {Root} from 'hast'
import {toString} from 'hast-util-to-string'
import {VFile} from 'vfile'
import {isLecternError} from '../errors.js'
import {isImportPath} from '../import/extensions.js'
import {chooseTheme} from '../config/deck.js'
import type {DeckOptions} from '../config/options.js'
import {defaults} from '../config/defaults.js'
import {resolveConfig} from '../config/resolve.js'
import {clientDir, packageDir} from '../paths.js'
import {findDeepNesting, toNestingReason} from '../markdown/nesting.js'
import {createProcessor} from '../pipeline/processor.js'
import {defaultMetrics} from '../deck/metrics.js'
import {canvasSize} from '../deck/canvas.js'
import type {Asset, PageAssets} from '../pipeline/rehype-reveal-document.js'
import type {DeckMeta} from '../deck/types.js'
import {loadTheme, toThemeFile, type Theme} from '../themes/theme.js'
import {isAllowedFile, resolveFileAccess, toOutsideReason, type FileAccess} from '../safety/project-root.js'
import {toDisplayPath} from '../relative-path.js'
import {toMathAssets, toMediaAssets} from './content-assets.js'
import {toDeckFonts} from './fonts.js'
import {toLecternTheme} from '../themes/reveal-themes.js'
import type {ParseCache} from '../markdown/cache.js'
import {minSectionedLength, parseMarkdown} from '../markdown/parse-parallel.js'

/** A file of a built deck: copied from `from`, or written from `content`. */
export interface OutputFile {
  /** Path inside the deck folder, with `/` separators (`assets/theme.css`). */
  path: string
  from?: string | undefined
  content?: string | Uint8Array | undefined
}

/** A rendered deck. */
export interface RenderedDeck {
  /** The page. */
  html: string
  /** The file, with messages and `data.deck`. */
  file: VFile
  /** The theme used (`undefined` when it could not be loaded). */
  theme: Theme | undefined
  /** Files the page needs, `index.html` excluded. */
  assets: OutputFile[]
}

/** Options for rendering one deck. */
export interface RenderOptions extends DeckOptions {
  /** Script text added to the page (default: none). */
  inject?: string | null | undefined
  /** Mark elements with their markdown `line:column` (`data-lectern-position`), for `lectern check` (default: `false`). */
  positions?: boolean | null | undefined
  /** Parsed sections kept between renders of a deck, from `createParseCache()`, so a rebuild parses only changed sections (default: none). */
  cache?: ParseCache | null | undefined
  /** Render without holding this thread for long: parse large decks on a worker thread only, and let the event loop run between passes, as `serve` does (default: `false`). */
  background?: boolean | null | undefined
  /** Stop rendering when aborted: a parse worker ends and the promise rejects with the signal's reason (default: none). */
  signal?: AbortSignal | null | undefined
}

/** Render markdown to a reveal.js page and the list of files it needs. */
export async function renderDeck(file: VFile, options?: Readonly<RenderOptions> | null): Promise<RenderedDeck> {
  const settings = options || {}
  const config = resolveConfig(settings, 'render')
  const cwd = config.cwd
  let theme: Theme | undefined
  // A theme that failed to load is reported once, not at every use.
  let themeFailed = false
  const assets: OutputFile[] = []
  // Where the deck's files may come from, decided once for the deck.
  const access = resolveFileAccess(file.path ? path.resolve(file.cwd, file.path) : undefined, config.allowFs, cwd)

  const useTheme = (meta: Readonly<DeckMeta>): Theme | undefined => {
    if (theme || themeFailed) return theme
    const choice = chooseTheme(config.theme, meta)
    const by = choice.by
    let name = choice.name
    try {
      if (by === 'caller') {
        // A theme named on the command line is the user's own choice: whatever it reads is allowed.
        theme = loadTheme(name, cwd)
        return theme
      }
      // A theme path in front matter is relative to the deck, and comes from the deck's files.
      const base = file.dirname ? path.resolve(cwd, file.dirname) : cwd
      const source = toThemeFile(name, base)
      if (source && !source.builtin && !isAllowedFile(access, source.file)) {
        refuseOutside(file, access, `theme \`${name}\``, file.data.metaPlaces?.theme)
        name = defaults.theme
      }
      theme = loadTheme(name, base, {isAllowed: (asset) => isAllowedFile(access, asset)})
      for (const refused of theme.refused) {
        refuseOutside(file, access, `\`${refused.reference}\` in theme \`${toDisplayPath(refused.file, file.cwd)}\``, file.data.metaPlaces?.theme)
      }
    } catch (error) {
      if (!isLecternError(error)) throw error
      // A deck written for reveal.js names one of its themes: take lectern's closest.
      const similar = by === 'caller' ? undefined : toLecternTheme(name)
      if (similar && similar !== name) {
        theme = loadTheme(similar, cwd)
        file.message(`Unexpected reveal.js theme \`${name}\`, expected a lectern theme: using \`${similar}\``, {
          place: file.data.metaPlaces?.theme,
          ruleId: 'reveal-theme',
          source: 'lectern'
        })
        return theme
      }
      themeFailed = true
      const message = file.message(error.message, {
        place: by === 'caller' ? undefined : file.data.metaPlaces?.theme,
        ruleId: 'unknown-theme',
        source: 'lectern'
      })
      message.fatal = true
    }
    return theme
  }

  const processor = createProcessor({
    split: config.split,
    positions: settings.positions,
    allowHtml: config.allowHtml,
    fileAccess: access,
    // A small deck renders in milliseconds: only a large one gives the event loop its turns.
    yieldBetweenPasses: settings.background && String(file.value).length >= minSectionedLength,
    signal: settings.signal,
    metrics(meta) {
      // A theme that failed to load is already an error; the splitter still needs whole metrics.
      return {...(useTheme(meta)?.metrics ?? defaultMetrics), ...canvasSize(meta.aspect)}
    },
    assets(current, tree) {
      return collectAssets(current, tree, useTheme(current.data.meta ?? {}), assets, config.inject)
    }
  })
  // A `.txt` or `.html` deck is imported to markdown first; positions then point back into it.
  // The importer loads only for such files: markdown decks never pay for it.
  const imported = isImportPath(file.path) ? await import('../import/deck-file.js') : undefined
  imported?.importDeckFile(file)
  // Nesting no talk needs would hang the parser or exhaust the stack: refuse it first.
  const deep = findDeepNesting(String(file.value))
  if (deep) {
    refuse(file, toNestingReason(deep), {line: deep.line, column: deep.column})
    return {html: '', file, theme, assets: []}
  }
  let result: string
  try {
    // Large decks are parsed by sections, on two threads, reusing cached sections.
    const tree = await parseMarkdown(processor, file, {cache: settings.cache, offThread: settings.background, signal: settings.signal})
    imported?.placeImportedTree(tree, file)
    result = processor.stringify(await processor.run(tree, file), file)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    // The stack or memory ran out on input the scan let through.
    refuse(file, `Unexpected content too deeply nested or too large to process (${error.message}), expected a simpler article; flatten or split it`)
    return {html: '', file, theme, assets: []}
  }
  // As `processor.process` does.
  file.value = result
  return {html: String(result), file, theme, assets}
}

/** Warn that a file outside the folders the deck may read was left out. */
function refuseOutside(file: VFile, access: FileAccess, what: string, place: {line: number; column: number} | undefined): void {
  file.message(toOutsideReason(what, access, file.cwd), {place, ruleId: 'outside-root', source: 'lectern'})
}

/** Add the fatal message that stops a deck from being built. */
function refuse(file: VFile, reason: string, place?: {line: number; column: number}): void {
  const message = file.message(reason, {place, ruleId: 'too-deep', source: 'lectern'})
  message.fatal = true
}

/** The files and page assets of a deck. */
function collectAssets(
  file: VFile,
  tree: Root,
  theme: Theme | undefined,
  files: OutputFile[],
  inject: string | undefined
): PageAssets {
  const reveal = packageDir('reveal.js')
  const client = clientDir()
  files.push(
    {path: 'assets/reveal/reset.css', from: path.join(reveal, 'dist/reset.css')},
    {path: 'assets/reveal/reveal.css', from: path.join(reveal, 'dist/reveal.css')},
    {path: 'assets/reveal/reveal.js', from: path.join(reveal, 'dist/reveal.js')},
    {path: 'assets/reveal/notes.js', from: path.join(reveal, 'plugin/notes/notes.js')},
    {path: 'assets/lectern.css', from: path.join(client, 'lectern.css')},
    {path: 'assets/lectern.js', from: path.join(client, 'lectern.js')}
  )
  const styles: Asset[] = [
    {href: 'assets/reveal/reset.css'},
    {href: 'assets/reveal/reveal.css'}
  ]
  if (theme && theme.fonts.length > 0) {
    const text = `${file.data.deck?.title ?? ''}\n${toString(tree)}`
    const fonts = toDeckFonts(theme.fonts, text)
    files.push({path: 'assets/fonts/fonts.css', content: fonts.css})
    for (const font of fonts.files) files.push({path: `assets/fonts/${path.basename(font)}`, from: font})
    styles.push({href: 'assets/fonts/fonts.css'})
  }
  styles.push({href: 'assets/lectern.css'})
  const math = toMathAssets(tree)
  files.push(...math.files, ...toMediaAssets(file))
  styles.push(...math.styles)
  if (theme) {
    files.push({path: 'assets/theme.css', content: theme.css})
    // Fonts and images a user theme names with relative `url()`s, next to the stylesheet.
    for (const asset of theme.assets) files.push({path: `assets/${asset.path}`, from: asset.from})
    styles.push({href: 'assets/theme.css'})
  }
  const deckStyle = toDeckStyle(file.data.meta ?? {})
  if (deckStyle) styles.push({content: deckStyle})
  const scripts: Asset[] = [
    {href: 'assets/reveal/reveal.js'},
    {href: 'assets/reveal/notes.js'},
    {href: 'assets/lectern.js'}
  ]
  if (inject) scripts.push({content: inject})
  return {styles, scripts}
}

/** Front matter `vars` and `style` as CSS; `</style>` cannot close the element early. */
export function toDeckStyle(meta: Readonly<DeckMeta>): string {
  const parts: string[] = []
  const vars = Object.entries(meta.vars ?? {})
  if (vars.length > 0) {
    const declarations = vars
      .map(([name, value]) => {
        const property = name.startsWith('--') ? name : `--${name}`
        // A value cannot end its declaration or rule.
        return /^[-\w]+$/.test(property) ? `${property}: ${String(value).replace(/[;{}<>]/g, '')};` : ''
      })
      .filter(Boolean)
    parts.push(`:root { ${declarations.join(' ')} }`)
  }
  if (meta.style) parts.push(meta.style)
  return parts.join('\n').replace(/<\/(style)/gi, '<\\/$1')
}

/** A VFile for markdown text, with a path for messages (relative to `cwd`; VFile's default is the process's). */
export function toFile(value: string, filePath?: string, cwd?: string): VFile {
  // VFile reads a `cwd` key that is present but unset as no folder at all.
  return new VFile(cwd === undefined ? {value, path: filePath} : {value, path: filePath, cwd})
}
