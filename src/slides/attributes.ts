/**
 * Attribute comments, as the reveal.js markdown plugin reads them:
 * `<!-- .slide: data-background="#ff0000" class="x" -->` sets attributes on
 * the slide's `<section>`; `<!-- .element: class="fragment" -->` sets them on
 * the element it follows (the previous element in its block, else the block).
 */
import type {Html, ListItem, Parent, RootContent} from 'mdast'
import {find, html} from 'property-information'
import type {VFile} from 'vfile'
import type {Slide} from '../deck/types.js'
import {renderedClasses} from './nodes.js'

const slideComment = /^\s*<!--\s*\.slide:\s*([\s\S]*?)\s*-->\s*$/
const elementComment = /^\s*<!--\s*\.element:\s*([\s\S]*?)\s*-->\s*$/
const attribute = /([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g

/** Attributes written in a comment, in order; `class` values are joined. */
export function parseAttributes(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const match of text.matchAll(attribute)) {
    const name = match[1].toLowerCase()
    const value = match[2] ?? match[3] ?? match[4] ?? ''
    result[name] = name === 'class' && result.class ? `${result.class} ${value}` : value
  }
  return result
}

/** Whether a node is a `.slide:` attribute comment. */
export function isSlideComment(node: RootContent): boolean {
  return node.type === 'html' && slideComment.test(node.value)
}

/**
 * Apply the attribute comments of one slide and remove them: `.slide:` to
 * `slide.data.attributes`, `.element:` to the node it follows (its
 * `data.hProperties`, or `data.lecternPreProperties` for code, whose
 * attributes belong on the `<pre>`).
 */
export function applyAttributeComments(slide: Slide, file: VFile): void {
  const removals: Array<[Parent, Html]> = []
  eachHtml(slide, [], (node, ancestors) => {
    const parent = ancestors.at(-1) as Parent | undefined
    if (!parent) return
    const slideMatch = slideComment.exec(node.value)
    const elementMatch = slideMatch ? null : elementComment.exec(node.value)
    if (!slideMatch && !elementMatch) return
    removals.push([parent, node])
    const attributes = checkAttributes(parseAttributes((slideMatch ?? elementMatch)![1]), node, file)
    const target = slideMatch ? undefined : findTarget(node, ancestors as Parent[])
    if (!target || target.type === 'slide') {
      // Messages about a slide's attributes point at the comment that set them.
      const start = node.position?.start
      const places = {...slide.data?.places}
      if (start) for (const name of Object.keys(attributes)) places[name] = {line: start.line, column: start.column}
      slide.data = {...slide.data, attributes: mergeAttributes(slide.data?.attributes ?? {}, attributes), places}
      return
    }
    setElementAttributes(target, attributes)
  })
  for (const [parent, node] of removals) {
    const index = parent.children.indexOf(node as never)
    if (index !== -1) parent.children.splice(index, 1)
  }
  // A paragraph left empty by its comment renders nothing.
  slide.children = slide.children.filter((node) => node.type !== 'paragraph' || node.children.length > 0)
}

/** Drop event handler attributes: a comment is not a place for script. */
function checkAttributes(attributes: Record<string, string>, node: Html, file: VFile): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [name, value] of Object.entries(attributes)) {
    if (/^on/i.test(name)) {
      file.message(`Unexpected event handler attribute \`${name}\` in an attribute comment, expected \`class\`, \`id\`, \`data-*\` or \`style\``, {
        place: node.position,
        ruleId: 'attribute-comment',
        source: 'lectern'
      })
      continue
    }
    result[name] = value
  }
  return result
}

function mergeAttributes(base: Record<string, string>, extra: Record<string, string>): Record<string, string> {
  const result = {...base}
  for (const [name, value] of Object.entries(extra)) {
    result[name] = name === 'class' && result.class ? `${result.class} ${value}` : value
  }
  return result
}

/**
 * Call `visitor` with each `html` node in `node` and its ancestors, parents
 * before their children in document order: a plain walk, as
 * unist-util-visit-parents copies the ancestor list at every node.
 */
function eachHtml(node: {type: string; children?: unknown}, ancestors: Parent[], visitor: (node: Html, ancestors: Parent[]) => void): void {
  if (node.type === 'html') visitor(node as Html, ancestors.slice())
  if (!Array.isArray(node.children)) return
  ancestors.push(node as Parent)
  for (const child of node.children) eachHtml(child, ancestors, visitor)
  ancestors.pop()
}

/**
 * The node an `.element:` comment applies to, as reveal.js decides: the
 * previous sibling that renders as an element, else the parent. A paragraph
 * in a tight list item renders no `<p>`, so the item is the target.
 */
function findTarget(node: Html, ancestors: Parent[]): Parent | RootContent | undefined {
  const parent = ancestors.at(-1)!
  const index = parent.children.indexOf(node as never)
  for (let before = index - 1; before >= 0; before--) {
    const sibling = parent.children[before] as RootContent
    if (rendersElement(sibling)) return sibling
  }
  if (parent.type === 'paragraph') {
    const item = ancestors.at(-2)
    const list = ancestors.at(-3)
    if (item && item.type === 'listItem' && list && list.type === 'list' && !isLoose(list as Parent)) return item
  }
  return parent
}

function isLoose(list: Parent): boolean {
  return Boolean((list as {spread?: boolean | null}).spread) || list.children.some((item) => Boolean((item as ListItem).spread))
}

function rendersElement(node: RootContent): boolean {
  switch (node.type) {
    case 'text':
    case 'html':
    case 'break':
    case 'definition':
    case 'footnoteDefinition':
    case 'notes':
    case 'yaml':
      return false
    default:
      return true
  }
}

/** Attribute names as written (`data-notes`) to the hast properties (`dataNotes`) `mdast-util-to-hast` merges. */
function setElementAttributes(target: Parent | RootContent, attributes: Record<string, string>): void {
  const data = ((target as {data?: Record<string, unknown>}).data ??= {})
  const key = target.type === 'code' ? 'lecternPreProperties' : 'hProperties'
  const properties = ((data[key] as Record<string, unknown> | undefined) ??= {})
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') {
      properties.className = [...renderedClasses(target, properties), ...value.split(/\s+/).filter(Boolean)]
    } else properties[find(html, name).property] = value
  }
}
