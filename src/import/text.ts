/**
 * Plain text → mdast: recognise an article copied from a web page or written
 * as a text file — its title, subtitle, section headings, bullets, numbered
 * items and "term: description" runs — and leave out the page furniture.
 * Every node carries the position of the lines it came from.
 */
import type {Heading, List, ListItem, Paragraph, Root, RootContent} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {endsLikeSentence, textWidthEm} from '../deck/text.js'
import {isFurnitureCaption} from './furniture.js'
import {chineseSection, chineseSubsection, isShort, isTermLine, joinLines, lineOffsets, sectionNumber, toUnits, type Line, type ListUnit, type ParagraphUnit, type Unit} from './text-units.js'

/** Read a plain-text article into mdast; drops furniture and says so on `file`. */
export function fromText(value: string, file: VFile): Root {
  const offsets = lineOffsets(value)
  const lines = value.split(/\r\n|\r|\n/).map((raw, index): Line => {
    const normal = raw.replace(/[\u00A0\u2007\u202F\u3000\t]/gu, (space) => (space === '\t' ? '    ' : ' ')).replace(/\s+$/u, '')
    const text = normal.trim()
    const ascii = /^(?: {4}|\t)/u.test(raw) ? raw.replace(/^(?: {4}|\t)/u, '').replace(/\s+$/u, '') : undefined
    return {index, indent: normal.length - normal.trimStart().length, text, code: ascii}
  })
  const place = (first: Line, last: Line = first): Position => ({
    start: {line: first.index + 1, column: first.indent + 1, offset: offsets[first.index] + first.indent},
    end: {line: last.index + 1, column: last.indent + last.text.length + 1, offset: offsets[last.index] + last.indent + last.text.length}
  })

  const dropped: Line[] = []
  let units = toUnits(lines)
  units = dropFurniture(units, dropped)
  units = findHeadings(units)

  const children: RootContent[] = []
  let index = 0
  const first = units[0]
  if (first && (first.type === 'heading' || first.type === 'paragraph') && isTitle(unitText(first), first)) {
    const line = first.type === 'heading' ? first.line : first.lines[0]
    children.push({type: 'heading', depth: 1, children: [{type: 'text', value: unitText(first)}], position: place(line)})
    index = 1
    // A short line right after the title, before the lead, is its subtitle.
    const next = units[1]
    if (next && next.type === 'heading' && next.title === undefined && units.length > 2 && !/^\d/u.test(next.text) && !chineseSection.test(next.text) && next.depth === 2) {
      children.push({type: 'paragraph', children: [{type: 'text', value: next.text}], position: place(next.line)})
      index = 2
    }
  }
  for (const unit of units.slice(index)) children.push(...toNodes(unit, place))

  if (dropped.length > 0) {
    dropped.sort((a, b) => a.index - b.index)
    const lines = [...new Set(dropped.map((line) => line.index + 1))]
    file.info(`Dropped ${lines.length} line${lines.length === 1 ? '' : 's'} of page furniture (timestamps, view counts, link lists)`, {
      place: place(dropped[0]).start,
      ruleId: 'import-furniture',
      source: 'lectern'
    })
  }
  return {type: 'root', children, position: {start: {line: 1, column: 1, offset: 0}, end: {line: lines.length, column: 1, offset: value.length}}}
}

/**
 * Leave out furniture: metadata lines, lists whose items each carry a
 * timestamp or a count (links to other pages), and the caption above them
 * ("相关推荐", "Related posts") — with the lists that follow a caption.
 */
function dropFurniture(units: Unit[], dropped: Line[]): Unit[] {
  const kept: Unit[] = []
  let afterCaption = false
  for (const [index, unit] of units.entries()) {
    if (unit.type === 'meta') {
      dropped.push(unit.line)
      continue
    }
    // A rule is decoration in a text (or a setext underline); a `---` would make the deck manual.
    if (unit.type === 'rule') continue
    if (unit.type === 'list') {
      const linked = unit.items.filter((item) => item.meta).length
      if (afterCaption || (linked > 0 && linked * 2 >= unit.items.length)) {
        dropped.push(...linesOf(unit))
        // The caption over a link list is furniture too.
        const previous = kept[kept.length - 1]
        if (previous && previous.type === 'paragraph' && previous.lines.length === 1 && isShort(previous.lines[0].text) && !endsLikeSentence(previous.lines[0].text)) {
          dropped.push(previous.lines[0])
          kept.pop()
        }
        continue
      }
    }
    if (unit.type === 'paragraph' && unit.lines.length === 1 && isFurnitureCaption(unit.lines[0].text)) {
      const next = units[index + 1]
      if (!next || next.type === 'list' || next.type === 'meta' || (next.type === 'paragraph' && isShort(next.lines[0].text))) {
        dropped.push(unit.lines[0])
        afterCaption = true
        continue
      }
    }
    if (unit.type === 'paragraph' && afterCaption && unit.lines.length === 1 && isShort(unit.lines[0].text) && !endsLikeSentence(unit.lines[0].text)) {
      // A link title under a caption, without a list marker.
      dropped.push(unit.lines[0])
      continue
    }
    afterCaption = false
    kept.push(unit)
  }
  return kept
}

/**
 * Decide which short lines are headings: no closing sentence punctuation
 * (a question mark is fine), not in a run of "term: description" lines, and
 * followed by body text. Runs of term lines become a list.
 */
