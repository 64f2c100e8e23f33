/**
 * `$5 and $10` is money, not math. remark-math pairs any two dollars; pandoc
 * asks more of inline math, and so do we: the opening `$` is followed by a
 * non-space, the closing `$` preceded by a non-space and not followed by a
 * digit. Inline math that fails is its source text again.
 */
import type {InlineMath} from 'mdast-util-math'
import type {Parent, Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import {mergeTexts, toSourceText} from './nodes.js'

/** Whether inline math, as written in `source`, reads as math by pandoc's rule. */
export function isPlausibleInlineMath(node: InlineMath, source: string): boolean {
  const end = node.position?.end.offset
  if (/^\s|\s$/.test(node.value) || node.value === '') return false
  const after = end === undefined ? '' : source.charAt(end)
  return !/\d/.test(after)
}

/** Turn inline math that reads as dollar amounts back into text. */
export function restoreDollarAmounts(tree: Root, file: VFile): void {
  const source = String(file.value ?? '')
  if (restoreIn(tree, source)) mergeTexts(tree)
}

// A plain walk in document order: unist-util-visit's ancestor lists cost a deck-sized tree.
function restoreIn(parent: Parent, source: string): boolean {
  let changed = false
  const children = parent.children
  for (let index = 0; index < children.length; index++) {
    const node = children[index]
    if (node.type === 'inlineMath') {
      if (isPlausibleInlineMath(node, source)) continue
      children.splice(index, 1, {type: 'text', value: toSourceText(node, source, `$${node.value}$`), position: node.position} as Text)
      changed = true
    } else if (Array.isArray((node as Partial<Parent>).children)) {
      if (restoreIn(node as Parent, source)) changed = true
    }
  }
  return changed
}
