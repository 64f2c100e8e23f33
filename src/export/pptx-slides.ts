/**
 * The rendered deck as PowerPoint sees it: walk the hast of the page's
 * `<section>`s (vertical stacks in place, in order) into slides of titled,
 * typed blocks — paragraphs and list items with levels, tables, code lines,
 * pictures, math — and plain-text notes. Pure: the page's tree in, data out;
 * it knows nothing of markdown or of pptxgenjs.
 */
import type {Element, ElementContent, Root} from 'hast'
import {toString} from 'hast-util-to-string'
import {hasClass, toCode, toRuns, toTable, toTex, trimRuns, type PptxCode, type PptxRun, type PptxTable} from './pptx-runs.js'

export type {PptxRun} from './pptx-runs.js'

/** A paragraph; list items carry their level (0 = top) and bullet. */
export interface PptxParagraph {
  runs: PptxRun[]
  level: number
  bullet?: 'bullet' | 'number' | undefined
  /** The item's number in a numbered list. */
  number?: number | undefined
  /** How it is set: a quote, an aside, a subtitle, a subheading (default: body text). */
  role?: 'quote' | 'muted' | 'subtitle' | 'heading' | undefined
}

/** A slide's content, top to bottom. */
export type PptxBlock =
  | {type: 'text'; paragraphs: PptxParagraph[]}
  | ({type: 'table'} & PptxTable)
  | ({type: 'code'} & PptxCode)
  | {type: 'image'; src: string; alt: string}
  | {type: 'remote-image'; url: string; alt: string}
  | {type: 'math'; tex: string}

/** One slide. */
export interface PptxSlide {
  /** The slide heading; empty when it has none. */
  title: PptxRun[]
  /** `1` for an `<h1>` title (title and section slides), `2` below. */
  titleLevel: number
  /** `data-kind` of the section (`title`, `item`, `section`, `explicit`, …). */
  kind: string
  blocks: PptxBlock[]
  /** Speaker notes as plain text, paragraphs separated by blank lines. */
  notes: string
  /** The section's `id`, for links between slides. */
  id: string | undefined
}

/** The slides of a rendered page, in presentation order. */
export function toPptxSlides(tree: Root | Element): PptxSlide[] {
  const container = findSlides(tree)
  const slides: PptxSlide[] = []
  if (container) collectSections(container, slides)
  return slides
}

function findSlides(node: Root | Element): Element | undefined {
  if (node.type === 'element' && hasClass(node, 'slides')) return node
  for (const child of node.children) {
    if (child.type !== 'element') continue
    const found = findSlides(child)
    if (found) return found
  }
  return undefined
}

function collectSections(parent: Element, slides: PptxSlide[]): void {
  for (const child of parent.children) {
    if (child.type !== 'element' || child.tagName !== 'section') continue
    // A vertical stack: its slides come in place, in order.
    if (child.children.some((node) => node.type === 'element' && node.tagName === 'section')) collectSections(child, slides)
    else slides.push(toSlide(child))
  }
}

function toSlide(section: Element): PptxSlide {
  let title: Element | undefined
  let notes = ''
  const body: ElementContent[] = []
  for (const child of section.children) {
    if (child.type === 'element' && !title && /^h[1-6]$/.test(child.tagName)) title = child
    else if (child.type === 'element' && child.tagName === 'aside' && hasClass(child, 'notes')) notes = toNotes(child)
    else body.push(child)
  }
  const kind = String(section.properties.dataKind ?? 'explicit')
  const blocks: PptxBlock[] = []
  collectBlocks(body, blocks, 0)
  // A title slide's first paragraph is its subtitle.
  if (kind === 'title' || title?.tagName === 'h1') {
    const first = blocks[0]
    if (first?.type === 'text' && first.paragraphs[0] && !first.paragraphs[0].bullet) first.paragraphs[0].role ??= 'subtitle'
  }
  return {
    title: title ? trimRuns(toRuns(title.children, {})) : [],
    titleLevel: title?.tagName === 'h1' ? 1 : 2,
    kind,
    blocks: mergeText(blocks),
    notes,
    id: typeof section.properties.id === 'string' ? section.properties.id : undefined
  }
}

/** Notes as text: one paragraph or list item a line, blank lines between blocks. */
function toNotes(aside: Element): string {
  const parts: string[] = []
  const walk = (nodes: ElementContent[], depth: number) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        if (node.value.trim()) parts.push(node.value.trim())
      } else if (node.type === 'element') {
        if (node.tagName === 'ul' || node.tagName === 'ol') {
          let index = 0
          for (const item of node.children) {
            if (item.type !== 'element' || item.tagName !== 'li') continue
            index++
            const nested = item.children.filter((c) => c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol'))
            const own = item.children.filter((c) => !nested.includes(c))
            const marker = node.tagName === 'ol' ? `${index}.` : '•'
            parts.push(`${'  '.repeat(depth)}${marker} ${toString({type: 'element', tagName: 'span', properties: {}, children: own}).trim()}`)
            walk(nested, depth + 1)
          }
        } else if (isBlockElement(node)) {
          walk(node.children, depth)
        } else {
          parts.push(toString(node).trim())
        }
      }
    }
  }
  walk(aside.children, 0)
  return parts.filter(Boolean).join('\n\n')
}

