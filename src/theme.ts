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
import {LecternError} from './errors.js'
import {themesDir} from './paths.js'
import {defaultMetrics, type Metrics} from './pipeline/slides/fit.js'

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
}

/** The built-in theme decks use when none is named. */
export const defaultThemeName = 'light'

/** The built-in themes, by name, sorted. */
export function listThemes(): Theme[] {
  return readdirSync(themesDir())
    .filter((name) => name.endsWith('.css') && !name.startsWith('_'))
    .sort()
    .map((name) => readTheme(path.join(themesDir(), name), name.slice(0, -4)))
}

/**
 * Load a theme by built-in name or by path (relative to `cwd`).
 * Throws a `LecternError` listing the themes when there is no such theme.
 */
export function loadTheme(nameOrPath: string | undefined, cwd = process.cwd()): Theme {
  const value = nameOrPath || defaultThemeName
  const builtin = path.join(themesDir(), `${value}.css`)
  if (/^[\w-]+$/.test(value) && existsSync(builtin)) return readTheme(builtin, value)
  if (value.endsWith('.css') || value.includes('/') || value.includes(path.sep)) {
    const file = path.resolve(cwd, value)
    if (!existsSync(file)) throw new LecternError('THEME', `Cannot find theme file \`${value}\` (looked at ${file})`)
    return readTheme(file, value)
  }
  const names = readdirSync(themesDir())
    .filter((name) => name.endsWith('.css') && !name.startsWith('_'))
    .map((name) => name.slice(0, -4))
  const closest = closestName(value, names)
  throw new LecternError(
    'THEME',
    `Unknown theme \`${value}\`${closest ? `, did you mean \`${closest}\`?` : ''} Themes: ${names.join(', ')}; or pass a path to a .css file`
  )
}

/** Read a theme file, inlining `@import "name";` of built-in themes. */
function readTheme(file: string, name: string): Theme {
  const files: string[] = []
  const css = inlineImports(file, files, 0)
  const header = /\/\*\*([\s\S]*?)\*\//.exec(readFileSync(file, 'utf8'))?.[1] ?? ''
  const tags = parseTags(header)
  // An imported theme's fonts and metrics carry over unless this one sets its own.
  const inherited = files.slice(1).map((f) => parseTags(/\/\*\*([\s\S]*?)\*\//.exec(readFileSync(f, 'utf8'))?.[1] ?? ''))
  const fontLines = tags.fonts.length > 0 ? tags.fonts : inherited.flatMap((t) => t.fonts)
  const metricLines = [...inherited.flatMap((t) => t.metrics), ...tags.metrics]
  return Object.freeze({
    name: tags.name[0] ?? name,
    description: tags.description[0] ?? '',
    path: file,
    css,
    fonts: Object.freeze(fontLines.map(parseFontLine).filter((f): f is FontRequest => Boolean(f))),
    metrics: Object.freeze(parseMetrics(metricLines)),
    files: Object.freeze(files)
  })
}

function inlineImports(file: string, files: string[], depth: number): string {
  if (depth > 8) throw new LecternError('THEME', `Too deep \`@import\` nesting in theme \`${file}\``)
  files.push(file)
  const css = readFileSync(file, 'utf8')
  return css.replace(/@import\s+(?:url\()?["']([^"')]+)["']\)?\s*;/g, (whole, target: string) => {
    const builtin = target.replace(/^lectern[:/](themes\/)?/, '').replace(/\.css$/, '')
    const builtinFile = path.join(themesDir(), `${builtin}.css`)
    if (/^[\w-]+$/.test(builtin) && existsSync(builtinFile)) return inlineImports(builtinFile, files, depth + 1)
    const local = path.resolve(path.dirname(file), target)
    if (!/^[a-z]+:/i.test(target) && existsSync(local)) return inlineImports(local, files, depth + 1)
    // Anything else (a URL) is left out: a deck never fetches from the network.
    return `/* lectern: left out ${JSON.stringify(whole).slice(1, -1)}, a deck loads nothing from the network */`
  })
}

function parseTags(header: string): Record<'name' | 'description' | 'fonts' | 'metrics', string[]> {
  const result = {name: [] as string[], description: [] as string[], fonts: [] as string[], metrics: [] as string[]}
  for (const line of header.split('\n')) {
    const match = /^\s*\*?\s*@(name|description|fonts|metrics)\s+(.+?)\s*$/.exec(line)
    if (match) result[match[1] as keyof typeof result].push(match[2])
  }
  return result
}

function parseFontLine(line: string): FontRequest | undefined {
  const [pkg, ...weights] = line.split(/\s+/)
  if (!pkg) return undefined
  return {package: pkg, weights: weights.length > 0 ? weights.map(Number).filter(Number.isFinite) : [400]}
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
