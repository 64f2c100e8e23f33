/**
 * Notes the author marked: `:::notes … :::` blocks (remark-directive),
 * pandoc/Quarto fenced divs `::: notes` and `::: {.notes}`, and `Note:`
 * lines, which make the rest of a slide notes.
 */
import type {BlockContent, Paragraph, RootContent, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import type {Notes} from '../types.js'
import {createNotes, span} from './nodes.js'

const pandocOpen = /^:{3,}\s*(?:notes|\{\s*\.notes\s*\})\s*$/
const pandocClose = /^:{3,}\s*$/
const noteLead = /^notes?:\s*/i

/**
 * Turn top-level `:::notes` directives and pandoc fenced notes divs into
 * `notes` nodes. A pandoc fence without its closing `:::` is left as text.
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
    const fenced = readPandocNotes(children, index)
    if (fenced) {
      result.push(fenced.notes)
      index = fenced.end
      continue
    }
    result.push(node)
  }
  return result
}

/** A pandoc notes div starting at `index`: the notes and the index of its last node. */
function readPandocNotes(children: RootContent[], index: number): {notes: Notes; end: number} | undefined {
  const first = children[index]
  if (first.type !== 'paragraph') return undefined
  const head = first.children[0]
  if (!head || head.type !== 'text') return undefined
  const [line, ...rest] = head.value.split('\n')
  if (!pandocOpen.test(line.trim())) return undefined
  // The opening paragraph, without its fence line.
  const opening: Paragraph = {...first, children: [...first.children]}
  if (rest.length > 0) opening.children[0] = {...head, value: rest.join('\n')}
  else opening.children.shift()
  const blocks: RootContent[] = []
  let candidate: RootContent | undefined = opening
  for (let at = index; at < children.length; at++) {
    const node: RootContent = at === index ? candidate! : children[at]
    candidate = undefined
    const closed = node.type === 'paragraph' ? withoutClosingFence(node) : undefined
    if (closed !== undefined) {
      if (closed) blocks.push(closed)
      const content = blocks.filter((block) => block.type !== 'paragraph' || block.children.length > 0) as BlockContent[]
      const notes = createNotes(content)
      notes.position = span(children.slice(index, at + 1))
      return {notes, end: at}
    }
    // A heading or a slide break ends the slide; an unclosed div is not notes.
    if (at > index && (node.type === 'heading' || node.type === 'thematicBreak')) return undefined
    blocks.push(node)
  }
  return undefined
}

/**
 * If a paragraph ends with a closing `:::` line, the paragraph without it
 * (`null` when nothing is left); otherwise `undefined`.
 */
function withoutClosingFence(paragraph: Paragraph): Paragraph | null | undefined {
  const last = paragraph.children.at(-1)
  if (!last || last.type !== 'text') return undefined
  const lines = last.value.split('\n')
  if (!pandocClose.test(lines.at(-1)!.trim())) return undefined
  const value = lines.slice(0, -1).join('\n').replace(/\n$/, '')
  const children = [...paragraph.children.slice(0, -1), ...(value ? [{...last, value} as Text] : [])]
  // A soft break before the fence is gone with it.
  const trailing = children.at(-1)
  if (trailing && trailing.type === 'text') trailing.value = trailing.value.replace(/\s+$/, '')
  return children.length > 0 ? {...paragraph, children} : null
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
