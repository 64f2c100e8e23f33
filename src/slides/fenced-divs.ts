/**
 * What pandoc and Quarto decks mean by their fenced divs and pauses:
 * `::: notes` is speaker notes, `::: {.incremental}` makes its lists appear
 * item by item, `::: {.nonincremental}` keeps them whole, `:::: {.columns}`
 * with `::: {.column width="40%"}` children sets columns side by side, any
 * other div is a `<div>` with its class, id and attributes, and `. . .` on
 * its own line pauses: what follows it on the slide is a fragment.
 */
import type {ListItem, Paragraph, Parent, Root, RootContent} from 'mdast'
import type {Node} from 'unist'
import {SKIP, visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import type {FencedDiv, Slide} from '../deck/types.js'
import {eachNode, someNode} from '../tree/some-node.js'
import {hasDataClass, renderedClasses, span} from './nodes.js'

/** Attributes of a fence: id, classes, and the rest by name. */
export interface DivAttributes {
  id?: string | undefined
  classes: string[]
  attributes: Record<string, string>
}

const token = /#([^\s{}#.]+)|\.([^\s{}#.]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"'}]+))/gu

/** Read a fence's attribute text: `notes`, `{.column width="40%"}`, `{#intro .x data-y=1}`. */
export function parseDivInfo(info: string): DivAttributes {
  const text = info.replace(/[ \t]+:+[ \t]*$/, '').trim()
  const result: DivAttributes = {classes: [], attributes: {}}
  if (!text.startsWith('{')) {
    if (text) result.classes.push(text)
    return result
  }
  for (const match of text.slice(1, -1).matchAll(token)) {
    if (match[1]) result.id = match[1]
    else if (match[2]) result.classes.push(match[2])
    else if (match[3]) result.attributes[match[3]] = match[4] ?? match[5] ?? match[6] ?? ''
  }
  return result
}

/** A CSS length a column width may be: a number with `%`, `px`, `em` or `rem`. */
export const columnWidth = /^\d{1,4}(?:\.\d+)?(?:%|px|em|rem)$/

/**
 * Give every fenced div its meaning: notes divs become `notes` nodes, others
 * render as `<div>` with their attributes (`key=value` as `data-key`, as
 * pandoc writes them), lists in an incremental div become fragments; `. . .`
 * paragraphs become `pause` nodes.
 */
export function fromFencedDivs(tree: Root, file?: VFile): void {
  // Most articles have neither: one cheap look spares them the rewrite.
  if (!someNode(tree, (node) => node.type === 'fencedDiv' || (node.type === 'paragraph' && isPause(node as Paragraph)))) return
  // Fragments are marked once every div has its classes: a non-incremental div inside an incremental one is read after it.
  const incremental: FencedDiv[] = []
  visit(tree, (node, index, parent: Parent | undefined) => {
    if (node.type === 'paragraph' && parent && index !== undefined && isPause(node as Paragraph)) {
      parent.children[index] = {type: 'pause', position: node.position} as RootContent
      return SKIP
    }
    if (node.type !== 'fencedDiv') return
    const div = node as FencedDiv
    if (div.closed === false && parent && index !== undefined) {
      // It ran to the end of the document: its fence alone is lost, its content stays where it was.
      file?.message('Unexpected fenced div without a closing fence, expected a line of `:::` after its content', {
        place: div.position?.start,
        ruleId: 'unclosed-div',
        source: 'lectern'
      })
      parent.children.splice(index, 1, ...(div.children as RootContent[]))
      return [SKIP, index]
    }
    const {id, classes, attributes} = parseDivInfo(div.info)
    if (classes.includes('notes')) {
      if (parent && index !== undefined) parent.children[index] = {type: 'notes', children: div.children, position: div.position} as RootContent
      return
    }
    const properties: Record<string, unknown> = {}
    if (id) properties.id = id
    if (classes.length > 0) properties.className = classes
    for (const [name, value] of Object.entries(attributes)) {
      if (name === 'style') properties.style = value
      else properties[toDataProperty(name.startsWith('data-') ? name.slice(5) : name)] = value
    }
    div.data = {...div.data, hName: 'div', hProperties: properties as never}
    if (classes.includes('incremental')) incremental.push(div)
  })
  for (const div of incremental) markFragments(div)
}

/** Whether a paragraph is a pause: `. . .` alone. */
function isPause(node: Paragraph): boolean {
  return node.children.length === 1 && node.children[0].type === 'text' && node.children[0].value.trim() === '. . .'
}

/** `width` → `dataWidth`, `foo-bar` → `dataFooBar`: the hast property of a `data-*` attribute. */
function toDataProperty(name: string): string {
  return `data${name.replace(/(?:^|-)([a-z\d])/g, (_, c: string) => c.toUpperCase())}`
}

/**
 * Make the list items in `tree` (an incremental div, or a slide of a deck with
 * front matter `incremental: true`) fragments, those of notes and of a nested
 * non-incremental div aside.
 */
export function markFragments(tree: Node): void {
  eachNode(tree, (node) => {
    if ((node !== tree && isNonIncremental(node)) || node.type === 'notes') return false
    if (node.type !== 'listItem') return undefined
    const item = node as ListItem
    const properties = ((item.data ??= {}).hProperties ??= {})
    const existing = renderedClasses(item, properties)
    if (!existing.includes('fragment')) properties.className = [...existing, 'fragment']
    return undefined
  })
}

/** Whether a node is a `::: {.nonincremental}` div, whose lists the deck's `incremental` leaves whole. */
export function isNonIncremental(node: {type: string; data?: unknown}): boolean {
  return node.type === 'fencedDiv' && hasDataClass(node, 'nonincremental')
}

/**
 * Pauses of a slide: what follows each `. . .` (notes aside) becomes a
 * `<div class="fragment">`, in order, so it appears a step later. Pauses in
 * divs (a column) pause that div's content.
 */
export function applyPauses(slide: Slide): void {
  slide.children = splitAtPauses(slide.children)
  splitDivsAtPauses(slide)
}

// A plain walk, parents before their children: unist-util-visit's ancestor lists cost a deck-sized tree.
function splitDivsAtPauses(node: {type: string; children?: unknown}): void {
  if (node.type === 'fencedDiv') {
    const div = node as FencedDiv
    div.children = splitAtPauses(div.children as RootContent[]) as FencedDiv['children']
  }
  if (Array.isArray(node.children)) for (const child of node.children) splitDivsAtPauses(child)
}

function splitAtPauses(children: RootContent[]): RootContent[] {
  if (!children.some((node) => node.type === 'pause')) return children
  const result: RootContent[] = []
  let chunk: RootContent[] | undefined
  const flush = () => {
    if (!chunk || chunk.length === 0) return
    const fragment: FencedDiv = {
      type: 'fencedDiv',
      info: '{.fragment}',
      children: chunk as FencedDiv['children'],
      position: span(chunk),
      data: {hName: 'div', hProperties: {className: ['fragment']}}
    }
    result.push(fragment)
  }
  const notes: RootContent[] = []
  for (const node of children) {
    if (node.type === 'pause') {
      flush()
      chunk = []
    } else if (chunk && node.type === 'notes') notes.push(node)
    else if (chunk) chunk.push(node)
    else result.push(node)
  }
  flush()
  return [...result, ...notes]
}
