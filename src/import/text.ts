/**
 * Plain text → mdast: recognise an article copied from a web page or written
 * as a text file — its title, subtitle, section headings, bullets, numbered
 * items and "term: description" runs — and leave out the page furniture.
 * Every node carries the position of the lines it came from.
 */
import type {Heading, List, ListItem, Paragraph, Root, RootContent} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {countCjk, countWords, endsLikeSentence, textWidthEm} from '../deck/text.js'
import {isFurnitureCaption, isFurnitureLine, isMetaLine} from './furniture.js'

/** One source line. */
interface Line {
  /** 0-based line number. */
  index: number
  /** Columns of leading whitespace. */
  indent: number
  /** The text, trimmed, with no-break and ideographic spaces as spaces. */
  text: string
  /** The line after its first `codeIndent` columns of ASCII indentation, when it has them. */
  code: string | undefined
}

interface ParagraphUnit {
  type: 'paragraph'
  lines: Line[]
}

interface ItemUnit {
  line: Line
  text: string
  /** Continuation paragraphs and nested lists. */
  children: Unit[]
  /** Whether a timestamp or a view count follows it (a link to another page). */
  meta: boolean
}

interface ListUnit {
  type: 'list'
  ordered: boolean
  start: number
  indent: number
  items: ItemUnit[]
}

interface HeadingUnit {
  type: 'heading'
  depth: 2 | 3 | 4
  line: Line
  text: string
  /** Written as a `#` heading. */
  title?: boolean
}

interface OtherUnit {
  type: 'meta' | 'rule'
  line: Line
}

interface CodeUnit {
  type: 'code'
  lines: Line[]
}

type Unit = ParagraphUnit | ListUnit | HeadingUnit | OtherUnit | CodeUnit

/** Lists nest no deeper than this; deeper items join the deepest list. */
const maxListDepth = 6

