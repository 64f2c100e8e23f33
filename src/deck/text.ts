/**
 * Pure text helpers shared by the splitter: scripts, sentences, lengths.
 */
import type {Heading, PhrasingContent} from 'mdast'

const cjk = /[\u2E80-\u2FFF\u3040-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/gu
const kana = /[\u3040-\u30FF]/gu
const hangul = /[\uAC00-\uD7AF]/gu
const latinWord = /[A-Za-z\u00C0-\u024F]+(?:['’-][A-Za-z\u00C0-\u024F]+)*/g

/** Count CJK characters (ideographs, kana, hangul, fullwidth forms). */
export function countCjk(text: string): number {
  return text.match(cjk)?.length ?? 0
}

/** Count latin words. */
export function countWords(text: string): number {
  return text.match(latinWord)?.length ?? 0
}

/**
 * Detect the language of a text: mostly CJK text is `zh` (or `ja`/`ko` when
 * kana or hangul dominate), anything else is `en`.
 */
export function detectLang(text: string): string {
  const ideographic = countCjk(text)
  const words = countWords(text)
  // A CJK character carries about as much as an English word.
  if (ideographic === 0 || ideographic < words) return 'en'
  const k = text.match(kana)?.length ?? 0
  const h = text.match(hangul)?.length ?? 0
  if (h > ideographic / 2) return 'ko'
  if (k > ideographic / 5) return 'ja'
  return 'zh'
}

/** Whether a language tag names a CJK language. */
export function isCjkLang(lang: string): boolean {
  return /^(zh|ja|ko)\b/i.test(lang)
}

/**
 * Split prose into sentences, keeping the closing punctuation.
 * Handles CJK full stops (no space after) and latin ones (space after).
 */
export function toSentences(text: string): string[] {
  const result: string[] = []
  let start = 0
  const closers = /["”’」』）)']/u
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    const next = text[index + 1]
    const ends = /[。！？!?…]/u.test(char) ? !/[。！？!?…]/u.test(next ?? '') : char === '.' && (next === undefined || /\s/.test(next))
    if (!ends) continue
    let end = index + 1
    while (end < text.length && closers.test(text[end])) end++
    const sentence = text.slice(start, end).trim()
    if (sentence) result.push(sentence)
    start = end
    index = end - 1
  }
  const rest = text.slice(start).trim()
  if (rest) result.push(rest)
  return result
}

/** Whether a line ends like a sentence (so it is prose, not a title). */
export function endsLikeSentence(text: string): boolean {
  return /[。！？!?.…;；,，:：]["”’」』)）]*$/u.test(text.trim())
}

/**
 * Visual width of a text in `em`: CJK characters are one em wide, latin ones
 * about half.
 */
export function textWidthEm(text: string): number {
  const wide = countCjk(text)
  return wide + (text.length - wide) * 0.52
}

/** Speaking units of a text: CJK characters plus latin words. */
export function speakingUnits(text: string): {characters: number; words: number} {
  return {characters: countCjk(text), words: countWords(text)}
}

const attributeBlock = /\s*\{((?:\s*(?:[#.][\w-]+|-|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s"'}]+)))+)\s*\}\s*$/u
const revealKeys = /^(?:background(?:-[a-z]+)*|transition(?:-speed)?|auto-animate(?:-[a-z]+)*|visibility|timing|state)$/

/**
 * Pandoc / Quarto attributes at the end of a heading (`## Code {.smaller}`,
 * `## End {background-color="#222"}`): the text without them and the slide
 * attributes they set (`background*`, `transition` … become `data-*` as
 * reveal.js reads them). `undefined` when the text ends otherwise.
 */
export function splitHeadingAttributes(text: string): {text: string; attributes: Record<string, string>} | undefined {
  const match = attributeBlock.exec(text)
  if (!match || match.index === 0) return undefined
  const attributes: Record<string, string> = {}
  for (const [token] of match[1].matchAll(/[#.][\w-]+|-|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s"'}]+)/gu)) {
    if (token.startsWith('#')) attributes.id = token.slice(1)
    else if (token.startsWith('.')) {
      // `.unnumbered` and `-` are about numbering, which slides do not have.
      if (token !== '.unnumbered') attributes.class = attributes.class ? `${attributes.class} ${token.slice(1)}` : token.slice(1)
    } else if (token !== '-') {
      const equals = token.indexOf('=')
      const key = token.slice(0, equals)
      const value = token.slice(equals + 1).replace(/^(["'])([\s\S]*)\1$/u, '$2')
      attributes[revealKeys.test(key) ? `data-${key}` : key] = value
    }
  }
  return {text: text.slice(0, match.index), attributes}
}

/** A heading without pandoc's trailing `{.class key=value}`, and the slide attributes it set. */
export function withoutHeadingAttributes(heading: Heading): [Heading, Record<string, string> | undefined] {
  const last = heading.children.at(-1)
  const found = last && last.type === 'text' ? splitHeadingAttributes(last.value) : undefined
  if (!found) return [heading, undefined]
  const text = found.text.replace(/\s+$/, '')
  const children = [...heading.children.slice(0, -1), ...(text ? [{...last!, value: text}] : [])] as PhrasingContent[]
  return [{...heading, children}, found.attributes]
}
