/**
 * Fit: estimate how tall a slide's content is, from the theme's metrics, and
 * split what does not fit into continuation slides whose notes follow their
 * content. What splitting would cut badly (one long paragraph, a single huge
 * list item, a wide table, a code block a little too tall) stays whole on a
 * slide of its own, and the page shrinks it, never below `minimumScale`.
 *
 * The estimate mirrors `src/client/lectern.css` and was calibrated against
 * Chromium (`lectern check` measures every block): it errs on the tall side
 * by a few percent, not more.
 */
import type {BlockContent, Code, List, ListItem, Parent, RootContent, Table, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Notes, Slide, Stack} from '../deck/types.js'
import {createHeading, createNotes, getNotes, hasDataClass, isImage, span} from './nodes.js'
import {cellsOf, type HtmlTable, isHtmlIsland, type Piece, readHtmlTable, tablePart} from './html-table.js'
import {countCjk} from '../deck/text.js'

/** Layout metrics of a theme, in CSS pixels on the slide canvas. */
export interface Metrics {
  /** Canvas width (default: `1280`). */
  width: number
  /** Canvas height (default: `720`). */
  height: number
  /** Horizontal padding of a slide (default: `64`). */
  paddingX: number
  /** Vertical padding of a slide (default: `40`). */
  paddingY: number
  /** Body font size (default: `30`). */
  fontSize: number
  /** Body line height (default: `1.45`). */
  lineHeight: number
  /** Height a one-line slide title takes, margin included (default: `82`). */
  titleHeight: number
  /** Code font size relative to the body (default: `0.62`). */
  codeScale: number
  /** Table font size relative to the body (default: `0.72`). */
  tableScale: number
  /** Height an image may take (default: `400`). */
  imageHeight: number
}

/** Metrics of the built-in themes. */
export const defaultMetrics: Readonly<Metrics> = Object.freeze({
  width: 1280,
  height: 720,
  paddingX: 64,
  paddingY: 40,
  fontSize: 30,
  lineHeight: 1.45,
  titleHeight: 82,
  codeScale: 0.62,
  tableScale: 0.72,
  imageHeight: 400
})

/**
 * Smallest scale a slide is shrunk to so that it fits, relative to the
 * theme's sizes (the page runtime, `src/client/lectern.js`, uses the same).
 */
export const minimumScale = 0.6

/** Smallest readable font size in canvas pixels: the theme's smallest text (code or tables) at the minimum scale. */
export function minimumFontSize(metrics: Readonly<Metrics>): number {
  return Math.floor(metrics.fontSize * minimumScale * Math.min(metrics.codeScale, metrics.tableScale, 1))
}

/**
 * A block too tall for a slide but at most this much too tall is kept whole
 * (code, a table, one list item) and shrunk by the page rather than cut.
 */
const shrinkRather = 0.85

/** A whole slide at most this much too tall is shrunk rather than split into a continuation holding a line or two. */
const shrinkSlide = 0.9

// Widths, in em of the font: Latin text in Noto Sans averages a little over
// half an em a character; a CJK character is one em; monospace is 0.6 em.
const latinEm = 0.5
const monoEm = 0.602
// Lines break between words (code: at spaces first), so a line holds a little less than its width.
const wrapSlack = 0.94
const monoSlack = 0.9
const codeLineHeight = 1.53