const blockTags = new Set(['p', 'div', 'ul', 'ol', 'table', 'pre', 'blockquote', 'figure', 'figcaption', 'section', 'aside', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'dt', 'dd', 'hr', 'details', 'summary'])

function isBlockElement(node: Element): boolean {
  return blockTags.has(node.tagName) || hasClass(node, 'katex-display')
}

/** Turn a slide's body into blocks; `level` is the list depth. */
function collectBlocks(
  nodes: ElementContent[],
  blocks: PptxBlock[],
  level: number,
  role?: PptxParagraph['role'],
  inItem = false
): void {
  let inline: ElementContent[] = []
  const flush = () => {
    if (inline.length > 0) pushParagraph(blocks, {runs: trimRuns(toRuns(inline, {})), level, role})
    inline = []
  }
  for (const node of nodes) {
    if (node.type === 'comment') continue
    if (node.type === 'text' || (node.type === 'element' && !isBlockElement(node) && node.tagName !== 'img' && !isMedia(node))) {
      inline.push(node)
      continue
    }
    if (node.type !== 'element') continue
    flush()
    // A list inside a list item is one level deeper.
    collectBlock(node, blocks, inItem && (node.tagName === 'ul' || node.tagName === 'ol') ? level + 1 : level, role)
  }
  flush()
}

function collectBlock(node: Element, blocks: PptxBlock[], level: number, role: PptxParagraph['role']): void {
  switch (node.tagName) {
    case 'p': {
      // A paragraph of pictures is the pictures; any text around them stays a paragraph.
      collectBlocks(node.children, blocks, level, role ?? (hasClass(node, 'lectern-aside') ? 'muted' : undefined))
      return
    }
    case 'ul':
    case 'ol': {
      let number = Number(node.properties.start ?? 1) || 1
      const bullet = node.tagName === 'ol' ? 'number' : 'bullet'
      for (const item of node.children) {
        if (item.type !== 'element' || item.tagName !== 'li') continue
        const inner: PptxBlock[] = []
        collectBlocks(item.children, inner, level, role, true)
        // The item's first paragraph carries its bullet; nested lists carry their own.
        const first = inner[0]?.type === 'text' ? inner[0].paragraphs[0] : undefined
        if (first && first.level === level && !first.bullet) Object.assign(first, {bullet, number: bullet === 'number' ? number : undefined})
        else inner.unshift({type: 'text', paragraphs: [{runs: [], level, bullet, number: bullet === 'number' ? number : undefined}]})
        for (const block of inner) {
          if (block.type === 'text') for (const paragraph of block.paragraphs) pushParagraph(blocks, paragraph)
          else blocks.push(block)
        }
        number++
      }
      return
    }
    case 'table': {
      blocks.push({type: 'table', ...toTable(node)})
      return
    }
    case 'pre': {
      blocks.push({type: 'code', ...toCode(node)})
      return
    }
    case 'blockquote': {
      collectBlocks(node.children, blocks, level, 'quote')
      return
    }
    case 'img': {
      const src = node.properties.src
      const remote = node.properties.dataLecternSrc
      const alt = String(node.properties.alt ?? '')
      if (typeof src === 'string' && src) blocks.push({type: 'image', src, alt})
      else if (typeof remote === 'string' && remote) blocks.push({type: 'remote-image', url: remote, alt})
      return
    }
    case 'hr':
      return
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6': {
      pushParagraph(blocks, {runs: trimRuns(toRuns(node.children, {bold: true})), level, role: 'heading'})
      return
    }
    default: {
      if (hasClass(node, 'katex-display')) {
        blocks.push({type: 'math', tex: toTex(node)})
        return
      }
      if (isMedia(node)) {
        const src = String(node.properties.src ?? node.properties.dataLecternSrc ?? '')
        if (src) pushParagraph(blocks, {runs: [{text: `${node.tagName}: `}, {text: src, link: /^https?:/.test(src) ? src : undefined}], level, role: 'muted'})
        return
      }
      // Columns, fenced divs, figures: their content, in order.
      collectBlocks(node.children, blocks, level, role ?? (node.tagName === 'figcaption' ? 'muted' : undefined))
    }
  }
}

function isMedia(node: Element): boolean {
  return node.tagName === 'video' || node.tagName === 'audio' || node.tagName === 'iframe'
}

function pushParagraph(blocks: PptxBlock[], paragraph: PptxParagraph): void {
  // An empty paragraph is no text box; an empty list item keeps its bullet.
  if (paragraph.runs.length === 0 && !paragraph.bullet) return
  const last = blocks.at(-1)
  if (last?.type === 'text') last.paragraphs.push(paragraph)
  else blocks.push({type: 'text', paragraphs: [paragraph]})
}

/** Adjacent text blocks are one text box. */
function mergeText(blocks: PptxBlock[]): PptxBlock[] {
  const merged: PptxBlock[] = []
  for (const block of blocks) {
    const last = merged.at(-1)
    if (block.type === 'text' && last?.type === 'text') last.paragraphs.push(...block.paragraphs)
    else merged.push(block)
  }
  return merged
}
