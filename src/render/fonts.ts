/**
 * Fonts a deck ships: from the npm font packages a theme names, only the
 * `@font-face` subsets whose unicode-range covers characters the deck uses.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {LecternError} from '../errors.js'
import {packageDir, packageRoot} from '../paths.js'
import type {FontRequest} from '../themes/theme.js'

/** One `@font-face` of a font package. */
export interface FontFace {
  family: string
  weight: number
  style: string
  /** Absolute path of the woff2 file. */
  file: string
  /** Code point ranges, inclusive. */
  ranges: Array<[number, number]>
}

/** The fonts of a deck: a stylesheet and the files it names. */
export interface DeckFonts {
  /** CSS with `@font-face` rules naming files by base name (served from the same folder). */
  css: string
  /** Font files to copy, absolute paths. */
  files: string[]
}

/** A face as read and kept: its ranges flat, `[start, end, start, end …]` (CJK packages have thousands: one array a face spares the garbage collector). */
interface StoredFace extends Omit<FontFace, 'ranges'> {
  ranges: number[]
}

/** Faces read so far, by package and weight: installed packages do not change while lectern runs (`serve` renders on every save). */
const facesRead = new Map<string, StoredFace[]>()

/** Read the `@font-face` rules of a font package for one weight. */
export function readFontFaces(pkg: string, weight: number): FontFace[] {
  return storedFaces(pkg, weight).map(({ranges, ...face}) => ({...face, ranges: toPairs(ranges)}))
}

function storedFaces(pkg: string, weight: number): StoredFace[] {
  const key = `${pkg}\0${weight}`
  let faces = facesRead.get(key)
  if (!faces) {
    const dir = fontPackageDir(pkg)
    faces = indexedFaces(pkg, dir, weight) ?? readFontFacesFromCss(dir, weight)
    facesRead.set(key, faces)
  }
  return faces
}

function fontPackageDir(pkg: string): string {
  try {
    return packageDir(pkg)
  } catch (error) {
    throw new LecternError('THEME', `Cannot find font package \`${pkg}\`: install it with \`npm install ${pkg}\``, {cause: error})
  }
}

/**
 * The faces of the font packages lectern ships, read from their CSS when
 * lectern is built (`src/bundle.mjs` writes `lib/font-faces.json`): the
 * CJK packages' stylesheets are 100 KB a weight, slow to read at every
 * build. Each package's entry holds its version; another installed version
 * is read from its CSS.
 */
export interface FontIndex {
  [pkg: string]: {version: string; weights: {[weight: string]: Array<Omit<StoredFace, 'file' | 'ranges'> & {file: string; ranges: number}>}; ranges: number[][]}
}

/** Where the built font index is. */
export const fontIndexFile = (): string => path.join(packageRoot(), 'lib', 'font-faces.json')

let fontIndex: FontIndex | undefined

function indexedFaces(pkg: string, dir: string, weight: number): StoredFace[] | undefined {
  if (!fontIndex) {
    try {
      fontIndex = JSON.parse(readFileSync(fontIndexFile(), 'utf8')) as FontIndex
    } catch {
      // Not built (tests run from the sources) or unreadable: the CSS is read instead.
      fontIndex = {}
    }
  }
  const entry = Object.hasOwn(fontIndex, pkg) ? fontIndex[pkg] : undefined
  const faces = entry && Object.hasOwn(entry.weights, String(weight)) ? entry.weights[String(weight)] : undefined
  if (!entry || !faces || entry.version !== packageVersion(dir)) return undefined
  return faces.map((face) => ({...face, file: path.join(dir, face.file), ranges: entry.ranges[face.ranges]}))
}

function packageVersion(dir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {version?: string}).version
  } catch {
    return undefined
  }
}

/** Index the faces of font packages at these weights, for `lib/font-faces.json`. */
export function toFontIndex(packages: ReadonlyArray<{pkg: string; weights: ReadonlyArray<number>}>): FontIndex {
  const index: FontIndex = {}
  for (const {pkg, weights} of packages) {
    const dir = fontPackageDir(pkg)
    const ranges: number[][] = []
    const byText = new Map<string, number>()
    const entry: FontIndex[string] = {version: packageVersion(dir) ?? '', weights: {}, ranges}
    for (const weight of weights) {
      entry.weights[String(weight)] = readFontFacesFromCss(dir, weight).map((face) => {
        // Every weight of a package has the same subsets: their ranges are stored once.
        const text = face.ranges.join(',')
        let at = byText.get(text)
        if (at === undefined) {
          at = ranges.push(face.ranges) - 1
          byText.set(text, at)
        }
        return {...face, file: path.relative(dir, face.file), ranges: at}
      })
    }
    index[pkg] = entry
  }
  return index
}