/** Estimate the height in pixels of one block on a slide of the given metrics. */
export function estimateHeight(node: RootContent, metrics: Readonly<Metrics>, widthPx = contentWidth(metrics)): number {
  const fs = metrics.fontSize
  const line = fs * metrics.lineHeight
  const gap = fs * 0.6
  switch (node.type) {
    case 'paragraph': {
      if (node.children.some((c) => isImage(c) || (c.type === 'html' && /<img\b/i.test(c.value)))) {
        return metrics.imageHeight + gap
      }
      // Key sentences are set larger (lectern.css `.lectern-key`).
      if (hasDataClass(node, 'lectern-key')) return linesOf(toString(node), widthPx / (fs * 1.15)) * fs * 1.15 * 1.5 + gap * 1.15
      return linesOf(toString(node), widthPx / fs) * line + gap
    }
    case 'heading': {
      const size = fs * (node.depth <= 2 ? 1.6 : node.depth === 3 ? 1.25 : 1.05)
      return linesOf(toString(node), widthPx / size) * size * 1.2 + size * 0.5
    }
    case 'list':
      return listHeight(node, metrics, widthPx, 1) + gap
    case 'code':
      return codeHeight(node.value.split('\n'), metrics, widthPx)
    case 'table':
      return tableRowsHeight(node.children, node, metrics, widthPx) + gap
    case 'blockquote': {
      const table = isHtmlIsland(node) ? readHtmlTable(node) : undefined
      if (table) return htmlTableHeight(table, table.rows, metrics, widthPx) + gap
      return node.children.reduce((sum, child) => sum + estimateHeight(child, metrics, widthPx - fs * 2.2), 0) + fs * 0.6 + gap
    }
    case 'fencedDiv': {
      // Pandoc columns sit side by side: as tall as the tallest, each at its share of the width.
      if (!hasDataClass(node, 'columns')) return node.children.reduce((sum, child) => sum + estimateHeight(child, metrics, widthPx), 0)
      const columns = node.children.filter((child) => hasDataClass(child, 'column'))
      const share = widthPx / Math.max(1, columns.length)
      return Math.max(0, ...columns.map((column) => estimateHeight(column, metrics, share)))
    }
    case 'math':
      return Math.max(1, node.value.split(/\\\\|\n/).length) * fs * 2 + gap
    case 'html': {
      if (/^\s*<!--[\s\S]*-->\s*$/.test(node.value)) return 0
      const table = readHtmlTable(node)
      if (table) return htmlTableHeight(table, table.rows, metrics, widthPx) + gap
      if (/<img\b/i.test(node.value)) return metrics.imageHeight + gap
      return linesOf(node.value.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim(), widthPx / fs) * line + gap
    }
    case 'notes':
    case 'pause':
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
    case 'thematicBreak':
      return 0
    default:
      return 'children' in node ? (node as Parent).children.reduce((s, c) => s + estimateHeight(c as RootContent, metrics, widthPx), 0) : line
  }
}

/** Height of a slide title (an `##` heading) of this text. */
export function titleHeight(text: string, metrics: Readonly<Metrics>): number {
  const size = metrics.fontSize * 1.6
  const lines = linesOf(text, contentWidth(metrics) / size)
  return metrics.titleHeight + (lines - 1) * size * 1.2
}

/** Width available to content on a slide. */
export function contentWidth(metrics: Readonly<Metrics>): number {
  return metrics.width - 2 * metrics.paddingX
}

/** Height available to content below a title: `false` for none, `true` for one line, or the title's text (it may wrap). */
export function contentHeight(metrics: Readonly<Metrics>, titled: boolean | string): number {
  const title = titled === false ? 0 : typeof titled === 'string' ? titleHeight(titled, metrics) : metrics.titleHeight
  return metrics.height - 2 * metrics.paddingY - title
}

/** Visual width of text in em of its font. */
function widthEm(text: string, mono = false): number {
  const wide = countCjk(text)
  return wide + (text.length - wide) * (mono ? monoEm : latinEm)
}

/** Lines a text takes in a box `widthEm` wide. */
function linesOf(text: string, widthEm_: number, mono = false): number {
  const room = Math.max(1, widthEm_ * (mono ? monoSlack : wrapSlack))
  // In prose a line ending in the source is a space; in code it is a line.
  const parts = mono ? text.split('\n') : [text.replace(/\s*\n\s*/g, ' ')]
  let lines = 0
  for (const part of parts) lines += Math.max(1, Math.ceil(widthEm(part, mono) / room))
  return lines
}

function listHeight(list: List, metrics: Readonly<Metrics>, widthPx: number, size: number): number {
  const itemSize = hasDataClass(list, 'lectern-terms') ? size * 1.1 : size
  return list.children.reduce((sum, item) => sum + listItemHeight(item, metrics, widthPx, itemSize), 0)
}

/**
 * Heights measured so far, by metrics, then by node (or row), then by width and
 * size: a long block split in pages is measured once. A memo of a pure function,
 * held weakly: it never changes a result and goes with the trees it measured.
 */
const measured = new WeakMap<Readonly<Metrics>, WeakMap<object, Map<string, number>>>()

function remember(node: object, metrics: Readonly<Metrics>, key: string, measure: () => number): number {
  let byNode = measured.get(metrics)
  if (!byNode) {
    byNode = new WeakMap()
    measured.set(metrics, byNode)
  }
  let known = byNode.get(node)
  if (!known) {
    known = new Map()
    byNode.set(node, known)
  }
  let height = known.get(key)
  if (height === undefined) {
    height = measure()
    known.set(key, height)
  }
  return height
}

