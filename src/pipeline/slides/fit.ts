/**
 * Fit: estimate how tall a slide's content is, from the theme's metrics, and
 * split what does not fit into continuation slides.
 */
import type {Code, List, Parent, RootContent, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Slide, Stack} from '../types.js'
import {createHeading, getNotes, span} from './nodes.js'
import {textWidthEm} from './text.js'

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
  /** Height a slide title takes, margin included (default: `96`). */
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
  titleHeight: 96,
  codeScale: 0.62,
  tableScale: 0.72,
  imageHeight: 400
})

/** Estimate the height in pixels of one block on a slide of the given metrics. */
export function estimateHeight(node: RootContent, metrics: Metrics, widthPx = contentWidth(metrics)): number {
  const fs = metrics.fontSize
  const line = fs * metrics.lineHeight
  switch (node.type) {
    case 'paragraph': {
      if (node.children.some((c) => c.type === 'image' || c.type === 'imageReference')) {
        return metrics.imageHeight + fs * 0.6
      }
      return linesOf(toString(node), widthPx / fs) * line + fs * 0.6
    }
    case 'heading': {
      const size = fs * (node.depth <= 3 ? 1.25 : 1.05)
      return linesOf(toString(node), widthPx / size) * size * 1.25 + fs * 0.5
    }
    case 'list':
      return listHeight(node, metrics, widthPx) + fs * 0.6
    case 'code':
      return codeHeight(node.value.split('\n'), metrics, widthPx)
    case 'table':
      return tableRowsHeight(node.children, node, metrics, widthPx) + fs * 0.6
    case 'blockquote':
      return node.children.reduce((sum, child) => sum + estimateHeight(child, metrics, widthPx - fs * 2), 0) + fs
    case 'math':
      return Math.max(2, node.value.split('\n').length) * line * 1.2 + fs * 0.6
    case 'html':
      return /^\s*<!--/.test(node.value) ? 0 : line * 2
    case 'notes':
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
    case 'thematicBreak':
      return 0
    default:
      return 'children' in node ? (node as Parent).children.reduce((s, c) => s + estimateHeight(c as RootContent, metrics, widthPx), 0) : line
  }
}

/** Width available to content on a slide. */
export function contentWidth(metrics: Metrics): number {
  return metrics.width - 2 * metrics.paddingX
}

/** Height available to content below a title. */
export function contentHeight(metrics: Metrics, titled: boolean): number {
  return metrics.height - 2 * metrics.paddingY - (titled ? metrics.titleHeight : 0)
}

function linesOf(text: string, widthEm: number): number {
  let lines = 0
  for (const part of text.split('\n')) lines += Math.max(1, Math.ceil(textWidthEm(part) / Math.max(1, widthEm)))
  return lines
}

function listHeight(list: List, metrics: Metrics, widthPx: number): number {
  return list.children.reduce((sum, item) => sum + listItemHeight(item, metrics, widthPx), 0)
}

function listItemHeight(item: List['children'][number], metrics: Metrics, widthPx: number): number {
  const indent = metrics.fontSize * 1.6
  const inner = item.children.reduce(
    (sum, child) => sum + estimateHeight(child, metrics, widthPx - indent) - (child.type === 'paragraph' ? metrics.fontSize * 0.6 : 0),
    0
  )
  return inner + metrics.fontSize * 0.25
}

function codeHeight(lines: string[], metrics: Metrics, widthPx: number): number {
  const size = metrics.fontSize * metrics.codeScale
  const perLine = Math.max(1, Math.floor((widthPx - size * 2) / (size * 0.6)))
  let count = 0
  for (const line of lines) count += Math.max(1, Math.ceil(line.length / perLine))
  return count * size * 1.45 + size * 2 + metrics.fontSize * 0.6
}

function tableRowsHeight(rows: Table['children'], table: Table, metrics: Metrics, widthPx: number): number {
  const size = metrics.fontSize * metrics.tableScale
  const columns = Math.max(1, table.children[0]?.children.length ?? 1)
  const cellEm = widthPx / columns / size - 1
  let height = 0
  for (const row of rows) {
    let tallest = 1
    for (const cell of row.children) tallest = Math.max(tallest, linesOf(toString(cell), cellEm))
    height += tallest * size * 1.4 + size * 0.6
  }
  return height
}

