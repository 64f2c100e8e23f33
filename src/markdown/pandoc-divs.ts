/**
 * Pandoc / Quarto fenced divs as markdown syntax: a line of three or more
 * colons with attributes (`::: notes`, `::: {.column width="40%"}`, `:::: {.columns}`)
 * opens a div, a line of colons alone closes it. As in pandoc, the closing
 * fence need not match the opening one's length: divs nest by their fences.
 * remark-directive's `:::name` (no space, a name) stays its own syntax.
 * A div never closed runs to the end of its block, like a directive
 * container; `closed: false` says so (fenced-divs.ts unwraps it with a warning).
 */
import type {Extension as FromMarkdownExtension} from 'mdast-util-from-markdown'
import {factorySpace} from 'micromark-factory-space'
import {markdownLineEnding, markdownSpace} from 'micromark-util-character'
import type {Code, Construct, Effects, Extension, State, Token, TokenizeContext} from 'micromark-util-types'
import type {Processor} from 'unified'
import type {FencedDiv} from '../deck/types.js'

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    pandocDiv: 'pandocDiv'
    pandocDivFence: 'pandocDivFence'
    pandocDivSequence: 'pandocDivSequence'
    pandocDivInfo: 'pandocDivInfo'
    pandocDivContent: 'pandocDivContent'
  }
}

/** What may follow the colons of an opening fence: a word or `{attributes}`, then optional colons. */
const openingInfo = /^(?:[\p{L}\p{N}_-]+|\{[^{}]*\})(?:[ \t]+:+)?[ \t]*$/u

const colon = 58
const leftBrace = 123

const nonLazyLine: Construct = {tokenize: tokenizeNonLazyLine, partial: true}

/** micromark extension: pandoc fenced divs. */
export function pandocDiv(): Extension {
  return {flow: {[colon]: {name: 'pandocDiv', tokenize: tokenizePandocDiv, concrete: true}}}
}

/** mdast-util-from-markdown extension: `fencedDiv` nodes with the fence's attribute text as `info`. */
export function pandocDivFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      pandocDiv(token) {
        this.enter({type: 'fencedDiv', info: '', closed: false, children: []} as FencedDiv as never, token)
      }
    },
    exit: {
      pandocDivInfo(token) {
        const node = this.stack.at(-1) as unknown as FencedDiv
        node.info = this.sliceSerialize(token).trim()
      },
      pandocDivFence() {
        const node = this.stack.at(-1) as unknown as FencedDiv & {opened?: boolean}
        // The first fence opens the div; a second one closes it.
        if (node.opened) node.closed = true
        else node.opened = true
      },
      pandocDiv(token) {
        const node = this.stack.at(-1) as unknown as FencedDiv & {opened?: boolean}
        delete node.opened
        this.exit(token)
      }
    }
  }
}

/** remark plugin: read pandoc fenced divs. */
export default function remarkPandocDivs(this: Processor): undefined {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(pandocDiv())
  ;(data.fromMarkdownExtensions ??= []).push(pandocDivFromMarkdown())
}