function findHeadings(units: Unit[]): Unit[] {
  const result: Unit[] = []
  const isCandidate = (unit: Unit | undefined): unit is ParagraphUnit =>
    unit !== undefined && unit.type === 'paragraph' && unit.lines.length === 1 && isHeadingLike(unit.lines[0].text)
  const isTerm = (unit: Unit | undefined): unit is ParagraphUnit =>
    unit !== undefined && unit.type === 'paragraph' && unit.lines.length === 1 && isTermLine(unit.lines[0].text)
  // Whether unit `index` is a heading: it is like one and body text follows
  // (directly, or under the next heading).
  const memo = new Map<number, boolean>()
  const isHeadingAt = (index: number): boolean => {
    if (memo.has(index)) return memo.get(index)!
    const unit = units[index]
    let answer = false
    if (isCandidate(unit) && !(isTerm(unit) && (isTerm(units[index - 1]) || isTerm(units[index + 1])))) {
      const next = units[index + 1]
      if (next) answer = isCandidate(next) ? isHeadingAt(index + 1) || !isCandidate(units[index + 2]) : true
    }
    memo.set(index, answer)
    return answer
  }
  // Walk backwards so a run of candidates is decided from its body up.
  for (let index = units.length - 1; index >= 0; index--) isHeadingAt(index)

  for (let index = 0; index < units.length; index++) {
    const unit = units[index]
    // "term: description" lines, two or more in a row, are a list.
    if (isTerm(unit) && isTerm(units[index + 1]) && !memo.get(index)) {
      const list: ListUnit = {type: 'list', ordered: false, start: 1, indent: unit.lines[0].indent, items: []}
      while (isTerm(units[index])) {
        const line = (units[index] as ParagraphUnit).lines[0]
        list.items.push({line, text: line.text, children: [], meta: false})
        index++
      }
      index--
      result.push(list)
      continue
    }
    if (unit.type === 'paragraph' && memo.get(index)) {
      const line = unit.lines[0]
      result.push({type: 'heading', depth: headingDepth(line.text), line, text: line.text})
      continue
    }
    // A numbered line on its own, short, with body text under it, among others like it: a numbered section.
    if (isNumberedSection(unit) && isBody(units[index + 1]) && units.some((other) => other !== unit && isNumberedSection(other))) {
      const line = (unit as ListUnit).items[0].line
      result.push({type: 'heading', depth: 2, line, text: line.text})
      continue
    }
    result.push(unit)
  }
  return result
}

function isNumberedSection(unit: Unit | undefined): boolean {
  return unit !== undefined && unit.type === 'list' && unit.ordered && unit.items.length === 1 && unit.items[0].children.length === 0 && isHeadingLike(unit.items[0].text)
}

function isBody(unit: Unit | undefined): boolean {
  return unit !== undefined && (unit.type === 'paragraph' || unit.type === 'list' || unit.type === 'code')
}

function headingDepth(text: string): 2 | 3 | 4 {
  const section = sectionNumber.exec(text)
  if (section) return Math.min(4, section[1].split('.').length + 1) as 2 | 3 | 4
  if (chineseSubsection.test(text)) return 3
  return 2
}

/** Whether a line reads like a heading: short, not a sentence, not a lowercase fragment. */
function isHeadingLike(text: string): boolean {
  if (!isShort(text)) return false
  if (/[。.!！;；,，、:：…]["”’」』)）]*$/u.test(text)) return false
  if (/^[a-z]/u.test(text)) return false
  if (/^(?:https?:\/\/|www\.)\S+$/iu.test(text)) return false
  if (!/[\p{L}]/u.test(text)) return false
  return true
}

function isTitle(text: string, unit: Unit): boolean {
  if (unit.type === 'heading') return unit.title !== false
  if (unit.type !== 'paragraph' || unit.lines.length !== 1) return false
  return textWidthEm(text) <= 60 && !/[。.;；,，:：]$/u.test(text) && !/^[a-z]/u.test(text)
}

function unitText(unit: Unit): string {
  if (unit.type === 'heading') return unit.text
  if (unit.type === 'paragraph') return joinLines(unit.lines)
  return ''
}

function linesOf(unit: Unit): Line[] {
  switch (unit.type) {
    case 'paragraph':
    case 'code':
      return unit.lines
    case 'list':
      return unit.items.flatMap((item) => [item.line, ...item.children.flatMap(linesOf)])
    default:
      return [unit.line]
  }
}

function toNodes(unit: Unit, place: (first: Line, last?: Line) => Position): RootContent[] {
  switch (unit.type) {
    case 'heading': {
      const heading: Heading = {type: 'heading', depth: unit.depth, children: [{type: 'text', value: unit.text}], position: place(unit.line)}
      return [heading]
    }
    case 'paragraph': {
      const paragraph: Paragraph = {
        type: 'paragraph',
        children: [{type: 'text', value: joinLines(unit.lines)}],
        position: place(unit.lines[0], unit.lines[unit.lines.length - 1])
      }
      return [paragraph]
    }
    case 'code': {
      const value = unit.lines.map((line) => line.code ?? '').join('\n').replace(/\n+$/u, '')
      return [{type: 'code', lang: null, meta: null, value, position: place(unit.lines[0], unit.lines[unit.lines.length - 1])}]
    }
    case 'list': {
      const items = unit.items.map((item): ListItem => {
        const lines = [item.line, ...item.children.flatMap(linesOf)]
        const children = item.children.filter((child) => child.type !== 'meta').flatMap((child) => toNodes(child, place))
        return {
          type: 'listItem',
          spread: false,
          children: [{type: 'paragraph', children: [{type: 'text', value: item.text}], position: place(item.line)}, ...(children as ListItem['children'])],
          position: place(item.line, lines[lines.length - 1])
        }
      })
      const list: List = {type: 'list', ordered: unit.ordered, start: unit.ordered ? unit.start : null, spread: false, children: items}
      list.position = {start: items[0].position!.start, end: items[items.length - 1].position!.end}
      return [list]
    }
    default:
      return []
  }
}