/** Height of one list item, its gap to the next included. */
function listItemHeight(item: ListItem, metrics: Readonly<Metrics>, widthPx: number, size = 1): number {
  return remember(item, metrics, `${widthPx} ${size}`, () => measureListItem(item, metrics, widthPx, size))
}

function measureListItem(item: ListItem, metrics: Readonly<Metrics>, widthPx: number, size: number): number {
  const fs = metrics.fontSize * size
  const indent = metrics.fontSize * size * 1.6
  const line = fs * metrics.lineHeight
  let inner = 0
  for (const child of item.children) {
    if (child.type === 'paragraph') inner += linesOf(toString(child), (widthPx - indent) / fs) * line
    else if (child.type === 'list') inner += listHeight(child, metrics, widthPx - indent, size * 0.9) + fs * 0.9 * 0.2
    else inner += estimateHeight(child, metrics, widthPx - indent)
  }
  return Math.max(inner, line) + fs * 0.25
}

function codeHeight(lines: string[], metrics: Readonly<Metrics>, widthPx: number): number {
  const size = metrics.fontSize * metrics.codeScale
  const perLine = (widthPx - size * 2) / size
  let count = 0
  for (const line of lines) count += linesOf(line.replace(/\t/g, '    '), perLine, true)
  // A code line is 1.45 of the code font, but its line box also holds the
  // strut of the body font: measured in Chromium, about 1.53.
  return count * size * codeLineHeight + size * 1.6 + metrics.fontSize * 0.6
}

/** How a table was laid out for one width: its column widths and the heights of its rows, kept so a split table is not measured again. */
interface TableLayout {
  metrics: Readonly<Metrics>
  widthPx: number
  widths: number[]
  rows: WeakMap<TableRow, number>
}

/** Layouts by table; the parts of a split table share the whole table's layout. */
const tableLayouts = new WeakMap<Table, TableLayout[]>()

function tableLayout(table: Table, metrics: Readonly<Metrics>, widthPx: number): TableLayout {
  let layouts = tableLayouts.get(table)
  if (!layouts) {
    layouts = []
    tableLayouts.set(table, layouts)
  }
  let layout = layouts.find((candidate) => candidate.metrics === metrics && candidate.widthPx === widthPx)
  if (!layout) {
    layout = {metrics, widthPx, widths: columnWidths(table, metrics.fontSize * metrics.tableScale, widthPx), rows: new WeakMap()}
    layouts.push(layout)
  }
  return layout
}

function tableRowsHeight(rows: TableRow[], table: Table, metrics: Readonly<Metrics>, widthPx: number): number {
  const size = metrics.fontSize * metrics.tableScale
  const layout = tableLayout(table, metrics, widthPx)
  const {widths} = layout
  let height = 0
  for (const row of rows) {
    let rowHeight = layout.rows.get(row)
    if (rowHeight === undefined) {
      let tallest = size * 1.4
      row.children.forEach((cell, index) => {
        // A picture in a cell is as tall as pictures get; its alt text is not a line of text.
        const pictures = cell.children.filter(isImage).length
        const text = pictures > 0 ? textWithoutPictures(cell) : toString(cell)
        const lines = text.trim() ? linesOf(text, widths[index] ?? widths.at(-1) ?? 1) : 0
        tallest = Math.max(tallest, lines * size * 1.4 + pictures * metrics.imageHeight)
      })
      rowHeight = tallest + size * 0.6 + 1
      layout.rows.set(row, rowHeight)
    }
    height += rowHeight
  }
  return height
}

/**
 * Column widths in em, as an automatic table layout gives them: each column
 * its natural width when all fit, else a share of the room in proportion to it.
 */
function columnWidths(table: Table, size: number, widthPx: number): number[] {
  const columns = Math.max(1, ...table.children.map((row) => row.children.length))
  const padding = 1.4
  const room = widthPx / size - columns * padding
  const natural: number[] = Array.from({length: columns}, () => 1)
  for (const row of table.children) {
    row.children.forEach((cell, index) => {
      natural[index] = Math.max(natural[index], widthEm(toString(cell)))
    })
  }
  const total = natural.reduce((a, b) => a + b, 0)
  // A column at its natural width holds its longest cell on one line: undo the wrap slack `linesOf` applies.
  if (total <= room) return natural.map((width) => width / wrapSlack + 0.5)
  return natural.map((width) => Math.max(3, (room * width) / total))
}

