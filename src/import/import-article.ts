/**
 * Import an article as it comes — plain text or an HTML page — as clean
 * markdown, with a map from each markdown line back to the source line it
 * came from, so later messages can still point into the original file.
 */
import {importFormatOf} from './extensions.js'
import path from 'node:path'
import type {Root, RootContent} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import type {Node} from 'unist'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {fromHtml} from './html.js'
import {fromText} from './text.js'

/** Formats `importArticle` reads. */
export type ImportFormat = 'text' | 'html'

export interface ImportOptions {
  /** What the input is (default: from the extension of `path`: `.html`/`.htm` are HTML, anything else text). */
  format?: ImportFormat | null | undefined
  /** Path of the input, named in messages (default: none). */
  path?: string | null | undefined
  /** Where the markdown will be written: relative image and link paths are rewritten to point from there to the files next to `path` (default: next to `path`, nothing rewritten). */
  output?: string | null | undefined
}

/** An imported article. */
export interface ImportResult {
  /** The article as markdown. */
  markdown: string
  /** The input as a file, with the importer's messages placed in it. */
  file: VFile
  /** `lines[n]`: the input line that markdown line `n` (1-based) came from; `0` when none. */
  lines: number[]
}

/** Turn a plain-text or HTML article into clean markdown. */
export function importArticle(text: string, options?: Readonly<ImportOptions> | null): ImportResult {
  const settings = options || {}
  const file = new VFile({value: text, path: settings.path ?? undefined})
  const format = settings.format ?? importFormatOf(file.extname)
  if (format !== 'text' && format !== 'html') {
    throw new TypeError(`Unexpected format \`${String(format)}\`, expected \`text\` or \`html\``)
  }
  const value = text.replace(/^\uFEFF/u, '')

  try {
    let tree: Root
    if (format === 'html') {
      const article = fromHtml(value, file)
      tree = article.tree
      if (article.lang) tree.children.unshift({type: 'yaml', value: `lang: ${/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/u.test(article.lang) ? article.lang : JSON.stringify(article.lang)}`})
    } else {
      tree = fromText(value, file)
    }

    if (!tree.children.some((node) => node.type !== 'yaml' && node.type !== 'heading')) {
      const message = file.message(`Unexpected ${format === 'html' ? 'page' : 'text'} without an article, expected paragraphs or lists`, {
        ruleId: 'import-empty',
        source: 'lectern'
      })
      message.fatal = true
    }

    if (settings.path && settings.output) rebaseUrls(tree, settings.path, settings.output)
    return {...toMarkdown(tree), file}
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    // Thousands of nested elements exhaust the stack of the tree utilities.
    const message = file.message(`Unexpected ${format === 'html' ? 'page' : 'text'} nested too deeply to read, expected an ordinary article; save the article alone and import that`, {
      ruleId: 'import-too-deep',
      source: 'lectern'
    })
    message.fatal = true
    return {markdown: '', file, lines: [0]}
  }
}

/** Point relative image and link URLs, written for the input's folder, from the output's folder. */
function rebaseUrls(tree: Root, input: string, output: string): void {
  const from = path.dirname(path.resolve(input))
  const to = path.dirname(path.resolve(output))
  if (from === to) return
  visit(tree, (node) => {
    if (node.type !== 'image' && node.type !== 'link' && node.type !== 'definition') return
    // Absolute URLs, root paths, fragments and `data:` stay as they are.
    if (/^(?:[a-z][a-z\d+.-]*:|\/|#|\?)/iu.test(node.url) || !node.url) return
    const [file, rest] = /^([^?#]*)(.*)$/su.exec(node.url)!.slice(1)
    let decoded = file
    try {
      decoded = decodeURI(file)
    } catch {
      // A path that is not valid percent-encoding is used as written.
    }
    node.url = encodeURI(path.relative(to, path.join(from, decoded)).split(path.sep).join('/')) + rest
  })
}

/** Lists and quotes longer than this (characters) map their lines in order instead of being parsed back: parsing slows down on large blocks. */
const maxParsedBack = 20_000

/**
 * Write a tree as markdown, and read off where each markdown line came
 * from. Top-level blocks are written one by one; a block's lines map to its
 * source lines in order, except lists and quotes, which are parsed back and
 * aligned node by node (a markdown parser is slow on large documents, so
 * only those are).
 */
function toMarkdown(tree: Root): {markdown: string; lines: number[]} {
  const settings = {bullet: '-', fence: '`', fences: true, rule: '-', listItemIndent: 'one', resourceLink: true} as const
  const writer = unified().use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkStringify, settings).freeze()
  // Two lists in a row are told apart by their markers, as `remark-stringify` does.
  const otherWriter = unified().use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkStringify, {...settings, bullet: '*', bulletOrdered: ')'}).freeze()
  const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()

  const parts: string[] = []
  const lines: number[] = [0]
  let other = false
  let previous: RootContent | undefined
  for (const node of tree.children) {
    other = node.type === 'list' && previous?.type === 'list' && previous.ordered === node.ordered ? !other : false
    previous = node
    const text = (other ? otherWriter : writer).stringify({type: 'root', children: [node]}).replace(/\n+$/u, '')
    if (!text) continue
    if (parts.length > 0) lines.push(0)
    const shift = lines.length - 1
    const count = text.split('\n').length
    for (let line = 0; line < count; line++) lines.push(0)
    if (node.type === 'list' && count === node.children.length) {
      // One line per item, the usual list: no need to parse it back.
      node.children.forEach((item, index) => {
        if (item.position) lines[shift + 1 + index] = item.position.start.line
      })
    } else if ((node.type === 'list' || node.type === 'blockquote') && text.length <= maxParsedBack) {
      const [back] = parser.parse(text).children
      if (back) pair(node, back, shift, lines)
    } else if (node.position) {
      const {start, end} = node.position
      for (let line = 0; line < count; line++) lines[shift + 1 + line] = start.line + Math.min(line, end.line - start.line)
    }
    parts.push(text)
  }
  const markdown = parts.length > 0 ? parts.join('\n\n') + '\n' : ''
  lines.push(0)
  return {markdown, lines}
}

/** Record where the lines of `to` (shifted by `shift`) came from in `from`, and recurse while the trees agree. */
function pair(from: Node, to: Node, shift: number, lines: number[]): void {
  const a = from.position
  const b = to.position
  if (from.type !== to.type) return
  if (a && b && from.type !== 'root') {
    for (let line = b.start.line; line <= b.end.line && line + shift < lines.length; line++) {
      lines[line + shift] = a.start.line + Math.min(line - b.start.line, a.end.line - a.start.line)
    }
  }
  const fromChildren = (from as {children?: RootContent[]}).children
  const toChildren = (to as {children?: RootContent[]}).children
  if (fromChildren && toChildren && fromChildren.length === toChildren.length) {
    fromChildren.forEach((child, index) => pair(child, toChildren[index], shift, lines))
  }
}