function tokenizePandocDiv(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this
  const tail = self.events.at(-1)
  const initialSize = tail && tail[1].type === 'linePrefix' ? tail[2].sliceSerialize(tail[1], true).length : 0
  let info = ''
  /** Divs opened (and not yet closed) inside this one. */
  let depth = 0
  let kind: 'open' | 'close' | undefined
  let previous: Token | undefined
  return start

  function start(code: Code): State | undefined {
    effects.enter('pandocDiv')
    return factoryFenceSequence(effects, sequenceAfter, nok)(code)
  }

  function sequenceAfter(code: Code): State | undefined {
    if (markdownSpace(code)) return factorySpace(effects, infoStart, 'whitespace')(code)
    // `:::{.class}`: no directive has no name, so this is pandoc's.
    return code === leftBrace ? infoStart(code) : nok(code)
  }

  function infoStart(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code)) return nok(code)
    effects.enter('pandocDivInfo')
    return infoInside(code)
  }

  function infoInside(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code)) {
      effects.exit('pandocDivInfo')
      if (!openingInfo.test(info)) return nok(code)
      effects.exit('pandocDivFence')
      if (self.interrupt) return ok(code)
      effects.enter('pandocDivContent')
      if (code === null) return afterClosed(code)
      return effects.attempt(nonLazyLine, lineStart, afterClosed)(code)
    }
    info += code < 0 ? ' ' : String.fromCodePoint(code)
    effects.consume(code)
    return infoInside
  }

  function lineStart(code: Code): State | undefined {
    return effects.attempt({tokenize: tokenizeClosingFence, partial: true}, afterClosed, notClosing)(code)
  }

  function notClosing(code: Code): State | undefined {
    kind = undefined
    return effects.check({tokenize: tokenizeFenceLine, partial: true}, countFence, chunkPrefix)(code)
  }

  function countFence(code: Code): State | undefined {
    if (kind === 'open') depth++
    else if (kind === 'close') depth--
    return chunkPrefix(code)
  }

  function chunkPrefix(code: Code): State | undefined {
    return initialSize ? factorySpace(effects, chunkStart, 'linePrefix', initialSize + 1)(code) : chunkStart(code)
  }

  function chunkStart(code: Code): State | undefined {
    // The document (or the block holding the div) ended before a closing fence.
    if (code === null) return afterClosed(code)
    if (markdownLineEnding(code)) return effects.check(nonLazyLine, chunkNonLazyStart, afterClosed)(code)
    return chunkNonLazyStart(code)
  }

  function chunkNonLazyStart(code: Code): State | undefined {
    const token = effects.enter('chunkDocument', {contentType: 'document', previous})
    if (previous) previous.next = token
    previous = token
    return contentContinue(code)
  }

  function contentContinue(code: Code): State | undefined {
    if (code === null) return lineAfter(code)
    if (markdownLineEnding(code)) return effects.check(nonLazyLine, nonLazyLineAfter, lineAfter)(code)
    effects.consume(code)
    return contentContinue
  }

  function nonLazyLineAfter(code: Code): State | undefined {
    effects.consume(code)
    const token = effects.exit('chunkDocument')
    self.parser.lazy[token.start.line] = false
    return lineStart
  }

  function lineAfter(code: Code): State | undefined {
    const token = effects.exit('chunkDocument')
    self.parser.lazy[token.start.line] = false
    return afterClosed(code)
  }

  function afterClosed(code: Code): State | undefined {
    effects.exit('pandocDivContent')
    effects.exit('pandocDiv')
    return ok(code)
  }

  /** A line of colons alone closes this div when no div opened inside it is still open. */
  function tokenizeClosingFence(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    return function (code: Code) {
      if (depth > 0) return nok(code)
      const prefixAfter = factoryFenceSequence(effects, (code) => factorySpace(effects, end, 'whitespace')(code), nok)
      return factorySpace(effects, prefixAfter, 'linePrefix', self.parser.constructs.disable.null?.includes('codeIndented') ? undefined : 4)(code)
    }

    function end(code: Code): State | undefined {
      if (code === null || markdownLineEnding(code)) {
        effects.exit('pandocDivFence')
        return ok(code)
      }
      return nok(code)
    }
  }

  /** Classify a content line as an opening fence, a closing fence, or neither (`kind`). */
  function tokenizeFenceLine(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let count = 0
    let text = ''
    return factorySpace(effects, sequence, 'linePrefix', 4)

    function sequence(code: Code): State | undefined {
      if (code === colon) {
        effects.enter('pandocDivSequence')
        effects.consume(code)
        effects.exit('pandocDivSequence')
        count++
        return sequence
      }
      if (count < 3) return nok(code)
      return rest(code)
    }

    function rest(code: Code): State | undefined {
      if (code === null || markdownLineEnding(code)) {
        const trimmed = text.trim()
        if (trimmed === '') kind = 'close'
        // A pandoc fence, or a remark-directive container (`:::name`), opens a div inside.
        else if (((/^[ \t]/.test(text) || trimmed.startsWith('{')) && openingInfo.test(trimmed)) || /^[A-Za-z]/.test(text)) kind = 'open'
        else return nok(code)
        return ok(code)
      }
      text += code < 0 ? ' ' : String.fromCodePoint(code)
      effects.enter('pandocDivInfo')
      effects.consume(code)
      effects.exit('pandocDivInfo')
      return rest
    }
  }
}

/** A fence's colons: enter `pandocDivFence`, take three or more as its `pandocDivSequence`, then `ok`; fewer: `nok`. */
function factoryFenceSequence(effects: Effects, ok: State, nok: State): State {
  let count = 0
  return function (code: Code) {
    effects.enter('pandocDivFence')
    effects.enter('pandocDivSequence')
    return sequence(code)
  }

  function sequence(code: Code): State | undefined {
    if (code === colon) {
      effects.consume(code)
      count++
      return sequence
    }
    if (count < 3) return nok(code)
    effects.exit('pandocDivSequence')
    return ok(code)
  }
}

function tokenizeNonLazyLine(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this
  return function (code: Code) {
    effects.enter('lineEnding')
    effects.consume(code)
    effects.exit('lineEnding')
    return lineStart
  }

  function lineStart(code: Code): State | undefined {
    return self.parser.lazy[self.now().line] ? nok(code) : ok(code)
  }
}