/** Read a font package's `@font-face` rules for one weight from its stylesheet. */
export function readFontFacesFromCss(dir: string, weight: number): StoredFace[] {
  const css = readFileSync(path.join(dir, `${weight}.css`), 'utf8')
  const faces: StoredFace[] = []
  for (const block of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = block[1]
    const family = /font-family:\s*['"]?([^;'"]+)['"]?/.exec(body)?.[1]
    const url = /url\(\.?\/?([^)]+\.woff2)\)/.exec(body)?.[1]
    if (!family || !url) continue
    const range = /unicode-range:\s*([^;]+)/.exec(body)?.[1]
    faces.push({
      family,
      weight: Number(/font-weight:\s*(\d+)/.exec(body)?.[1] ?? weight),
      style: /font-style:\s*(\w+)/.exec(body)?.[1] ?? 'normal',
      file: path.join(dir, url),
      ranges: range ? readRanges(range, []) : [0, 0x10ffff]
    })
  }
  return faces
}

/** `U+4e00-9fff,U+20` → `[[0x4e00, 0x9fff], [0x20, 0x20]]`. */
export function parseRanges(value: string): Array<[number, number]> {
  return toPairs(readRanges(value, []))
}

/** Append the ranges of a `unicode-range` value to `flat` as `start, end` pairs. */
function readRanges(value: string, flat: number[]): number[] {
  for (const part of value.split(',')) {
    const match = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim())
    if (!match) continue
    if (match[1].includes('?')) {
      flat.push(parseInt(match[1].replace(/\?/g, '0'), 16), parseInt(match[1].replace(/\?/g, 'f'), 16))
    } else {
      const start = parseInt(match[1], 16)
      flat.push(start, match[2] ? parseInt(match[2], 16) : start)
    }
  }
  return flat
}

function toPairs(flat: ReadonlyArray<number>): Array<[number, number]> {
  const pairs: Array<[number, number]> = []
  for (let index = 0; index < flat.length; index += 2) pairs.push([flat[index], flat[index + 1]])
  return pairs
}

/** Whether a flat range list has one for which `test(start, end)` holds. */
function someRange(flat: ReadonlyArray<number>, test: (start: number, end: number) => boolean): boolean {
  for (let index = 0; index < flat.length; index += 2) if (test(flat[index], flat[index + 1])) return true
  return false
}

/** Zero-width joiner and variation selectors: parts of emoji sequences, never shown alone. */
const joiners = new Set([0x200d, 0xfe0e, 0xfe0f])

/**
 * Choose the font subsets a text needs. Printable ASCII is always included so
 * generated text (slide numbers, the speaker view) renders in the same font,
 * for text fonts. ASCII is the text font's: a symbol font's subset that
 * covers a few ASCII characters but no letters (the digits, `#` and `*` of
 * Noto Emoji's keycaps) is taken only for the deck's other characters.
 */
export function toDeckFonts(requests: ReadonlyArray<FontRequest>, text: string): DeckFonts {
  const used = usedCodePoints(text)
  const sorted: number[] = []
  for (let cp = 0x20; cp < 0x7f; cp++) sorted.push(cp)
  for (const cp of used) if (cp < 0x20 || cp >= 0x7f) sorted.push(cp)
  sorted.sort((a, b) => a - b)
  // Joiners and variation selectors never show alone: the subset holding a sequence is chosen by its other characters.
  const sortedSymbols = used.filter((cp) => cp >= 0x80 && !joiners.has(cp))

  const rules: string[] = []
  const files: string[] = []
  for (const request of requests) {
    for (const weight of request.weights) {
      for (const face of storedFaces(request.package, weight)) {
        const needed = someRange(face.ranges, (start, end) => start <= 0x61 && 0x61 <= end) ? sorted : sortedSymbols
        if (!someRange(face.ranges, (start, end) => hasInRange(needed, start, end))) continue
        files.push(face.file)
        rules.push(
          `@font-face{font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight};font-display:block;` +
            `src:url(${path.basename(face.file)}) format('woff2');unicode-range:${toPairs(face.ranges)
              .map(([s, e]) => (s === e ? `U+${s.toString(16)}` : `U+${s.toString(16)}-${e.toString(16)}`))
              .join(',')}}`
        )
      }
    }
  }
  return {css: rules.join('\n') + '\n', files}
}

/**
 * The code points of a text, ascending, each once. A bit per code point
 * rather than a set: a thousand-slide deck has half a million characters.
 */
function usedCodePoints(text: string): number[] {
  const seen = new Uint32Array(0x110000 >>> 5)
  for (let index = 0; index < text.length; index++) {
    let cp = text.charCodeAt(index)
    if (cp >= 0xd800 && cp <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
        index++
      }
    }
    seen[cp >>> 5] |= 1 << (cp & 31)
  }
  const points: number[] = []
  for (let word = 0; word < seen.length; word++) {
    const bits = seen[word]
    if (bits === 0) continue
    for (let bit = 0; bit < 32; bit++) if (bits & (1 << bit)) points.push((word << 5) | bit)
  }
  return points
}

/** Whether sorted code points hold one from `start` to `end` (binary search: CJK fonts have about a hundred faces of many ranges). */
function hasInRange(sorted: ReadonlyArray<number>, start: number, end: number): boolean {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle] < start) low = middle + 1
    else high = middle
  }
  return low < sorted.length && sorted[low] <= end
}
