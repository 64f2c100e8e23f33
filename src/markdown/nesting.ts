/**
 * A cheap scan of markdown for nesting no talk needs and the parsers cannot
 * afford: thousands of nested quotes, lists, emphasis, brackets or HTML
 * elements make micromark take quadratic time and the tree walkers exhaust
 * the stack. One pass over the lines, before parsing, so such input is
 * refused with its place instead of hanging or crashing.
 */

/** How deep each kind of nesting may go. */
export interface NestingLimits {
  /** Block quotes and lists, counted by their markers and indentation. */
  containers: number
  /** Open emphasis delimiters and link brackets in one paragraph. */
  inline: number
  /** Open HTML elements. */
  html: number
  /**
   * Emphasis delimiter runs in one paragraph that micromark must try against
   * all others: those touching non-space characters on both sides (`a*b`,
   * `*_*_`) and closers with nothing open (`a* b* c*`). Past a few thousand,
   * its time grows with their square.
   */
  ambiguous: number
}

/** The limits lectern uses: far beyond any article, far below what breaks the pipeline. */
export const nestingLimits: Readonly<NestingLimits> = Object.freeze({containers: 100, inline: 100, html: 500, ambiguous: 5000})

/** Where nesting first went beyond its limit. */
export interface DeepNesting {
  kind: 'containers' | 'inline' | 'html' | 'ambiguous'
  /** The depth (or, for `ambiguous`, the count) reached at that place. */
  depth: number
  /** 1-based line. */
  line: number
  /** 1-based column. */
  column: number
}

/** Elements that have no end tag, or whose end tag may be left out; they never count as open. */
const unclosed = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption',
  'rp', 'rt', 'html', 'head', 'body'
])

const space = /\s/
const punctuation = /[\p{P}\p{S}]/u

