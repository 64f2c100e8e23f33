/**
 * A deck's outline as text, one line per slide: position, title, what it
 * shows and how many notes paragraphs it has. Tests compare outlines.
 *
 * ```
 * 1    什么是大模型             notes 1
 * 2    什么是大模型?            list 2   notes 1
 * 2.1  规模庞大的数据集                  notes 1
 * ```
 */
import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Slide} from '../deck/types.js'
import {getNotes, isVisible} from './nodes.js'
import {textWidthEm} from '../deck/text.js'

/** The outline of a tree `remarkSlides` made. */
export function toOutline(tree: Root): string {
  const rows: Array<[string, string, string, string]> = []
  let h = 0
  for (const node of tree.children) {
    if (node.type !== 'slide' && node.type !== 'stack') continue
    h++
    const slides = node.type === 'stack' ? node.children : [node]
    slides.forEach((slide, v) => rows.push([v === 0 ? String(h) : `${h}.${v}`, titleOf(slide), shows(slide), notesOf(slide)]))
  }
  const width = (i: number) => Math.max(...rows.map((row) => Math.ceil(textWidthEm(row[i]) * (i === 1 ? 2 : 1))))
  const pad = (text: string, w: number, wide = false) => text + ' '.repeat(Math.max(0, w - Math.ceil(textWidthEm(text) * (wide ? 2 : 1))))
  const [w0, w1, w2] = [width(0), width(1), width(2)]
  return rows.map((row) => `${pad(row[0], w0)}  ${pad(row[1], w1, true)}  ${pad(row[2], w2)}  ${row[3]}`.trimEnd()).join('\n') + '\n'
}

function titleOf(slide: Slide): string {
  return slide.data?.title ?? '(untitled)'
}

function shows(slide: Slide): string {
  const parts: string[] = []
  for (const node of slide.children) {
    if (node.type === 'heading' && node === slide.children[0]) continue
    if (node.type === 'notes' || !isVisible(node)) continue
    parts.push(describe(node))
  }
  return parts.join(' ')
}

function describe(node: RootContent): string {
  switch (node.type) {
    case 'list':
      return `list ${node.children.length}`
    case 'table':
      return `table ${node.children.length - 1}`
    case 'code':
      return `code ${node.value.split('\n').length}`
    case 'paragraph': {
      const className = (node.data?.hProperties as {className?: string[]} | undefined)?.className?.[0]
      if (className === 'lectern-key') return 'key'
      if (className === 'lectern-subtitle') return 'subtitle'
      if (className === 'lectern-aside') return 'aside'
      if (className === 'lectern-byline') return 'byline'
      return node.children.some((c) => c.type === 'image') ? 'image' : 'text'
    }
    default:
      return node.type
  }
}

function notesOf(slide: Slide): string {
  const notes = getNotes(slide)
  const count = notes ? notes.children.filter((child) => toString(child).trim()).length : 0
  return count > 0 ? `notes ${count}` : 'no notes'
}
