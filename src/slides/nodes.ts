/**
 * Small node helpers: building slides and notes with positions, and telling
 * what a speaker shows from what a speaker says.
 */
import type {BlockContent, Heading, Paragraph, Parent, PhrasingContent, Root, RootContent} from 'mdast'
import type {Node, Position} from 'unist'
import {toString} from 'mdast-util-to-string'
import type {Notes, Slide, SlideKind} from '../deck/types.js'

/** A position spanning the given nodes (those that have one). */
export function span(nodes: ReadonlyArray<{position?: Position | undefined}>): Position | undefined {
  let start: Position['start'] | undefined
  let end: Position['end'] | undefined
  for (const node of nodes) {
    if (!node.position) continue
    if (!start || node.position.start.offset! < start.offset!) start = node.position.start
    if (!end || node.position.end.offset! > end.offset!) end = node.position.end
  }
  return start && end ? {start, end} : undefined
}

/** Whether a paragraph holds only images (and white space or breaks). */
export function isImageParagraph(node: Paragraph): boolean {
  let images = 0
  for (const child of node.children) {
    if (isPicture(child)) images++
    else if (child.type === 'break') continue
    else if (child.type === 'text' && !child.value.trim()) continue
    else return false
  }
  return images > 0
}

/** Whether an inline node is an image (inline or by reference). */
export function isImage(node: {type: string}): boolean {
  return node.type === 'image' || node.type === 'imageReference'
}

/** Whether an inline node is a picture: an image, or a link around images only (a badge, a logo). */
export function isPicture(node: PhrasingContent): boolean {
  if (isImage(node)) return true
  return (node.type === 'link' || node.type === 'linkReference') && node.children.length > 0 && node.children.every(isImage)
}

/** Prose is a paragraph of text: what the speaker says, so it goes to notes. */
export function isProse(node: RootContent): node is Paragraph {
  return node.type === 'paragraph' && !isImageParagraph(node)
}

/** Whether a node renders as something an audience sees. */
export function isVisible(node: RootContent): boolean {
  switch (node.type) {
    case 'definition':
    case 'footnoteDefinition':
    case 'notes':
    case 'pause':
    case 'thematicBreak':
    case 'yaml':
      return false
    case 'html':
      return !/^\s*<!--[\s\S]*-->\s*$/.test(node.value)
    default:
      return true
  }
}

/** Whether an mdast node renders with the class `name` (a class given in its `data.hProperties`). */
export function hasDataClass(node: {data?: unknown}, name: string): boolean {
  const value = (node.data as {hProperties?: {className?: unknown}} | undefined)?.hProperties?.className
  return Array.isArray(value) && value.includes(name)
}

/**
 * The classes a node renders with before lectern adds one: those of its
 * `properties` (`data.hProperties`), else the `task-list-item` the default
 * handler gives a task list item.
 */
export function renderedClasses(node: {type: string; checked?: boolean | null}, properties: {className?: unknown}): string[] {
  if (Array.isArray(properties.className)) return properties.className as string[]
  return node.type === 'listItem' && typeof node.checked === 'boolean' ? ['task-list-item'] : []
}

/** Create a heading for a slide title. */
export function createHeading(
  depth: Heading['depth'],
  children: PhrasingContent[],
  position?: Position
): Heading {
  return {type: 'heading', depth, children, position}
}

/** Create a paragraph with a class name (for subtitles, key sentences). */
export function createParagraph(
  children: PhrasingContent[],
  className: string,
  position?: Position
): Paragraph {
  return {type: 'paragraph', children, position, data: {hProperties: {className: [className]}}}
}

/** Create a slide with a title, shown content and notes. */
export function createSlide(settings: {
  kind: SlideKind
  title?: string | undefined
  heading?: Heading | undefined
  shown: RootContent[]
  notes: Array<BlockContent>
  position?: Position | undefined
}): Slide {
  const children: RootContent[] = []
  if (settings.heading) children.push(settings.heading)
  children.push(...settings.shown)
  if (settings.notes.length > 0) children.push(createNotes(settings.notes))
  return {
    type: 'slide',
    children,
    position: settings.position ?? span(children),
    data: {kind: settings.kind, title: settings.title}
  }
}