/** A table cell's text without the alt text of its pictures. */
function textWithoutPictures(cell: TableRow['children'][number]): string {
  return cell.children.map((child) => (isImage(child) ? '' : toString(child))).join('')
}

/** Height of the header and the given rows of a raw HTML table wrapping markdown. */
function htmlTableHeight(table: HtmlTable, rows: Piece[][], metrics: Readonly<Metrics>, widthPx: number): number {
  return htmlRowHeight(table.prefix, metrics, widthPx) + rows.reduce((sum, row) => sum + htmlRowHeight(row, metrics, widthPx), 0)
}

/**
 * Height of one row of a raw HTML table: its tallest cell, the cells sharing
 * the width evenly, their markdown set at the table's font size.
 */
function htmlRowHeight(row: Piece[], metrics: Readonly<Metrics>, widthPx: number): number {
  return remember(row, metrics, String(widthPx), () => {
    const cells = cellsOf(row)
    if (cells.length === 0) return 0
    const size = metrics.fontSize * metrics.tableScale
    const inner: Metrics = {...metrics, fontSize: size, lineHeight: 1.4}
    const cellWidth = Math.max(size * 3, widthPx / cells.length - size * 1.4)
    let tallest = size * 1.4
    for (const cell of cells) {
      let height = cell.text ? linesOf(cell.text, cellWidth / size) * size * 1.4 : 0
      for (const image of cell.images) height += Math.min(image || metrics.imageHeight, metrics.imageHeight)
      for (const block of cell.blocks) height += estimateHeight(block, inner, cellWidth)
      tallest = Math.max(tallest, height)
    }
    return tallest + size * 0.6 + 1
  })
}

/**
 * Split slides whose content is taller than the canvas into continuation
 * slides. Returns the number of slides added.
 */
export function fitSlides(
  slides: Array<Slide | Stack>,
  metrics: Readonly<Metrics>,
  continued: (title: string) => string
): number {
  let added = 0
  const fitList = (list: Slide[]): Slide[] => {
    const out: Slide[] = []
    for (const slide of list) {
      const parts = splitSlide(slide, metrics, continued)
      added += parts.length - 1
      out.push(...parts)
    }
    return out
  }
  const result: Array<Slide | Stack> = []
  for (const node of slides) {
    if (node.type === 'stack') {
      node.children = fitList(node.children)
      result.push(node)
    } else result.push(...fitList([node]))
  }
  slides.splice(0, slides.length, ...result)
  return added
}

/**
 * Split one slide into itself plus continuations, if it is too tall. Each
 * page gets the notes that introduce what it shows (the prose before its
 * first block, in the article's order); the first keeps the rest before.
 */
export function splitSlide(slide: Slide, metrics: Readonly<Metrics>, continued: (title: string) => string): Slide[] {
  if (slide.data?.kind === 'title') return [slide]
  const heading = slide.children[0]?.type === 'heading' ? slide.children[0] : undefined
  const notes = getNotes(slide)
  const content = slide.children.filter((c) => c !== heading && c !== notes)
  const title = slide.data?.title ?? (heading ? toString(heading) : '')
  const available = contentHeight(metrics, heading ? title : false)
  const total = content.reduce((sum, node) => sum + estimateHeight(node, metrics), 0)
  if (total <= available / shrinkSlide) return [slide]
  // Continuations repeat the title with a suffix, which may take more lines.
  const nextAvailable = contentHeight(metrics, heading ? continued(title) : false)

  const pages = paginate(content, metrics, available, nextAvailable)
  if (pages.length <= 1) return [slide]

  const pageNotes = distributeNotes(notes, pages)
  return pages.map((page, index) => {
    const own = pageNotes[index].length > 0 ? [createNotes(pageNotes[index])] : []
    if (index === 0) {
      slide.children = [...(heading ? [heading] : []), ...page, ...own]
      return slide
    }
    const text = continued(title)
    const next: Slide = {
      type: 'slide',
      children: [...(heading ? [createHeading(heading.depth, [{type: 'text', value: text}], heading.position)] : []), ...page, ...own],
      position: span(page),
      data: {kind: 'continuation', title: text, attributes: slide.data?.attributes ? withoutId(slide.data.attributes) : undefined}
    }
    return next
  })
}

