/**
 * Estimate how tall a block is on a slide, from the theme's metrics. The
 * estimate mirrors `src/client/lectern.css` and was calibrated against
 * Chromium (`lectern check` measures every block): it errs on the tall side
 * by a few percent, not more.
 */
import type {List, ListItem, Parent, RootContent, Table, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {hasDataClass, isImage} from './nodes.js'
import {cellsOf, type HtmlTable, isHtmlIsland, type Piece, readHtmlTable} from './html-table.js'
import {countCjk} from '../deck/text.js'
import type {Metrics} from '../deck/metrics.js'

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
export function listItemHeight(item: ListItem, metrics: Readonly<Metrics>, widthPx: number, size = 1): number {
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

export function codeHeight(lines: string[], metrics: Readonly<Metrics>, widthPx: number): number {
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

export function tableRowsHeight(rows: TableRow[], table: Table, metrics: Readonly<Metrics>, widthPx: number): number {
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
export function htmlRowHeight(row: Piece[], metrics: Readonly<Metrics>, widthPx: number): number {
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
 * The parts of a split table keep the whole table's layout: their rows are
 * not measured again (a table of n rows split in pages would otherwise cost
 * n² cell measures).
 */
export function shareTableLayout(whole: Table, head: Table, tail: Table): void {
  const layouts = tableLayouts.get(whole)
  if (!layouts) return
  tableLayouts.set(head, layouts)
  tableLayouts.set(tail, layouts)
  const header = head.children[0]
  for (const layout of layouts) {
    const headerHeight = layout.rows.get(header)
    if (headerHeight !== undefined) layout.rows.set(tail.children[0], headerHeight)
  }
}
