/**
 * Themes: CSS files over reveal.js's custom properties and lectern's own.
 * A theme's header comment names it, describes it, lists the npm font
 * packages it ships and may adjust the layout metrics the splitter uses.
 *
 * ```css
 * /**
 *  * @name light
 *  * @description Clean and light, for any room.
 *  * @fonts @fontsource/noto-sans-sc 400 700
 *  * @metrics fontSize=30 lineHeight=1.45
 *  *\/
 * ```
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {defaults} from '../config/defaults.js'
import {LecternError} from '../errors.js'
import {packageDir, themesDir} from '../paths.js'
import {defaultMetrics, type Metrics} from '../deck/metrics.js'

/** A font an npm package ships, and the weights a theme uses. */
export interface FontRequest {
  /** npm package, such as `@fontsource/noto-sans-sc`. */
  package: string
  /** Weights to ship, such as `[400, 700]`. */
  weights: number[]
}

/** A loaded theme. */
export interface Theme {
  /** Name (a built-in theme's file name, or a user file's path). */
  readonly name: string
  /** One line saying what it is for. */
  readonly description: string
  /** The file it was read from. */
  readonly path: string
  /** CSS with built-in imports inlined. */
  readonly css: string
  /** Fonts to ship with the deck. */
  readonly fonts: ReadonlyArray<FontRequest>
  /** Layout metrics for the splitter. */
  readonly metrics: Readonly<Metrics>
  /** Every file the theme was read from (for watching). */
  readonly files: ReadonlyArray<string>
  /** Files a user theme names with relative `url()`s, to copy next to its stylesheet. */
  readonly assets: ReadonlyArray<ThemeAsset>
  /** `@import`s and `url()`s left out because `isAllowed` refused the file they name. */
  readonly refused: ReadonlyArray<RefusedReference>
}

/** A reference of a theme left out of the deck: the file it names may not be read. */
export interface RefusedReference {
  /** The CSS as written (`url(../../x.png)`). */
  reference: string
  /** The theme file it is in. */
  file: string
}

/** How a theme is loaded. */
export interface LoadThemeOptions {
  /** Whether a file a theme imports or names with `url()` may be read; others are left out (default: every file). */
  isAllowed?: ((file: string) => boolean) | null | undefined
}

/** A file a theme's CSS names with a relative `url()` (a font, an image). */
export interface ThemeAsset {
  /** Path relative to the theme stylesheet in the deck, with `/` separators (`theme-files/bg.png`). */
  path: string
  /** Absolute path of the file to copy. */
  from: string
}

/** The built-in themes, by name, sorted. */
export function listThemes(): Theme[] {
  return builtinNames().map((name) => readTheme(path.join(themesDir(), `${name}.css`), name))
}

/**
 * Load a theme by built-in name or by path (relative to `cwd`, else to the current folder).
 * Throws a `LecternError` listing the themes when there is no such theme.
 */