/** Create notes from blocks. */
export function createNotes(children: Array<BlockContent>): Notes {
  return {type: 'notes', children, position: span(children)}
}

/** The notes of a slide, if any. */
export function getNotes(slide: Slide): Notes | undefined {
  return slide.children.find((child): child is Notes => child.type === 'notes')
}

/** Plain text of the notes of a slide. */
export function notesText(slide: Slide): string {
  const notes = getNotes(slide)
  return notes ? toString(notes).trim() : ''
}

/** Plain text of what a slide shows (title excluded). */
export function shownText(slide: Slide): string {
  return slide.children
    .filter((child) => child.type !== 'notes' && child.type !== 'heading' && isVisible(child))
    .map((child) => toString(child))
    .join('\n')
    .trim()
}

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'])

/** Elements a raw HTML string opens and leaves open (closing tags count against them). */
export function openElements(html: string): number {
  let open = 0
  for (const match of html.replace(/<!--[\s\S]*?(?:-->|$)/g, '').matchAll(/<(\/?)([A-Za-z][\w-]*)\b[^>]*?(\/?)>/g)) {
    if (voidElements.has(match[2].toLowerCase()) || match[3]) continue
    open += match[1] ? -1 : 1
  }
  return open
}

/**
 * Keep raw HTML that wraps markdown together: from an `html` block that
 * leaves an element open (`<table>`, `<details>`, `<div align=center>`) to the
 * one that closes it, the blocks become one `div` (a blockquote rendered as a
 * `div`), so prose in it stays shown and no slide break cuts it. A run that
 * holds a heading or never closes is left as it is.
 */
export function groupHtmlIslands(blocks: RootContent[]): RootContent[] {
  const result: RootContent[] = []
  for (let index = 0; index < blocks.length; index++) {
    const node = blocks[index]
    let open = node.type === 'html' ? openElements(node.value) : 0
    if (open <= 0) {
      result.push(node)
      continue
    }
    let end = index + 1
    for (; end < blocks.length && open > 0; end++) {
      const next = blocks[end]
      if (next.type === 'heading' || next.type === 'thematicBreak' || next.type === 'notes') break
      if (next.type === 'html') open += openElements(next.value)
      // `</details>` may end a paragraph as inline HTML.
      else if (next.type === 'paragraph') for (const child of next.children) if (child.type === 'html') open += openElements(child.value)
    }
    if (open > 0) {
      result.push(node)
      continue
    }
    const children = blocks.slice(index, end) as BlockContent[]
    result.push({type: 'blockquote', children, position: span(children), data: {hName: 'div', hProperties: {className: ['lectern-html']}}})
    index = end - 1
  }
  return result
}

/** The source text `node` was parsed from, or `fallback` when it has no offsets. */
export function toSourceText(node: Node, source: string, fallback: string): string {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start !== undefined && end !== undefined ? source.slice(start, end) : fallback
}

/** Merge adjacent text nodes, as the parser would have made them. */
export function mergeTexts(tree: Root): void {
  mergeTextsIn(tree)
}

// A plain walk, parents before their children: unist-util-visit's ancestor lists cost a deck-sized tree.
function mergeTextsIn(node: Node): void {
  if (!('children' in node)) return
  const children = (node as Parent).children
  for (let index = children.length - 1; index > 0; index--) {
    const a = children[index - 1]
    const b = children[index]
    if (a.type === 'text' && b.type === 'text') {
      a.value += b.value
      if (a.position && b.position) a.position = {start: a.position.start, end: b.position.end}
      children.splice(index, 1)
    }
  }
  if (Array.isArray(children)) for (const child of children) mergeTextsIn(child)
}
