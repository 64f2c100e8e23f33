/**
 * Notes the author marked: `:::notes … :::` blocks (remark-directive),
 * and `Note:` lines, which make the rest of a slide notes. (Pandoc/Quarto
 * `::: notes` and `::: {.notes}` are fenced divs: fenced-divs.ts.)
 */
import type {BlockContent, Paragraph, RootContent, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {createNotes, span} from './nodes.js'

const noteLead = /^notes?:\s*/i

/**
 * Turn top-level `:::notes` directives into `notes` nodes.
 */
export function toNotesNodes(children: RootContent[], file?: VFile): RootContent[] {
  const source = String(file?.value ?? '')
  const result: RootContent[] = []
  for (let index = 0; index < children.length; index++) {
    const node = children[index]
    if (node.type === 'containerDirective' && node.name === 'notes') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      const closed = !file || start === undefined || end === undefined || /\n[ \t]*:{3,}[ \t]*$/.test(source.slice(start, end))
      if (closed) {
        result.push({...createNotes(node.children as BlockContent[]), position: node.position})
        continue
      }
      // An unclosed block runs to the end of the file: it ends at the next slide instead.
      const stop = node.children.findIndex((child) => child.type === 'heading' || child.type === 'thematicBreak' || (child.type === 'paragraph' && toString(child).trim() === '--'))
      const own = (stop === -1 ? node.children : node.children.slice(0, stop)) as BlockContent[]
      file!.message('Unexpected unclosed `:::notes`, expected a closing `:::` line', {
        place: node.position?.start,
        ruleId: 'unclosed-notes',
        source: 'lectern'
      })
      const notes = createNotes(own)
      notes.position = span([{position: node.position && {start: node.position.start, end: node.position.start}}, ...own])
      result.push(notes)
      if (stop !== -1) children.splice(index + 1, 0, ...(node.children.slice(stop) as RootContent[]))
      continue
    }
    result.push(node)
  }
  return result
}

/** Whether a block is a paragraph starting `Note:` or `Notes:`. */
export function isNoteLead(node: RootContent): node is Paragraph {
  if (node.type !== 'paragraph') return false
  const first = node.children[0]
  return Boolean(first && first.type === 'text' && noteLead.test(first.value))
}

/** A `Note:` paragraph without its lead word (`undefined` when nothing is left). */
export function stripNoteLead(node: Paragraph): Paragraph | undefined {
  const first = node.children[0] as Text
  const value = first.value.replace(noteLead, '')
  const children = value ? [{...first, value}, ...node.children.slice(1)] : node.children.slice(1)
  return children.length > 0 ? {...node, children} : undefined
}

/**
 * Auto mode: a `Note:` paragraph and everything after it up to the next
 * heading (or slide break) become notes.
 */
export function toNoteSections(children: RootContent[]): RootContent[] {
  const result: RootContent[] = []
  let notes: BlockContent[] | undefined
  let start: RootContent | undefined
  const close = () => {
    if (notes) {
      const node = createNotes(notes)
      node.position = span([start!, ...notes])
      result.push(node)
    }
    notes = undefined
  }
  for (const node of children) {
    if (node.type === 'heading' || node.type === 'thematicBreak') close()
    if (!notes && isNoteLead(node)) {
      notes = []
      start = node
      const rest = stripNoteLead(node)
      if (rest) notes.push(rest)
      continue
    }
    if (notes) {
      if (node.type === 'notes') notes.push(...(node.children as BlockContent[]))
      else notes.push(node as BlockContent)
    } else result.push(node)
  }
  close()
  return result
}
