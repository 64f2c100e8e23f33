/**
 * Plain text → units: the lines of a text article grouped into paragraphs,
 * lists, headings, code and rules, before headings and furniture are judged
 * (text.ts).
 */
import {countCjk, countWords, endsLikeSentence, textWidthEm} from '../deck/text.js'
import {isFurnitureLine, isMetaLine} from './furniture.js'

/** One source line. */
export interface Line {
  /** 0-based line number. */
  index: number
  /** Columns of leading whitespace. */
  indent: number
  /** The text, trimmed, with no-break and ideographic spaces as spaces. */
  text: string
  /** The line after its first `codeIndent` columns of ASCII indentation, when it has them. */
  code: string | undefined
}

export interface ParagraphUnit {
  type: 'paragraph'
  lines: Line[]
}

export interface ItemUnit {
  line: Line
  text: string
  /** Continuation paragraphs and nested lists. */
  children: Unit[]
  /** Whether a timestamp or a view count follows it (a link to another page). */
  meta: boolean
}

export interface ListUnit {
  type: 'list'
  ordered: boolean
  start: number
  indent: number
  items: ItemUnit[]
}

export interface HeadingUnit {
  type: 'heading'
  depth: 2 | 3 | 4
  line: Line
  text: string
  /** Written as a `#` heading. */
  title?: boolean
}

export interface OtherUnit {
  type: 'meta' | 'rule'
  line: Line
}

export interface CodeUnit {
  type: 'code'
  lines: Line[]
}

export type Unit = ParagraphUnit | ListUnit | HeadingUnit | OtherUnit | CodeUnit

/** Lists nest no deeper than this; deeper items join the deepest list. */
export const maxListDepth = 6

export const bullet = /^([•·◦▪▫●○‣⁃∙*+\-–])\s+(\S.*)$/u
export const numbered = /^(?:(\d{1,3})(?:[.)]\s+|[、．]\s*)|[(（](\d{1,3})[)）]\s*)(\S.*)$/u
export const sectionNumber = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$/u
export const chineseSection = /^(?:第[一二三四五六七八九十百\d]+[章节部分篇]|[一二三四五六七八九十]+、)\s*\S/u
export const chineseSubsection = /^[(（][一二三四五六七八九十]+[)）]\s*\S/u
export const ruleLine = /^(?:[-*_=~]\s*){3,}$/u
export const atxHeading = /^(#{1,6})\s+(.+?)(?:\s+#+)?$/u
export const termLine = /^([^:：。！？!?；;，,]{1,40}?)\s*[:：]\s*(\S.*)$/u

/** Group lines into paragraphs, lists, rules and metadata lines. */
export function toUnits(lines: Line[]): Unit[] {
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
export function isCodeBlockAt(lines: Line[], index: number, prose: Set<number>): boolean {
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
export function looksLikeCode(text: string): boolean {
  if (countCjk(text) > text.length * 0.2) return false
  return /[{};]\s*$|^[<$#>]|=>|[=!<>]=|\s=\s|\w\(.*\)|^(?:def|class|function|import|from|return|if|for|while|const|let|var|fn|pub|SELECT|CREATE|INSERT)\b/u.test(text)
}

/** A bullet or number at the start of a line. */
export function toMarker(text: string): {ordered: boolean; start: number; text: string} | undefined {
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
export function splitBlock(unit: ParagraphUnit): Unit[] {
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

export function isShort(text: string): boolean {
  return textWidthEm(text) <= 36 && countWords(text) <= 14
}

export function isTermLine(text: string): boolean {
  const match = termLine.exec(text)
  if (!match) return false
  const term = match[1]
  return textWidthEm(term) <= 20 && countWords(term) <= 6 && !/^https?$/iu.test(term) && !/\d$/u.test(term)
}

export function joinLines(lines: Line[]): string {
  let text = ''
  for (const line of lines) text += (text ? joiner(text, line.text) : '') + line.text
  return text
}

/** CJK lines join without a space, latin ones with one. */
export function joiner(before: string, after: string): string {
  const cjk = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u
  return cjk.test(before.slice(-1)) && cjk.test(after[0] ?? '') ? '' : ' '
}

export function lineOffsets(value: string): number[] {
  const offsets = [0]
  const pattern = /\r\n|\r|\n/g
  let match
  while ((match = pattern.exec(value))) offsets.push(match.index + match[0].length)
  return offsets
}
