/**
 * remark-directive reads `:name` anywhere in text, so an article's
 * `实例分析:深度学习` or `ratio 1:a` would lose words. Only the directives
 * lectern knows stay directives; every other one becomes its source text again.
 */
import type {Parent, Root, RootContent} from 'mdast'
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import type {VFile} from 'vfile'
import {SKIP, visit} from 'unist-util-visit'
import {someNode} from '../tree/some-node.js'
import {mergeTexts, toSourceText} from './nodes.js'

/** Directive names lectern gives a meaning to, by kind. */
export const knownDirectives = {
  containerDirective: new Set(['notes']),
  leafDirective: new Set<string>(),
  textDirective: new Set<string>()
} as const

/** Turn unknown directives back into the text they were written as. */
export function restoreUnknownDirectives(tree: Root, file: VFile): void {
  // Most articles have none: one cheap look spares them the rewrite.
  if (!someNode(tree, isUnknownDirective)) return
  const source = String(file.value ?? '')
  visit(tree, (node, index, parent: Parent | undefined) => {
    if (
      index === undefined ||
      !parent ||
      (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective')
    ) {
      return
    }
    const directive = node as ContainerDirective | LeafDirective | TextDirective
    if (knownDirectives[directive.type].has(directive.name)) return
    if (node.type === 'containerDirective') {
      // Keep the content; the fences alone are lost, as in any markdown without directives.
      parent.children.splice(index, 1, ...(node.children as RootContent[]))
      return [SKIP, index]
    }
    const value = toSourceText(node, source, `:${directive.name}`)
    const replacement: RootContent =
      node.type === 'textDirective'
        ? {type: 'text', value, position: node.position}
        : {type: 'paragraph', children: [{type: 'text', value}], position: node.position}
    parent.children.splice(index, 1, replacement as never)
    return [SKIP, index + 1]
  })
  mergeTexts(tree)
}

function isUnknownDirective(node: {type: string; name?: string}): boolean {
  return (
    (node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective') &&
    !knownDirectives[node.type].has(node.name ?? '')
  )
}
