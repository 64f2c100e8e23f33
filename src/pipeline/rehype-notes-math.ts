/**
 * rehype plugin: math in speaker notes as MathML alone. reveal.js's speaker
 * view shows notes in its own window, without the deck's stylesheets, where
 * KaTeX's HTML rendering would read as a second, unstyled copy of each
 * formula; browsers typeset the MathML KaTeX also writes on their own.
 */
import type {Element, Root} from 'hast'
import {SKIP, visit} from 'unist-util-visit'
import {hasClassName} from '../tree/has-class-name.js'
import {eachNode} from '../tree/some-node.js'

/** Keep only the MathML of KaTeX output inside `aside.notes`. */
export default function rehypeNotesMath() {
  return function (tree: Root): undefined {
    eachNode(tree, (any) => {
      if (any.type !== 'element') return undefined
      const node = any as Element
      if (node.tagName !== 'aside' || !hasClassName(node, 'notes')) return undefined
      visit(node, 'element', (child: Element, index, parent) => {
        if (hasClassName(child, 'katex-html') && parent && index !== undefined) {
          parent.children.splice(index, 1)
          return [SKIP, index]
        }
      })
      return false
    })
  }
}