const bullet = /^([•·◦▪▫●○‣⁃∙*+\-–])\s+(\S.*)$/u
const numbered = /^(?:(\d{1,3})(?:[.)]\s+|[、．]\s*)|[(（](\d{1,3})[)）]\s*)(\S.*)$/u
const sectionNumber = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$/u
const chineseSection = /^(?:第[一二三四五六七八九十百\d]+[章节部分篇]|[一二三四五六七八九十]+、)\s*\S/u
const chineseSubsection = /^[(（][一二三四五六七八九十]+[)）]\s*\S/u
const ruleLine = /^(?:[-*_=~]\s*){3,}$/u
const atxHeading = /^(#{1,6})\s+(.+?)(?:\s+#+)?$/u
const termLine = /^([^:：。！？!?；;，,]{1,40}?)\s*[:：]\s*(\S.*)$/u

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

/** Group lines into paragraphs, lists, rules and metadata lines. */
function toUnits(lines: Line[]): Unit[] {
  const units: Unit[] = []
  // Open lists, innermost last, with the item being filled.
  const stack: Array<{list: ListUnit; item: ItemUnit}> = []
  let paragraph: ParagraphUnit | undefined
  let code: CodeUnit | undefined
  const prose = new Set<number>()
  let blank = true

  const closeListsDeeperThan = (indent: number) => {
    while (stack.length > 0 && stack[stack.length - 1].list.indent > indent) stack.pop()
  }

  for (const line of lines) {
    if (!line.text) {
      paragraph = undefined
      blank = true
      continue
    }
    const wasBlank = blank
    blank = false
    if (ruleLine.test(line.text) && !code) {
      paragraph = undefined
      stack.length = 0
      units.push({type: 'rule', line})
      continue
    }
    if (!code && (isMetaLine(line.text) || isFurnitureLine(line.text))) {
      paragraph = undefined
      const top = stack[stack.length - 1]
      const unit: OtherUnit = {type: 'meta', line}
      // Under an item (indented, or right below it): the item links to another page.
      if (top && (line.indent > top.list.indent || !wasBlank)) {
        top.item.meta = true
        top.item.children.push(unit)
      } else {
        stack.length = 0
        units.push(unit)
      }
      continue
    }
    const atx = atxHeading.exec(line.text)
    if (atx && line.indent < 4) {
      // A text that is markdown already keeps its headings.
      paragraph = undefined
      stack.length = 0
      units.push({type: 'heading', depth: Math.min(4, Math.max(2, atx[1].length)) as 2 | 3 | 4, line, text: atx[2], title: atx[1].length === 1})
      continue
    }
    const marker = code && line.code !== undefined ? undefined : toMarker(line.text)
    if (marker) {
      paragraph = undefined
      closeListsDeeperThan(line.indent)
      const top = stack[stack.length - 1]
      const item: ItemUnit = {line, text: marker.text, children: [], meta: false}
      if (top && top.list.indent === line.indent && top.list.ordered === marker.ordered) {
        top.list.items.push(item)
        top.item = item
      } else if (top && line.indent > top.list.indent && stack.length < maxListDepth) {
        const list: ListUnit = {type: 'list', ordered: marker.ordered, start: marker.start, indent: line.indent, items: [item]}
        top.item.children.push(list)
        stack.push({list, item})
      } else {
        // Deeper than a slide can show: a sibling of the deepest item.
        if (top && line.indent > top.list.indent) {
          top.list.items.push(item)
          top.item = item
          continue
        }
        if (top && top.list.indent === line.indent) stack.pop()
        const list: ListUnit = {type: 'list', ordered: marker.ordered, start: marker.start, indent: line.indent, items: [item]}
        const parent = stack[stack.length - 1]
        if (parent) parent.item.children.push(list)
        else units.push(list)
        stack.push({list, item})
      }
      continue
    }
    // Text: continues an item when indented under it, else a paragraph.
    const top = stack[stack.length - 1]
    // Indented by four spaces or a tab outside a list, and reading like code: a code block.
    if (!top && line.code !== undefined && (code || isCodeBlockAt(lines, line.index, prose))) {
      paragraph = undefined
      if (code && wasBlank) code.lines.push(...lines.slice(code.lines[code.lines.length - 1].index + 1, line.index))
      if (!code) {
        code = {type: 'code', lines: []}
        units.push(code)
      }
      code.lines.push(line)
      continue
    }
    code = undefined
    if (top && line.indent > top.list.indent) {
      const last = top.item.children[top.item.children.length - 1]
      if (!wasBlank && last === undefined) {
        // A wrapped line of the item's own text.
        top.item.text += joiner(top.item.text, line.text) + line.text
      } else if (!wasBlank && last && last.type === 'paragraph') {
        last.lines.push(line)
      } else {
        top.item.children.push({type: 'paragraph', lines: [line]})
      }
      continue
    }
    stack.length = 0
    if (paragraph && !wasBlank) {
      paragraph.lines.push(line)
    } else {
      paragraph = {type: 'paragraph', lines: [line]}
      units.push(paragraph)
    }
  }
  return units.flatMap((unit) => (unit.type === 'paragraph' ? splitBlock(unit) : [unit]))
}

/** Whether the indented lines from `index` on (blank lines between them included) hold a line of code. */
function isCodeBlockAt(lines: Line[], index: number, prose: Set<number>): boolean {
  if (prose.has(index)) return false
  for (let at = index; at < lines.length; at++) {
    const line = lines[at]
    if (!line.text) continue
    if (line.code === undefined) break
    if (looksLikeCode(line.text)) return true
  }
  // Later lines of an indented run of prose are prose too: each run is read once.
  for (let at = index; at < lines.length && (!lines[at].text || lines[at].code !== undefined); at++) prose.add(at)
  return false
}

/** Whether a line reads like program text rather than prose. */
function looksLikeCode(text: string): boolean {
  if (countCjk(text) > text.length * 0.2) return false
  return /[{};]\s*$|^[<$#>]|=>|[=!<>]=|\s=\s|\w\(.*\)|^(?:def|class|function|import|from|return|if|for|while|const|let|var|fn|pub|SELECT|CREATE|INSERT)\b/u.test(text)
}

/** A bullet or number at the start of a line. */
function toMarker(text: string): {ordered: boolean; start: number; text: string} | undefined {
  const b = bullet.exec(text)
  if (b && !ruleLine.test(text)) return {ordered: false, start: 1, text: b[2]}
  if (sectionNumber.test(text)) return undefined
  const n = numbered.exec(text)
  if (n) return {ordered: true, start: Number(n[1] ?? n[2]), text: n[3]}
  return undefined
}

/**
 * A block of lines with no blank line between them: hard-wrapped prose is
 * one paragraph; a short first line over prose is a heading candidate; a
 * run of "term: description" lines or of short lines stays one line each.
 */
function splitBlock(unit: ParagraphUnit): Unit[] {
  const lines = unit.lines
  if (lines.length === 1) return [unit]
  // "Term: description" on every line is a list written without markers.
  if (lines.every((line) => isTermLine(line.text))) return lines.map((line) => ({type: 'paragraph', lines: [line]}))
  const widths = lines.map((line) => textWidthEm(line.text))
  const longest = Math.max(...widths)
  // Hard-wrapped prose breaks lines mid-sentence; a page copied one paragraph per line ends each line with a full stop.
  const wrapped = (from: number) =>
    widths.slice(from, -1).every((width) => width >= longest * 0.6) && longest >= 24 && lines.slice(from, -1).some((line) => !endsLikeSentence(line.text))
  if (wrapped(0)) return [unit]
  // A caption over three or more short lines that are not sentences: the lines are a list.
  if (lines.length >= 3 && lines.slice(1).every((line) => isShort(line.text) && !endsLikeSentence(line.text)) && isShort(lines[0].text)) {
    const list: ListUnit = {type: 'list', ordered: false, start: 1, indent: lines[1].indent, items: lines.slice(1).map((line) => ({line, text: line.text, children: [], meta: false}))}
    return [{type: 'paragraph', lines: [lines[0]]}, list]
  }
  if (!endsLikeSentence(lines[0].text) && widths[0] < longest * 0.6 && (lines.length === 2 || wrapped(1))) {
    return [{type: 'paragraph', lines: [lines[0]]}, {type: 'paragraph', lines: lines.slice(1)}]
  }
  return lines.map((line) => ({type: 'paragraph', lines: [line]}))
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

function isShort(text: string): boolean {
  return textWidthEm(text) <= 36 && countWords(text) <= 14
}

function isTermLine(text: string): boolean {
  const match = termLine.exec(text)
  if (!match) return false
  const term = match[1]
  return textWidthEm(term) <= 20 && countWords(term) <= 6 && !/^https?$/iu.test(term) && !/\d$/u.test(term)
}

function unitText(unit: Unit): string {
  if (unit.type === 'heading') return unit.text
  if (unit.type === 'paragraph') return joinLines(unit.lines)
  return ''
}

function joinLines(lines: Line[]): string {
  let text = ''
  for (const line of lines) text += (text ? joiner(text, line.text) : '') + line.text
  return text
}

/** CJK lines join without a space, latin ones with one. */
function joiner(before: string, after: string): string {
  const cjk = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u
  return cjk.test(before.slice(-1)) && cjk.test(after[0] ?? '') ? '' : ' '
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

function lineOffsets(value: string): number[] {
  const offsets = [0]
  const pattern = /\r\n|\r|\n/g
  let match
  while ((match = pattern.exec(value))) offsets.push(match.index + match[0].length)
  return offsets
}
