/**
 * Raw HTML tables that wrap markdown (an island of `html` blocks around
 * paragraphs and code, see `groupHtmlIslands`), read as rows so that a table
 * taller than a slide can be split between rows, its header repeated.
 *
 * Only an island that is exactly one `<table>` with plain, unnested rows is
 * read; anything else (comments, nested tables, several bodies, rows opened
 * inside markdown) is left whole, for the page to shrink.
 */
import type {Blockquote, BlockContent, Html, RootContent} from 'mdast'
import {hasDataClass, span} from './nodes.js'

/** An island read as a table: what comes before its body rows, the rows, and what closes it. */
export interface HtmlTable {
  /** Markup (and markdown) from `<table>` to the first body row: the header, repeated on each part. */
  prefix: Piece[]
  /** Body rows, each its markup and the markdown in its cells. */
  rows: Piece[][]
  /** Markup after the last row (`</tbody></table>`). */
  suffix: Piece[]
}

/** Raw markup, or a markdown block inside a cell. */
export type Piece = string | BlockContent

const tables = new WeakMap<Blockquote | Html, HtmlTable | null>()

/** Whether a node is an island of raw HTML wrapping markdown (`div.lectern-html`). */
export function isHtmlIsland(node: RootContent): node is Blockquote {
  return node.type === 'blockquote' && node.data?.hName === 'div' && hasDataClass(node, 'lectern-html')
}

/**
 * Read an island, or one raw `html` block, that is exactly one HTML table
 * with at least two body rows; `undefined` otherwise.
 */
export function readHtmlTable(island: Blockquote | Html): HtmlTable | undefined {
  let table = tables.get(island)
  if (table === undefined) {
    table = parse(island) ?? null
    tables.set(island, table)
  }
  return table ?? undefined
}

// Markdown blocks stand in the joined markup as a private-use marker around their index.
const open = '\uE000'
const close = '\uE001'
const marker = /\uE000(\d+)\uE001/g

function parse(island: Blockquote | Html): HtmlTable | undefined {
  const blocks = island.type === 'html' ? [island] : (island.children as BlockContent[])
  let text = ''
  for (const [index, child] of blocks.entries()) {
    if (child.type === 'html') text += child.value + '\n'
    else {
      // Table structure opened or closed inside a paragraph cannot be cut safely.
      if (child.type === 'paragraph' && child.children.some((c) => c.type === 'html' && /<\/?(?:table|thead|tbody|tfoot|tr)\b/i.test(c.value))) return undefined
      text += `${open}${index}${close}`
    }
  }
  if (text.includes(open + open) || /<!--/.test(text)) return undefined
  if (!/^\s*<table\b[^>]*>/i.test(text) || !/<\/table>\s*$/i.test(text)) return undefined
  if ((text.match(/<table\b/gi) ?? []).length !== 1 || /<tfoot\b/i.test(text)) return undefined

  // Rows, in order, none inside another.
  const rows: Array<{start: number; end: number}> = []
  const lower = text.toLowerCase()
  for (const match of text.matchAll(/<tr\b/gi)) {
    const start = match.index
    const end = lower.indexOf('</tr>', start)
    if (end === -1) return undefined
    if (rows.length > 0 && start < rows.at(-1)!.end) return undefined
    rows.push({start, end: end + '</tr>'.length})
  }
  const headEnd = /<\/thead>/i.exec(text)
  const body = rows.filter((row) => !headEnd || row.start > headEnd.index)
  if (body.length < 2) return undefined
  // Body rows follow one another with nothing but white space between them.
  for (let index = 1; index < body.length; index++) {
    if (text.slice(body[index - 1].end, body[index].start).trim()) return undefined
  }
  if (rows.some((row) => /<\/?(?:tbody|thead)\b/i.test(text.slice(row.start, row.end)))) return undefined

  const pieces = (from: number, to: number): Piece[] => toPieces(text.slice(from, to), blocks)
  return {
    prefix: pieces(0, body[0].start),
    rows: body.map((row, index) => pieces(row.start, index + 1 < body.length ? body[index + 1].start : row.end)),
    suffix: pieces(body.at(-1)!.end, text.length)
  }
}

function toPieces(text: string, blocks: BlockContent[]): Piece[] {
  const result: Piece[] = []
  let last = 0
  for (const match of text.matchAll(marker)) {
    if (match.index > last) result.push(text.slice(last, match.index))
    result.push(blocks[Number(match[1])])
    last = match.index + match[0].length
  }
  if (last < text.length) result.push(text.slice(last))
  return result
}

/** A cell of a raw HTML table: its markdown blocks, its own text, and the heights its images ask for (0: unknown). */
export interface HtmlCell {
  blocks: BlockContent[]
  text: string
  images: number[]
}

/** The cells of a row. */
export function cellsOf(row: Piece[]): HtmlCell[] {
  const cells: HtmlCell[] = []
  let current: HtmlCell | undefined
  for (const piece of row) {
    if (typeof piece !== 'string') {
      current?.blocks.push(piece)
      continue
    }
    // Text between tags; a cell starts at each `<td>` / `<th>`.
    for (const part of piece.split(/(?=<t[hd]\b)/i)) {
      if (/^<t[hd]\b/i.test(part)) {
        current = {blocks: [], text: '', images: []}
        cells.push(current)
      }
      if (!current) continue
      current.text += part.replace(/<[^>]*>/g, ' ')
      // An image's height, else its width (avatars and icons are square), in pixels.
      for (const image of part.matchAll(/<img\b[^>]*>/gi)) {
        const size = /\bheight=["']?(\d+)/i.exec(image[0]) ?? /\bwidth=["']?(\d+)(?!\d*%)/i.exec(image[0])
        current.images.push(size ? Number(size[1]) : 0)
      }
    }
  }
  for (const cell of cells) cell.text = cell.text.replace(/\s+/g, ' ').trim()
  return cells
}

/**
 * An island holding the table's header and the given rows: the first part
 * reuses the markdown of the header, later parts a copy of it.
 */
export function tablePart(island: Blockquote | Html, table: HtmlTable, rows: Piece[][], first: boolean): Blockquote {
  const prefix = first ? table.prefix : table.prefix.map((piece) => (typeof piece === 'string' ? piece : structuredClone(piece)))
  const pieces = [...prefix, ...rows.flat(), ...table.suffix]
  const children: BlockContent[] = []
  let markup = ''
  const flush = () => {
    if (markup.trim()) children.push({type: 'html', value: markup.trim()} satisfies Html)
    markup = ''
  }
  for (const piece of pieces) {
    if (typeof piece === 'string') markup += piece
    else {
      flush()
      children.push(piece)
    }
  }
  flush()
  const blocks = rows.flat().filter((piece): piece is BlockContent => typeof piece !== 'string')
  const part: Blockquote = {
    type: 'blockquote',
    children,
    position: structuredClone(first ? island.position : span(blocks) ?? island.position),
    data: island.type === 'html' ? {hName: 'div', hProperties: {className: ['lectern-html']}} : structuredClone(island.data)
  }
  tables.set(part, {prefix, rows, suffix: table.suffix})
  return part
}