/**
 * Split slides whose content is taller than the canvas into continuation
 * slides. Returns the number of slides added.
 */
export function fitSlides(
  slides: Array<Slide | Stack>,
  metrics: Metrics,
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
    if (node.type === 'stack') node.children = fitList(node.children)
    result.push(...(node.type === 'stack' ? [node] : fitList([node])))
  }
  slides.splice(0, slides.length, ...result)
  return added
}

/** Split one slide into itself plus continuations, if it is too tall. */
export function splitSlide(slide: Slide, metrics: Metrics, continued: (title: string) => string): Slide[] {
  if (slide.data?.kind === 'title') return [slide]
  const heading = slide.children[0]?.type === 'heading' ? slide.children[0] : undefined
  const notes = getNotes(slide)
  const content = slide.children.filter((c) => c !== heading && c !== notes)
  const available = contentHeight(metrics, Boolean(heading))
  const total = content.reduce((sum, node) => sum + estimateHeight(node, metrics), 0)
  if (total <= available) return [slide]

  const pages: RootContent[][] = [[]]
  let room = available
  const queue = [...content]
  while (queue.length > 0) {
    const node = queue.shift()!
    const height = estimateHeight(node, metrics)
    if (height <= room) {
      pages.at(-1)!.push(node)
      room -= height
      continue
    }
    const [head, tail] = splitBlock(node, room, metrics)
    if (head) pages.at(-1)!.push(head)
    if (tail || !head) {
      if (pages.at(-1)!.length > 0) {
        pages.push([])
        room = available
      }
      if (!head && pages.at(-1)!.length === 0) {
        // Even a fresh slide cannot hold it whole: put it alone and let the page scale it.
        const [first, rest] = splitBlock(node, available, metrics)
        pages.at(-1)!.push(first ?? node)
        // A block that cannot be split (an image) went whole; only a real remainder waits.
        if (first && rest) queue.unshift(rest)
        room = 0
        continue
      }
      if (tail) queue.unshift(tail)
    }
  }

  const title = slide.data?.title ?? ''
  return pages
    .filter((page) => page.length > 0)
    .map((page, index) => {
      if (index === 0) {
        slide.children = [...(heading ? [heading] : []), ...page, ...(notes ? [notes] : [])]
        return slide
      }
      const text = continued(title)
      const next: Slide = {
        type: 'slide',
        children: [
          ...(heading ? [createHeading(2, [{type: 'text', value: text}], heading.position)] : []),
          ...page
        ],
        position: span(page),
        data: {kind: 'continuation', title: text, attributes: slide.data?.attributes}
      }
      return next
    })
}

/** Split a list, table or code block so its first part fits in `room`. */
function splitBlock(node: RootContent, room: number, metrics: Metrics): [RootContent | undefined, RootContent | undefined] {
  if (node.type === 'list') {
    let height = metrics.fontSize * 0.6
    let count = 0
    for (const item of node.children) {
      const h = listItemHeight(item, metrics, contentWidth(metrics))
      if (height + h > room) break
      height += h
      count++
    }
    if (count === 0) return [undefined, node]
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
    let count = 0
    for (let index = 1; index <= rows.length; index++) {
      if (tableRowsHeight([header, ...rows.slice(0, index)], node, metrics, contentWidth(metrics)) + metrics.fontSize * 0.6 > room) break
      count = index
    }
    if (count === 0) return [undefined, node]
    if (count >= rows.length) return [node, undefined]
    const head: Table = {...node, children: [header, ...rows.slice(0, count)]}
    const tail: Table = {...node, children: [structuredClone(header), ...rows.slice(count)], position: span(rows.slice(count))}
    return [head, tail]
  }
  if (node.type === 'code') {
    const lines = node.value.split('\n')
    let count = 0
    for (let index = 1; index <= lines.length; index++) {
      if (codeHeight(lines.slice(0, index), metrics, contentWidth(metrics)) > room) break
      count = index
    }
    // Keep at least a few lines together; a code block cut after one line reads badly.
    if (count < Math.min(4, lines.length)) return [undefined, node]
    if (count >= lines.length) return [node, undefined]
    const head: Code = {...node, value: lines.slice(0, count).join('\n')}
    const tail: Code = {...node, value: lines.slice(count).join('\n')}
    return [head, tail]
  }
  return [undefined, node]
}
