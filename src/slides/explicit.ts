/**
 * Explicit mode: the author wrote slides. `---` separates horizontal slides,
 * a line `--` (or reveal-md's `----`) vertical ones; `Note:` starts the notes
 * of a slide.
 */
import type {BlockContent, Heading, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Slide, Stack} from '../deck/types.js'
import {createNotes, span, toSourceText} from './nodes.js'
import {isNoteLead, stripNoteLead} from './notes.js'
import {textWidthEm, withoutHeadingAttributes} from '../deck/text.js'

/** Whether the body of a document has top-level `---` breaks. */
export function hasRuleBreaks(children: RootContent[]): boolean {
  return children.some((node) => node.type === 'thematicBreak')
}

/**
 * Whether a document with `---` breaks is slide markdown rather than an
 * article that uses rules between its sections (many READMEs do).
 * Slide markdown has notes or slide comments, or short pieces between the
 * rules with at most a title and a subtitle each; an article has several
 * `##` sections or long prose between two rules.
 */
export function isSlideMarkdown(children: RootContent[], hasNotes: boolean): boolean {
  if (!hasRuleBreaks(children)) return false
  if (hasNotes || children.some((node) => node.type === 'html' && /<!--\s*\.slide:/.test(node.value))) return true
  const filled = splitOn(children, (node) => node.type === 'thematicBreak').filter((piece) => piece.some((node) => node.type !== 'yaml'))
  const majors = filled.map((piece) => piece.filter((node) => node.type === 'heading' && node.depth <= 2).length)
  const total = majors.reduce((a, b) => a + b, 0)
  if (Math.max(0, ...majors) > 2 || total > filled.length + 1) return false
  const sizes = filled.map((piece) => textWidthEm(piece.map((node) => toString(node)).join(' '))).sort((a, b) => a - b)
  const median = sizes[Math.floor(sizes.length / 2)] ?? 0
  // A slide rarely holds more than a short paragraph; pieces of long prose are sections of an article.
  return median <= 250
}

/** Whether a node is a vertical break: a paragraph that is only `--`, or a rule written `----`. */
export function isVerticalBreak(node: RootContent, source = ''): boolean {
  if (node.type === 'paragraph') return toString(node).trim() === '--' && node.children.length === 1
  return node.type === 'thematicBreak' && toSourceText(node, source, '').trim() === '----'
}

/**
 * reveal.js splits the text before markdown sees it, so `Some text` right
 * above `---` (or `--`) is a slide break there, where CommonMark reads a
 * setext heading. In explicit mode, read it as reveal.js does.
 */
export function toRevealBreaks(children: RootContent[], source: string): RootContent[] {
  const result: RootContent[] = []
  for (const node of children) {
    if (node.type === 'heading' && node.depth === 2 && node.position) {
      const text = toSourceText(node, source, '')
      const match = /\n[ \t]*(-{2,3})[ \t]*$/.exec(text)
      if (match && text.length > match[0].length) {
        const end = node.position.end
        const lineStart = {line: end.line, column: 1, offset: end.offset === undefined ? undefined : end.offset - match[0].length + 1}
        result.push({type: 'paragraph', children: node.children, position: {start: node.position.start, end: lineStart}})
        const position = {start: lineStart, end}
        result.push(
          match[1] === '---'
            ? {type: 'thematicBreak', position}
            : {type: 'paragraph', children: [{type: 'text', value: '--', position}], position}
        )
        continue
      }
    }
    result.push(node)
  }
  return result
}

/** Turn top-level content split by `---` and `--` into slides and stacks. */
export function toSlidesExplicit(children: RootContent[], source = ''): Array<Slide | Stack> {
  const result: Array<Slide | Stack> = []
  const horizontalBreak = (node: RootContent) => node.type === 'thematicBreak' && !isVerticalBreak(node, source)
  for (const horizontal of splitOn(children, horizontalBreak)) {
    const verticals = splitOn(horizontal, (node) => isVerticalBreak(node, source)).map(toSlide)
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
    if (!inNotes && isNoteLead(node)) {
      inNotes = true
      const rest = stripNoteLead(node)
      if (rest) notes.push(rest)
      continue
    }
    if (inNotes) notes.push(node as BlockContent)
    else shown.push(node)
  }
  // Pandoc / Quarto `## Title {.smaller background-color="#222"}`: attributes of the slide, not title text.
  const at = shown.findIndex((node) => node.type === 'heading')
  let attributes: Record<string, string> | undefined
  if (at !== -1) [shown[at], attributes] = withoutHeadingAttributes(shown[at] as Heading)
  const heading = at === -1 ? undefined : shown[at]
  const children: RootContent[] = [...shown]
  if (notes.length > 0) children.push(createNotes(notes))
  return {
    type: 'slide',
    children,
    position: span(nodes),
    data: {kind: 'explicit', title: heading ? toString(heading, {includeHtml: false}).trim() : undefined, ...(attributes ? {attributes} : {})}
  }
}
