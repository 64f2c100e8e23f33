/**
 * Explicit mode: the author wrote slides. `---` separates horizontal slides,
 * a line `--` vertical ones; `Note:` starts the notes of a slide.
 */
import type {BlockContent, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Slide, Stack} from '../types.js'
import {createNotes, span} from './nodes.js'

/** Whether the body of a document has top-level `---` breaks. */
export function hasRuleBreaks(children: RootContent[]): boolean {
  return children.some((node) => node.type === 'thematicBreak')
}

/** Whether a node is a vertical break: a paragraph that is only `--`. */
export function isVerticalBreak(node: RootContent): boolean {
  return node.type === 'paragraph' && toString(node).trim() === '--' && node.children.length === 1
}

/** Turn top-level content split by `---` and `--` into slides and stacks. */
export function toSlidesExplicit(children: RootContent[]): Array<Slide | Stack> {
  const result: Array<Slide | Stack> = []
  for (const horizontal of splitOn(children, (node) => node.type === 'thematicBreak')) {
    const verticals = splitOn(horizontal, isVerticalBreak).map(toSlide)
    if (verticals.length === 1) result.push(verticals[0])
    else result.push({type: 'stack', children: verticals, position: span(verticals)})
  }
  // Content before the first break that is empty (only front matter) makes no slide.
  return result.filter((node) => node.type === 'stack' || node.children.length > 0)
}

function splitOn(nodes: RootContent[], test: (node: RootContent) => boolean): RootContent[][] {
  const groups: RootContent[][] = [[]]
  for (const node of nodes) {
    if (test(node)) groups.push([])
    else groups.at(-1)!.push(node)
  }
  return groups
}

/** One slide from its blocks: the first heading titles it, `Note:` starts notes. */
function toSlide(nodes: RootContent[]): Slide {
  const shown: RootContent[] = []
  const notes: BlockContent[] = []
  let inNotes = false
  for (const node of nodes) {
    if (node.type === 'notes') {
      notes.push(...(node.children as BlockContent[]))
      continue
    }
    if (!inNotes && node.type === 'paragraph') {
      const first = node.children[0]
      if (first && first.type === 'text' && /^notes?:/i.test(first.value)) {
        inNotes = true
        const value = first.value.replace(/^notes?:\s*/i, '')
        const rest = value ? [{...first, value}, ...node.children.slice(1)] : node.children.slice(1)
        if (rest.length > 0) notes.push({...node, children: rest})
        continue
      }
    }
    if (inNotes) notes.push(node as BlockContent)
    else shown.push(node)
  }
  const heading = shown.find((node) => node.type === 'heading')
  const children: RootContent[] = [...shown]
  if (notes.length > 0) children.push(createNotes(notes))
  return {
    type: 'slide',
    children,
    position: span(nodes),
    data: {kind: 'explicit', title: heading ? toString(heading).trim() : undefined}
  }
}
