/**
 * Fit: estimate how tall a slide's content is, from the theme's metrics, and
 * split what does not fit into continuation slides whose notes follow their
 * content. What splitting would cut badly (one long paragraph, a single huge
 * list item, a wide table, a code block a little too tall) stays whole on a
 * slide of its own, and the page shrinks it, never below `minimumScale`.
 *
 * The estimate is estimate.ts's; the metrics and the minimum scale are the
 * deck's (deck/metrics.ts).
 */
import type {BlockContent, Code, List, ListItem, RootContent, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Metrics} from '../deck/metrics.js'
import type {Notes, Slide, Stack} from '../deck/types.js'
import {codeHeight, contentHeight, contentWidth, estimateHeight, htmlRowHeight, listItemHeight, shareTableLayout, tableRowsHeight} from './estimate.js'
import {createHeading, createNotes, getNotes, hasDataClass, span} from './nodes.js'
import {isHtmlIsland, readHtmlTable, tablePart} from './html-table.js'

/**
 * A block too tall for a slide but at most this much too tall is kept whole
 * (code, a table, one list item) and shrunk by the page rather than cut.
 */
const shrinkRather = 0.85

/** A whole slide at most this much too tall is shrunk rather than split into a continuation holding a line or two. */
const shrinkSlide = 0.9


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
    shareTableLayout(node, head, tail)
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