export function loadTheme(nameOrPath: string | undefined, cwd?: string, options?: Readonly<LoadThemeOptions> | null): Theme {
  const value = nameOrPath || defaults.theme
  const source = toThemeFile(value, cwd)
  // A built-in theme is lectern's own: every file it names may be read.
  if (source?.builtin) return readTheme(source.file, value)
  if (source) {
    if (!existsSync(source.file)) throw new LecternError('THEME', `Cannot find theme file \`${value}\` (looked at ${source.file})`)
    return readTheme(source.file, value, options?.isAllowed ?? undefined)
  }
  const names = builtinNames()
  const closest = closestName(value, names)
  throw new LecternError(
    'THEME',
    `Unknown theme \`${value}\`${closest ? `, did you mean \`${closest}\`?` : ''} Themes: ${names.join(', ')}; or pass a path to a .css file`
  )
}

/** The file a theme name or path (relative to `cwd`) names, and whether it is built in; `undefined` for an unknown name. */
export function toThemeFile(nameOrPath: string | undefined, cwd?: string): {file: string; builtin: boolean} | undefined {
  const value = nameOrPath || defaults.theme
  const builtin = path.join(themesDir(), `${value}.css`)
  if (/^[\w-]+$/.test(value) && existsSync(builtin)) return {file: builtin, builtin: true}
  if (value.endsWith('.css') || value.includes('/') || value.includes(path.sep)) return {file: cwd === undefined ? path.resolve(value) : path.resolve(cwd, value), builtin: false}
  return undefined
}

/** Read a theme file, inlining `@import "name";` of built-in themes. */
function readTheme(file: string, name: string, isAllowed?: (file: string) => boolean): Theme {
  const files: string[] = []
  const headers: string[] = []
  const assets = new Map<string, ThemeAsset>()
  const refused: RefusedReference[] = []
  const css = inlineImports(file, {files, headers, assets, root: path.dirname(file), isAllowed, refused}, 0)
  const [tags, ...inherited] = headers.map((header) => parseTags(header))
  // An imported theme's fonts and metrics carry over unless this one sets its own.
  const fontLines = tags.fonts.length > 0 ? tags.fonts : inherited.flatMap((t) => t.fonts)
  const metricLines = [...inherited.flatMap((t) => t.metrics), ...tags.metrics]
  return Object.freeze({
    name: tags.name[0] ?? name,
    description: tags.description[0] ?? '',
    path: file,
    css,
    fonts: Object.freeze(
      fontLines.map((line) => parseFontLine(line, file)).filter((f): f is FontRequest => Boolean(f))
    ),
    metrics: Object.freeze(parseMetrics(metricLines)),
    files: Object.freeze(files),
    assets: Object.freeze([...assets.values()]),
    refused: Object.freeze(refused)
  })
}

interface InlineState {
  files: string[]
  /** The header comment of each of `files`. */
  headers: string[]
  assets: Map<string, ThemeAsset>
  /** Folder of the theme file the user named; assets keep their paths relative to it. */
  root: string
  isAllowed: ((file: string) => boolean) | undefined
  refused: RefusedReference[]
}

function inlineImports(file: string, state: InlineState, depth: number): string {
  if (depth > 8) throw new LecternError('THEME', `Too deep \`@import\` nesting in theme \`${file}\``)
  const text = readFileSync(file, 'utf8')
  state.files.push(file)
  state.headers.push(/\/\*\*([\s\S]*?)\*\//.exec(text)?.[1] ?? '')
  // One pass, in document order: comments stay as they are, imports are inlined, urls shipped.
  const pattern =
    /\/\*[\s\S]*?\*\/|@import\s+(?:url\(\s*(["']?)(?<url>[^"')]+)\1\s*\)|(["'])(?<string>[^"']+)\3)[^;]*;|\burl\(\s*(["']?)(?<asset>[^"')]*)\5\s*\)/g
  return text.replace(pattern, (whole, ...rest) => {
    const groups = rest.at(-1) as Record<'url' | 'string' | 'asset', string | undefined>
    const target = groups.url ?? groups.string
    if (target !== undefined) return inlineImport(whole, target.trim(), file, state, depth)
    if (groups.asset !== undefined) return shipUrl(whole, groups.asset.trim(), rest[4] as string, file, state)
    return whole
  })
}

function inlineImport(whole: string, target: string, file: string, state: InlineState, depth: number): string {
  const builtin = target.replace(/^lectern[:/](themes\/)?/, '').replace(/\.css$/, '')
  const builtinFile = path.join(themesDir(), `${builtin}.css`)
  if (/^[\w-]+$/.test(builtin) && existsSync(builtinFile)) return inlineImports(builtinFile, state, depth + 1)
  if (/^([a-z][\w+.-]*:|\/\/)/i.test(target)) {
    // A deck never fetches from the network.
    throw new LecternError(
      'THEME',
      `Unexpected \`${whole}\` in theme \`${file}\`, expected a built-in theme (${builtinNames().join(', ')}) or a CSS file next to it: a deck loads nothing from the network`
    )
  }
  const local = path.resolve(path.dirname(file), target)
  if (state.isAllowed && !state.isAllowed(local)) {
    state.refused.push({reference: whole, file})
    return ''
  }
  if (existsSync(local)) return inlineImports(local, state, depth + 1)
  throw new LecternError(
    'THEME',
    `Cannot find \`${whole}\` of theme \`${file}\` (looked at ${local}), expected a built-in theme (${builtinNames().join(', ')}) or a CSS file`
  )
}

/**
 * Point a relative `url()` of a theme file at the copy the deck ships
 * (`theme-files/…`, next to the theme stylesheet); refuse remote ones.
 */