/** Find the first place where markdown nests deeper than the limits allow, if any. */
export function findDeepNesting(value: string, limits: Readonly<NestingLimits> = nestingLimits): DeepNesting | undefined {
  let fence: {char: string; size: number} | undefined
  let inline = 0
  let emphasis = 0
  let ambiguous = 0
  let html = 0
  let line = 0
  let start = 0
  while (start <= value.length) {
    let end = value.indexOf('\n', start)
    if (end === -1) end = value.length
    const text = value.slice(start, end)
    start = end + 1
    line++

    // Container markers (`>`, `-`, `*`, `+`, `1.`) before the content, and indentation.
    let index = 0
    let containers = 0
    let indent = 0
    let deepAt = -1
    for (;;) {
      const before = index
      while (text[index] === ' ' || text[index] === '\t') index++
      if (containers === 0) indent = index - before
      const char = text[index]
      const marker = index
      if (char === '>') {
        index++
      } else if ((char === '-' || char === '*' || char === '+') && /[ \t]|^$/.test(text[index + 1] ?? '')) {
        index++
      } else {
        const ordered = /^\d{1,9}[.)](?=[ \t]|$)/.exec(text.slice(index, index + 11))
        if (!ordered) break
        index += ordered[0].length
      }
      containers++
      // A nested list item sits at least two columns deeper than its parent.
      if (deepAt === -1 && containers + Math.floor(indent / 2) > limits.containers) deepAt = marker
    }
    const rest = text.slice(index)
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(rest)
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence.char && fenceMatch[1].length >= fence.size && !/\S/.test(rest.slice(fenceMatch[0].length))) fence = undefined
      continue
    }
    if (deepAt !== -1) return {kind: 'containers', depth: containers + Math.floor(indent / 2), line, column: deepAt + 1}
    if (fenceMatch && !(fenceMatch[1][0] === '`' && rest.slice(fenceMatch[0].length).includes('`'))) {
      fence = {char: fenceMatch[1][0], size: fenceMatch[1].length}
      continue
    }
    if (!/\S/.test(rest)) {
      // A blank line ends a paragraph, and with it open emphasis and brackets.
      inline = 0
      emphasis = 0
      ambiguous = 0
      continue
    }

    // Inline: code spans hold no markup; count open brackets, emphasis and HTML elements.
    const content = rest.replace(/(`+)[^`][\s\S]*?\1/g, (code) => ' '.repeat(code.length))
    for (let at = 0; at < content.length; at++) {
      const char = content[at]
      if (char === '\\') {
        at++
      } else if (char === '[') {
        inline++
        if (inline + emphasis > limits.inline) return {kind: 'inline', depth: inline + emphasis, line, column: index + at + 1}
      } else if (char === ']') {
        inline = Math.max(0, inline - 1)
      } else if (char === '*' || char === '_' || char === '~') {
        // A cluster of adjacent delimiter runs (`**_`, `*_*_*_`): each run may open or close.
        const column = index + at + 1
        let end = at
        let runs = 0
        let emphasisRuns = 0
        let longest = 0
        while (content[end] === '*' || content[end] === '_' || content[end] === '~') {
          const marker = content[end]
          let run = end
          while (content[run + 1] === marker) run++
          runs++
          if (marker !== '~') {
            emphasisRuns++
            longest = Math.max(longest, run - end + 1)
          }
          end = run + 1
        }
        // CommonMark's flanking rules, for the cluster as a whole.
        const before = content[at - 1] ?? ' '
        const after = content[end] ?? ' '
        const left = !space.test(after) && (!punctuation.test(after) || space.test(before) || punctuation.test(before))
        const right = !space.test(before) && (!punctuation.test(before) || space.test(after) || punctuation.test(after))
        // An underscore opens or closes inside a word only next to punctuation (`snake_case` has no emphasis).
        const opens = left && (char !== '_' || !right || punctuation.test(before))
        const closes = right && (char !== '_' || !left || punctuation.test(after))
        // A run of `2n` asterisks matched by another nests `n` deep (`****x****`).
        const nested = Math.max(emphasisRuns, Math.ceil(longest / 2))
        const unpaired = closes && !opens && emphasis === 0
        if (opens && !closes) emphasis += nested
        else if (closes && !opens) emphasis = Math.max(0, emphasis - nested)
        if (inline + emphasis > limits.inline) return {kind: 'inline', depth: inline + emphasis, line, column}
        if (runs > limits.inline || (nested > limits.inline && (opens || closes))) return {kind: 'inline', depth: Math.max(runs, nested), line, column}
        // The runs inside a cluster touch delimiters on both sides, so each may open and close.
        ambiguous += opens && closes ? runs : runs - 1
        if (unpaired) ambiguous++
        if (ambiguous > limits.ambiguous) return {kind: 'ambiguous', depth: ambiguous, line, column}
        at = end - 1
      } else if (char === '<') {
        const tag = /^<(\/?)([a-zA-Z][a-zA-Z\d-]*)(?:\s[^<>]*?)?(\/?)>/.exec(content.slice(at, at + 300))
        if (!tag || unclosed.has(tag[2].toLowerCase())) continue
        if (tag[1]) html = Math.max(0, html - 1)
        else if (!tag[3]) html++
        if (html > limits.html) return {kind: 'html', depth: html, line, column: index + at + 1}
      }
    }
  }
  return undefined
}

/** The message for nesting beyond the limits. */
export function toNestingReason(found: DeepNesting, limits: Readonly<NestingLimits> = nestingLimits): string {
  if (found.kind === 'ambiguous') {
    return `Unexpected ${found.depth} unpaired or ambiguous emphasis delimiters in one paragraph, expected at most ${limits.ambiguous}; put spaces around or escape \`*\`, \`_\` and \`~\`, or split the paragraph`
  }
  const what = {containers: 'block quotes or lists', inline: 'emphasis or link brackets', html: 'HTML elements'}[found.kind]
  return `Unexpected ${what} nested ${found.depth} deep, expected at most ${limits[found.kind]} levels; flatten the content`
}
