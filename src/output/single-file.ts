/**
 * `lectern build --single-file`: one HTML file that works alone, offline, from
 * any folder. Stylesheets and scripts are inlined, every file the page names
 * (images, CSS `url()`s) becomes a data URI, and fonts are subset to the
 * characters the deck uses.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {Element, Root} from 'hast'
import rehypeParse from 'rehype-parse'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {LecternError} from '../errors.js'
import {writeAtomically} from './write-atomically.js'
import {parseRanges} from '../render/fonts.js'
import type {OutputFile} from '../render/render.js'

/** What `toSingleFile` needs: the page and the files it names. */
export interface SingleFileInput {
  html: string
  assets: ReadonlyArray<OutputFile>
}

const mimeTypes: Record<string, string> = {
  '.avif': 'image/avif',
  '.css': 'text/css',
  '.gif': 'image/gif',
  '.jpeg': 'image/jpeg',
  '.jpg': 'image/jpeg',
  '.js': 'text/javascript',
  '.mp4': 'video/mp4',
  '.otf': 'font/otf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.webm': 'video/webm',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2'
}

const fontExtensions = new Set(['.woff2', '.woff', '.ttf', '.otf'])

/** Turn a built page and its assets into one self-contained HTML document. */
export async function toSingleFile(input: Readonly<SingleFileInput>): Promise<string> {
  const assets = new Map(input.assets.map((asset) => [asset.path, asset]))
  const tree = unified().use(rehypeParse).parse(input.html) as Root
  const text = visibleText(tree)
  const jobs: Array<Promise<void>> = []

  visit(tree, 'element', (node: Element) => {
    const properties = node.properties
    if (node.tagName === 'link' && isStylesheet(node) && typeof properties.href === 'string' && assets.has(properties.href)) {
      const href = properties.href
      jobs.push(
        inlineCss(href, assets, text).then((css) => {
          node.tagName = 'style'
          node.properties = {}
          node.children = [{type: 'text', value: css.replace(/<\/(style)/gi, '<\\/$1')}]
        })
      )
      return
    }
    if (node.tagName === 'script' && typeof properties.src === 'string' && assets.has(properties.src)) {
      const asset = assets.get(properties.src)!
      jobs.push(
        readAsset(asset).then((content) => {
          const script = Buffer.from(content).toString('utf8').replace(/<\/(script)/gi, '<\\/$1')
          if (isSafeInlineScript(script)) {
            delete node.properties.src
            node.children = [{type: 'text', value: script}]
          } else {
            node.properties.src = toDataUri(asset.path, content)
          }
        })
      )
      return
    }
    // Any other attribute naming a deck file (`img[src]`, `data-background-image`, …).
    for (const [key, value] of Object.entries(properties)) {
      if (typeof value !== 'string' || !assets.has(value)) continue
      const asset = assets.get(value)!
      jobs.push(
        readAsset(asset).then((content) => {
          properties[key] = toDataUri(asset.path, content)
        })
      )
    }
  })
  await Promise.all(jobs)
  return unified().use(rehypeStringify).stringify(tree)
}

/** Write the single file atomically (temporary file, then rename); returns its size in bytes. */
export async function writeSingleFile(target: string, html: string): Promise<number> {
  const content = Buffer.from(html, 'utf8')
  await writeAtomically(target, content)
  return content.byteLength
}

/** The text a reader can see (or hear in the notes), for font subsetting. */
function visibleText(tree: Root): string {
  let text = ''
  visit(tree, 'text', (node, _index, parent) => {
    if (parent && parent.type === 'element' && (parent.tagName === 'script' || parent.tagName === 'style')) return
    text += node.value
  })
  return text
}

function isStylesheet(node: Element): boolean {
  const rel = node.properties.rel
  return Array.isArray(rel) ? rel.includes('stylesheet') : rel === 'stylesheet'
}

/**
 * Whether script text can sit inside `<script>` as is. `</script` is already
 * escaped; `<!--` followed by `<script` before any `-->` would put the HTML
 * parser in a state where `</script>` no longer ends the element.
 */
export function isSafeInlineScript(script: string): boolean {
  let from = 0
  for (;;) {
    const open = script.indexOf('<!--', from)
    if (open < 0) return true
    const close = script.indexOf('-->', open + 4)
    const tag = script.slice(open, close < 0 ? undefined : close).search(/<script/i)
    if (tag >= 0) return false
    if (close < 0) return true
    from = close + 3
  }
}

/** A stylesheet with its `url()`s inlined; font faces subset to `text`, unused ones dropped. */
async function inlineCss(cssPath: string, assets: ReadonlyMap<string, OutputFile>, text: string): Promise<string> {
  const css = Buffer.from(await readAsset(assets.get(cssPath)!)).toString('utf8')
  const resolve = (url: string) => {
    const clean = url.trim().replace(/^['"]|['"]$/g, '')
    if (/^(?:[a-z]+:|#|\/)/i.test(clean)) return undefined
    return assets.get(path.posix.normalize(path.posix.join(path.posix.dirname(cssPath), clean)))
  }
  const characters = [...new Set(text)]
  for (let cp = 0x20; cp < 0x7f; cp++) characters.push(String.fromCodePoint(cp))

  const parts: string[] = []
  let last = 0
  for (const match of css.matchAll(/@font-face\s*{[^}]*}|url\(([^)]*)\)/g)) {
    parts.push(css.slice(last, match.index))
    last = match.index + match[0].length
    if (match[0].startsWith('@font-face')) {
      parts.push(await inlineFontFace(match[0], resolve, characters))
    } else {
      const asset = resolve(match[1])
      parts.push(asset ? `url(${toDataUri(asset.path, await readAsset(asset))})` : match[0])
    }
  }
  parts.push(css.slice(last))
  return parts.join('')
}

/** One `@font-face` with its font subset to the characters in its range; empty when it has none. */
async function inlineFontFace(rule: string, resolve: (url: string) => OutputFile | undefined, characters: ReadonlyArray<string>): Promise<string> {
  const url = /url\(([^)]*)\)/.exec(rule)
  const asset = url ? resolve(url[1]) : undefined
  if (!url || !asset) return rule
  const range = /unicode-range:\s*([^;}]+)/.exec(rule)
  const ranges = range ? parseRanges(range[1]) : [[0, 0x10ffff] as [number, number]]
  const used = characters.filter((char) => {
    const cp = char.codePointAt(0)!
    return ranges.some(([start, end]) => cp >= start && cp <= end)
  })
  if (used.length === 0) return ''
  const font = await readAsset(asset)
  if (!fontExtensions.has(path.extname(asset.path).toLowerCase())) return rule.replace(url[0], `url(${toDataUri(asset.path, font)})`)
  const {default: subsetFont} = await import('subset-font')
  let subset: Uint8Array
  try {
    subset = await subsetFont(Buffer.from(font), used.join(''), {targetFormat: 'woff2'})
  } catch (error) {
    throw new LecternError('THEME', `Cannot subset the font \`${asset.from ?? asset.path}\`: ${(error as Error).message}`, {cause: error})
  }
  return rule.replace(/src:[^;}]*/, `src:url(data:font/woff2;base64,${Buffer.from(subset).toString('base64')}) format('woff2')`)
}

async function readAsset(asset: OutputFile): Promise<Uint8Array> {
  if (asset.from) return readFile(asset.from)
  return typeof asset.content === 'string' ? Buffer.from(asset.content, 'utf8') : (asset.content ?? new Uint8Array())
}

function toDataUri(file: string, content: Uint8Array): string {
  const type = mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
  return `data:${type};base64,${Buffer.from(content).toString('base64')}`
}
