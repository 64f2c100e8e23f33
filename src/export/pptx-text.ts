/**
 * Paragraphs and runs as pptxgenjs text items: bullets, levels and list
 * numbering, the theme's faces and colours, links to URLs and to other
 * slides, and the `lang` of each run, so East Asian runs get a CJK face.
 * Also how many lines a paragraph wraps to, for the layout.
 */
import type pptxgenjs from 'pptxgenjs'
import type {PptxParagraph, PptxRun} from './pptx-slides.js'
import type {PptxTheme} from './pptx-theme.js'

type TextItem = pptxgenjs.default.TextProps

/** What setting text needs of the deck. */
export interface TextContext {
  theme: PptxTheme
  /** The deck's language (`zh-CN`, `en`). */
  lang: string
  /** Slide numbers by section `id`, for links between slides. */
  slideNumbers: ReadonlyMap<string, number>
}

const eastAsian = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/

/** The size, colour and face runs are set in. */
export interface RunStyle {
  size: number
  color: string
  bold?: boolean
  italic?: boolean
  font: string
}

/** How much larger or smaller than body text a paragraph is set. */
export function paragraphScale(paragraph: PptxParagraph): number {
  if (paragraph.role === 'subtitle') return 1.2
  if (paragraph.role === 'heading') return 1.1
  if (paragraph.role === 'muted') return 0.9
  return 1
}

/** Lines a paragraph wraps to in a box `width` inches wide. */
export function lineCount(runs: ReadonlyArray<PptxRun>, points: number, width: number): number {
  let lines = 1
  let current = 0
  const em = points / 72
  for (const run of runs) {
    if (run.break) {
      lines++
      current = 0
      continue
    }
    for (const character of run.text) {
      // A CJK character is a square em; Latin text averages a little over half.
      current += eastAsian.test(character) ? em : run.code ? em * 0.6 : em * 0.55
      if (current > width) {
        lines++
        current = eastAsian.test(character) ? em : em * 0.55
      }
    }
  }
  return lines
}

/** Paragraphs as pptxgenjs text items: runs, with the paragraph's bullet and level on each. */
export function toTextItems(paragraphs: ReadonlyArray<PptxParagraph>, context: TextContext, base: RunStyle): TextItem[] {
  const {theme} = context
  const items: TextItem[] = []
  paragraphs.forEach((paragraph, index) => {
    const style: RunStyle = {
      ...base,
      size: base.size * paragraphScale(paragraph),
      color: paragraph.role === 'muted' || paragraph.role === 'quote' || paragraph.role === 'subtitle' ? theme.muted : base.color,
      italic: paragraph.role === 'quote' || base.italic,
      bold: paragraph.role === 'heading' || base.bold
    }
    const runs = toRunItems(paragraph.runs.length > 0 ? paragraph.runs : [{text: ' '}], context, style)
    const first = paragraph.bullet === 'number' && !isContinuation(paragraphs, index)
    const bullet =
      paragraph.bullet === 'number'
        ? {type: 'number' as const, ...(first && paragraph.number && paragraph.number > 1 ? {numberStartAt: paragraph.number} : {})}
        : paragraph.bullet
          ? {indent: 18}
          : false
    // A paragraph that continues a list item is indented with it.
    const indentLevel = paragraph.level + (!paragraph.bullet && paragraph.level > 0 ? 1 : 0)
    runs.forEach((run, runIndex) => {
      run.options = {
        ...run.options,
        ...(runIndex === 0 ? {bullet, indentLevel} : {}),
        ...(runIndex === runs.length - 1 && index < paragraphs.length - 1 ? {breakLine: true} : {})
      }
    })
    items.push(...runs)
  })
  return items
}

/** Whether a numbered item follows its list's previous item in the same box, so PowerPoint counts on by itself. */
function isContinuation(paragraphs: ReadonlyArray<PptxParagraph>, index: number): boolean {
  for (let previous = index - 1; previous >= 0; previous--) {
    const before = paragraphs[previous]
    if (before.level < paragraphs[index].level) return false
    if (before.level === paragraphs[index].level) return before.bullet === 'number'
  }
  return false
}

/** Runs as text items, styled; a line break becomes a soft break. */
export function toRunItems(runs: ReadonlyArray<PptxRun>, context: TextContext, style: RunStyle): TextItem[] {
  const {theme} = context
  const items: TextItem[] = []
  let softBreak = false
  for (const run of runs) {
    if (run.break) {
      softBreak = true
      continue
    }
    const slide = run.link?.startsWith('#') ? context.slideNumbers.get(decodeURIComponent(run.link.slice(1))) : undefined
    const link = slide ? {slide} : run.link && !run.link.startsWith('#') ? {url: run.link} : undefined
    items.push({
      text: run.text,
      options: {
        fontFace: run.code ? theme.codeFont : style.font,
        fontSize: style.size,
        color: link ? theme.link : run.code ? theme.code : run.bold && !style.bold ? theme.heading : style.color,
        bold: run.bold || style.bold || undefined,
        italic: run.italic || style.italic || undefined,
        strike: run.strike ? 'sngStrike' : undefined,
        superscript: run.superscript || undefined,
        subscript: run.subscript || undefined,
        highlight: run.code ? theme.codeBackground : undefined,
        hyperlink: link,
        lang: toLang(run.text, context.lang),
        softBreakBefore: softBreak || undefined
      }
    })
    softBreak = false
  }
  return items
}

/** The language of a run: Chinese text is marked as such, so PowerPoint picks an East Asian face. */
export function toLang(text: string, deckLang: string): string {
  if (eastAsian.test(text)) {
    if (/^(zh|ja|ko)\b/i.test(deckLang)) return /^zh$/i.test(deckLang) ? 'zh-CN' : deckLang
    return /[\u3040-\u30FF]/.test(text) ? 'ja-JP' : /[\uAC00-\uD7AF]/.test(text) ? 'ko-KR' : 'zh-CN'
  }
  return /^(zh|ja|ko)\b/i.test(deckLang) || !/^[a-z]{2}(-[A-Za-z]{2})?$/.test(deckLang) ? 'en-US' : deckLang.length === 2 ? `${deckLang}-${deckLang === 'en' ? 'US' : deckLang.toUpperCase()}` : deckLang
}