function shipUrl(whole: string, target: string, quote: string, file: string, state: InlineState): string {
  if (target === '' || /^(data:|#)/i.test(target)) return whole
  if (/^([a-z][\w+.-]*:|\/)/i.test(target)) {
    throw new LecternError(
      'THEME',
      `Unexpected \`${whole}\` in theme \`${file}\`, expected a path relative to the theme: a deck loads nothing from the network and ships the files it uses`
    )
  }
  const [, filePart, suffix] = /^([^?#]*)(.*)$/.exec(target)!
  const from = path.resolve(path.dirname(file), safeDecode(filePart))
  if (state.isAllowed && !state.isAllowed(from)) {
    state.refused.push({reference: whole, file})
    return 'none'
  }
  if (!existsSync(from)) {
    throw new LecternError('THEME', `Cannot find \`${target}\` named by \`url()\` in theme \`${file}\` (looked at ${from})`)
  }
  let relative = path.relative(state.root, from).split(path.sep).join('/')
  if (relative.startsWith('../') || path.isAbsolute(relative)) relative = `outside/${state.assets.size}-${path.basename(from)}`
  const asset = state.assets.get(from) ?? {path: `theme-files/${relative}`, from}
  state.assets.set(from, asset)
  return `url(${quote}${encodeURI(asset.path)}${suffix}${quote})`
}

function safeDecode(value: string): string {
  try {
    return decodeURI(value)
  } catch {
    return value
  }
}

function builtinNames(): string[] {
  return readdirSync(themesDir())
    .filter((name) => name.endsWith('.css') && !name.startsWith('_'))
    .map((name) => name.slice(0, -4))
    .sort()
}

function parseTags(header: string): Record<'name' | 'description' | 'fonts' | 'metrics', string[]> {
  const result = {name: [] as string[], description: [] as string[], fonts: [] as string[], metrics: [] as string[]}
  for (const line of header.split('\n')) {
    const match = /^\s*\*?\s*@(name|description|fonts|metrics)\s+(.+?)\s*$/.exec(line)
    if (match) result[match[1] as keyof typeof result].push(match[2])
  }
  return result
}

/** `@fonts <package> <weights…>`, checked against the installed package so a typo fails here, clearly. */
function parseFontLine(line: string, file: string): FontRequest | undefined {
  const [pkg, ...weights] = line.split(/\s+/)
  if (!pkg) return undefined
  // A package name, never a path: `@fonts ../../x` would ship files from anywhere.
  if (!/^(?:@[a-z\d~-][\w.~-]*\/)?[a-z\d~-][\w.~-]*$/i.test(pkg)) {
    throw new LecternError('THEME', `Unexpected \`${pkg}\` named by \`@fonts\` in theme \`${file}\`, expected an npm package name such as \`@fontsource/noto-sans-sc\``)
  }
  let dir: string
  try {
    dir = packageDir(pkg)
  } catch (error) {
    throw new LecternError('THEME', `Cannot find font package \`${pkg}\` named by \`@fonts\` in theme \`${file}\`: install it with \`npm install ${pkg}\``, {
      cause: error
    })
  }
  const chosen = weights.length > 0 ? weights : ['400']
  for (const weight of chosen) {
    // One look a weight: font packages hold hundreds of files, listed only to say which weights there are.
    if (!/^\d+$/.test(weight) || !existsSync(path.join(dir, `${weight}.css`))) {
      const available = readdirSync(dir)
        .map((name) => /^(\d+)\.css$/.exec(name)?.[1])
        .filter((found): found is string => Boolean(found))
        .sort((a, b) => Number(a) - Number(b))
      throw new LecternError(
        'THEME',
        `Unexpected weight \`${weight}\` of \`${pkg}\` in theme \`${file}\`, expected one of ${available.join(', ') || 'the weights the package ships'}`
      )
    }
  }
  return {package: pkg, weights: chosen.map(Number)}
}

function parseMetrics(lines: string[]): Metrics {
  const metrics: Metrics = {...defaultMetrics}
  for (const line of lines) {
    for (const pair of line.split(/\s+/)) {
      const [key, value] = pair.split('=')
      if (key in metrics && Number.isFinite(Number(value))) metrics[key as keyof Metrics] = Number(value)
    }
  }
  return metrics
}

/** The name closest to a mistyped one (edit distance ≤ 3), if any. */
export function closestName(value: string, names: string[]): string | undefined {
  let best: string | undefined
  let bestDistance = 4
  for (const name of names) {
    const distance = editDistance(value.toLowerCase(), name.toLowerCase())
    if (distance < bestDistance) {
      best = name
      bestDistance = distance
    }
  }
  return best
}

function editDistance(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]
}