/** Lay blocks out on pages of the given heights, splitting lists, tables and code between items. */
export function paginate(content: RootContent[], metrics: Readonly<Metrics>, first: number, rest = first): RootContent[][] {
  const pages: RootContent[][] = [[]]
  let room = first
  const newPage = () => {
    const previous = pages.at(-1)!
    pages.push([])
    room = rest
    // A heading is kept with what it introduces.
    const last = previous.at(-1)
    if (last && last.type === 'heading' && previous.length > 1) {
      previous.pop()
      pages.at(-1)!.push(last)
      room -= estimateHeight(last, metrics)
    }
  }
  const queue = [...content]
  while (queue.length > 0) {
    const node = queue.shift()!
    const height = estimateHeight(node, metrics)
    const page = pages.at(-1)!
    if (height <= room) {
      page.push(node)
      room -= height
      continue
    }
    // A block a little too tall for a whole slide is kept whole, and shrunk.
    if (isKeptWhole(node, height, rest)) {
      // With what is already on the page, if the page as a whole shrinks little enough.
      const pageHeight = pages.length === 1 ? first : rest
      if (page.length > 0 && pageHeight - room + height > pageHeight / shrinkRather) newPage()
      pages.at(-1)!.push(node)
      room = 0
      continue
    }
    let [head, tail] = splitBlock(node, room, metrics)
    // On a fresh page, a lone last item is better than nothing split at all.
    if (!head && page.length === 0) [head, tail] = splitBlock(node, room, metrics, false)
    if (head) {
      page.push(head)
      room -= estimateHeight(head, metrics)
      if (tail) {
        newPage()
        queue.unshift(tail)
      }
      continue
    }
    if (page.length > 0) {
      // Nothing of it fits here: start it on a fresh page.
      newPage()
      queue.unshift(node)
      continue
    }
    // Even a fresh page cannot hold a part of it: alone, shrunk by the page.
    page.push(node)
    room = 0
  }
  return pages.filter((page) => page.length > 0)
}

/** Whether a block too tall for `room` is better shrunk than cut. */
function isKeptWhole(node: RootContent, height: number, room: number): boolean {
  if (height > room / shrinkRather) return false
  if (node.type === 'code' || node.type === 'table') return true
  if ((isHtmlIsland(node) || node.type === 'html') && readHtmlTable(node)) return true
  return node.type === 'list' && node.children.length === 1
}

/** Split a list, table or code block so its first part fits in `room`. */
function splitBlock(node: RootContent, room: number, metrics: Readonly<Metrics>, orphans = true): [RootContent | undefined, RootContent | undefined] {
  const width = contentWidth(metrics)
  if (node.type === 'list') {
    const size = hasDataClass(node, 'lectern-terms') ? 1.1 : 1
    const heights = node.children.map((item) => listItemHeight(item, metrics, width, size))
    const count = fitCount(heights, room - metrics.fontSize * 0.6, 1, orphans ? 2 : 1)
    if (count === 0) return splitFirstItem(node, room, metrics)
    if (count >= node.children.length) return [node, undefined]
    const start = node.start ?? 1
    const head: List = {...node, children: node.children.slice(0, count), position: span(node.children.slice(0, count))}
    const tail: List = {
      ...node,
      children: node.children.slice(count),
      position: span(node.children.slice(count)),
      ...(node.ordered ? {start: start + count} : {})
    }
    return [head, tail]
  }
  if (node.type === 'table') {
    const [header, ...rows] = node.children
    const headerHeight = tableRowsHeight([header], node, metrics, width)
    const heights = rows.map((row) => tableRowsHeight([row], node, metrics, width))
    const count = fitCount(heights, room - headerHeight - metrics.fontSize * 0.6, 1, orphans ? 2 : 1)
    if (count === 0) return [undefined, node]
    if (count >= rows.length) return [node, undefined]
    const head: Table = {...node, children: [header, ...rows.slice(0, count)]}
    const tail: Table = {...node, children: [structuredClone(header), ...rows.slice(count)], position: span(rows.slice(count))}
    // The parts keep the whole table's layout: its rows are not measured again
    // (a table of n rows split in pages would otherwise cost n² cell measures).
    const layouts = tableLayouts.get(node)
    if (layouts) {
      tableLayouts.set(head, layouts)
      tableLayouts.set(tail, layouts)
      for (const layout of layouts) {
        const headerHeight = layout.rows.get(header)
        if (headerHeight !== undefined) layout.rows.set(tail.children[0], headerHeight)
      }
    }
    return [head, tail]
  }
  const island = isHtmlIsland(node) || node.type === 'html' ? node : undefined
  const htmlTable = island ? readHtmlTable(island) : undefined
  if (island && htmlTable) {
    const headerHeight = htmlRowHeight(htmlTable.prefix, metrics, width)
    const heights = htmlTable.rows.map((row) => htmlRowHeight(row, metrics, width))
    const count = fitCount(heights, room - headerHeight - metrics.fontSize * 0.6, 1, orphans ? 2 : 1)
    if (count === 0) return [undefined, node]
    if (count >= heights.length) return [node, undefined]
    return [tablePart(island, htmlTable, htmlTable.rows.slice(0, count), true), tablePart(island, htmlTable, htmlTable.rows.slice(count), false)]
  }
  if (node.type === 'code') {
    const lines = node.value.split('\n')
    const size = metrics.fontSize * metrics.codeScale
    const fixed = size * 1.6 + metrics.fontSize * 0.6
    const heights = lines.map((line) => codeHeight([line], metrics, width) - fixed)
    // A code block cut after a line or two reads badly: keep at least four together.
    const count = fitCount(heights, room - fixed, 4)
    if (count === 0) return [undefined, node]
    if (count >= lines.length) return [node, undefined]
    const head: Code = {...node, value: lines.slice(0, count).join('\n')}
    const tail: Code = {...node, value: lines.slice(count).join('\n')}
    return [head, tail]
  }
  return [undefined, node]
}

