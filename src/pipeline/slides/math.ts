/**
 * `$5 and $10` is money, not math. remark-math pairs any two dollars; pandoc
 * asks more of inline math, and so do we: the opening `$` is followed by a
 * non-space, the closing `$` preceded by a non-space and not followed by a
 * digit. Inline math that fails is its source text again.
 */
import type {InlineMath} from 'mdast-util-math'
import type {Parent, Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import {SKIP, visit} from 'unist-util-visit'
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
  let changed = false
  visit(tree, 'inlineMath', (node: InlineMath, index, parent: Parent | undefined) => {
    if (index === undefined || !parent || isPlausibleInlineMath(node, source)) return
    parent.children.splice(index, 1, {type: 'text', value: toSourceText(node, source, `$${node.value}$`), position: node.position} as Text)
    changed = true
    return [SKIP, index + 1]
  })
  if (changed) mergeTexts(tree)
}
