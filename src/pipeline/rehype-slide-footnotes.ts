/**
 * rehype plugin: remark-rehype gathers footnotes in one section after all
 * content, which in a deck is after the last slide, where nobody sees it.
 * Each footnote moves to the slide that references it: to the bottom of the
 * slide when the reference is shown, into its notes when the reference is in
 * the notes, followed by the footnotes it cites in turn. Links that would
 * jump around the deck become plain numbers.
 */
import type {Element, ElementContent, Root} from 'hast'
import {visit} from 'unist-util-visit'
import {hasClassName} from '../tree/has-class-name.js'
import {eachNode, someNode} from '../tree/some-node.js'
import {eachSlideSection} from './rehype-reveal.js'

/** Move footnotes into the slides (or notes) that reference them. */
export default function rehypeSlideFootnotes() {
  return function (tree: Root): undefined {
    const index = tree.children.findIndex((node) => node.type === 'element' && isFootnoteSection(node))
    if (index === -1) return
    const section = tree.children[index] as Element
    tree.children.splice(index, 1)

    const definitions = new Map<string, Definition>()
    let number = 0
    eachNode(section, (any) => {
      const node = any as Element
      if (node.type !== 'element' || node.tagName !== 'li' || typeof node.properties.id !== 'string') return undefined
      number++
      definitions.set(node.properties.id, {...cleanDefinition(node), number})
      return undefined
    })

    for (const slide of eachSlideSection(tree.children)) {
      const shown: string[] = []
      const noted: string[] = []
      const notes = slide.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'aside' && hasClassName(child, 'notes')
      )
      visit(slide, 'element', (node: Element, _, parent) => {
        if (node.tagName !== 'a' || node.properties.dataFootnoteRef === undefined) return
        const id = String(node.properties.href ?? '').replace(/^#/, '')
        const inNotes = notes !== undefined && someNode(notes, (child) => child === node)
        const list = inNotes ? noted : shown
        if (!list.includes(id)) list.push(id)
        // The number stays, as text: the footnote is on the same slide.
        if (parent) parent.children.splice(parent.children.indexOf(node), 1, ...node.children)
      })
      if (shown.length > 0) {
        const block = toFootnoteBlock(shown, definitions)
        if (notes) slide.children.splice(slide.children.indexOf(notes), 0, block)
        else slide.children.push(block)
      }
      if (noted.length > 0 && notes) notes.children.push(toFootnoteBlock(noted, definitions))
    }
  }
}

interface Definition {
  /** The footnote's list item. */
  item: Element
  /** Its number, as the references show it. */
  number: number
  /** Ids of the footnotes it references. */
  cites: string[]
}

function isFootnoteSection(node: Element): boolean {
  return node.tagName === 'section' && node.properties.dataFootnotes !== undefined
}

/** A footnote item without its back links and ids (it may appear on several slides), and the footnotes it references. */
function cleanDefinition(item: Element): {item: Element; cites: string[]} {
  const clone = structuredClone(item)
  const cites: string[] = []
  visit(clone, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'a' || !parent || index === undefined) return
    if (node.properties.dataFootnoteBackref !== undefined) {
      parent.children.splice(index, 1)
      return index
    }
    // A footnote citing another: the number stays, as text, and the other follows it.
    if (node.properties.dataFootnoteRef !== undefined) {
      cites.push(String(node.properties.href ?? '').replace(/^#/, ''))
      parent.children.splice(index, 1, ...node.children)
      return index
    }
  })
  // Trailing white space left where the back links were.
  visit(clone, 'text', (node, index, parent) => {
    if (parent && index === parent.children.length - 1) node.value = node.value.replace(/\s+$/, '')
  })
  delete clone.properties.id
  return {item: clone, cites}
}

function toFootnoteBlock(cited: string[], definitions: Map<string, Definition>): Element {
  const items: ElementContent[] = []
  // The footnotes cited only from other footnotes come after those; `ids` grows as it is read.
  const ids = [...cited]
  for (const id of ids) {
    for (const other of definitions.get(id)?.cites ?? []) if (!ids.includes(other)) ids.push(other)
  }
  for (const id of ids) {
    const definition = definitions.get(id)
    if (!definition) continue
    const item = structuredClone(definition.item)
    item.properties.value = String(definition.number)
    items.push(item)
  }
  return {
    type: 'element',
    tagName: 'div',
    properties: {className: ['lectern-footnotes']},
    children: [{type: 'element', tagName: 'ol', properties: {}, children: items}]
  }
}