/**
 * Split a list whose first item alone is too tall inside that item's nested
 * list; the rest of the item goes on, under its own text again.
 */
function splitFirstItem(list: List, room: number, metrics: Readonly<Metrics>): [List | undefined, List | undefined] {
  const [item, ...others] = list.children
  const nestedIndex = item.children.findIndex((child) => child.type === 'list')
  const nested = item.children[nestedIndex]
  if (!nested || nested.type !== 'list' || nested.children.length < 2) return [undefined, list]
  const lead = item.children.slice(0, nestedIndex)
  const leadHeight = lead.reduce((sum, child) => sum + estimateHeight(child, metrics) - metrics.fontSize * 0.6, 0)
  const width = contentWidth(metrics) - metrics.fontSize * 1.6
  const heights = nested.children.map((child) => listItemHeight(child, metrics, width, 0.9))
  const count = fitCount(heights, room - leadHeight - metrics.fontSize * 1.2, 1, 2)
  if (count === 0) return [undefined, list]
  const headNested: List = {...nested, children: nested.children.slice(0, count), position: span(nested.children.slice(0, count))}
  const tailNested: List = {
    ...nested,
    children: nested.children.slice(count),
    position: span(nested.children.slice(count)),
    ...(nested.ordered ? {start: (nested.start ?? 1) + count} : {})
  }
  const headItem: ListItem = {...item, children: [...lead, headNested]}
  const tailItem: ListItem = {...item, children: [...structuredClone(lead), tailNested, ...item.children.slice(nestedIndex + 1)], position: span([tailNested])}
  const head: List = {...list, children: [headItem]}
  const tail: List = {...list, children: [tailItem, ...others], position: span([tailItem, ...others])}
  return [head, tail]
}

/**
 * How many of the first parts fit in `room`: none when fewer than `head`
 * fit, and never leaving fewer than `tail` alone for the next page.
 */
function fitCount(heights: number[], room: number, head: number, tail = head): number {
  let used = 0
  let count = 0
  for (const height of heights) {
    if (used + height > room) break
    used += height
    count++
  }
  if (count >= heights.length) return count
  // Leave no orphan: move parts down so the next page starts with enough.
  const left = heights.length - count
  if (left < tail) count -= tail - left
  return count >= Math.max(1, head) ? count : 0
}

/**
 * Give each page the notes that belong to it: a notes block goes with the
 * first block after it in the source (the one it introduces), the notes
 * after everything with the last page, notes without a place with the first.
 */
function distributeNotes(notes: Notes | undefined, pages: RootContent[][]): Array<Array<BlockContent>> {
  const result: Array<Array<BlockContent>> = pages.map(() => [])
  if (!notes) return result
  const starts = pages.map((page) => Math.min(...page.map((node) => node.position?.start.offset ?? Number.POSITIVE_INFINITY)))
  for (const child of notes.children as BlockContent[]) {
    const offset = child.position?.start.offset
    if (offset === undefined) {
      result[0].push(child)
      continue
    }
    // The first page that starts after the note is the one it introduces.
    const index = starts.findIndex((start) => start > offset)
    result[index === -1 ? pages.length - 1 : index].push(child)
  }
  return result
}

function withoutId(attributes: Record<string, string>): Record<string, string> {
  const {id: _id, ...rest} = attributes
  return rest
}
