/**
 * Find lists that enumerate techniques or application areas: every item reads
 * "term: description", with a bold lead or a short phrase before `:` or `：`.
 */
import type {BlockContent, List, ListItem, Paragraph, PhrasingContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {countWords, textWidthEm} from '../deck/text.js'

/** One item of an enumeration. */
export interface EnumerationItem {
  /** The list item it came from. */
  item: ListItem
  /** The term, as written (`自然语言处理(NLP)`). */
  term: string
  /** The term without a trailing parenthetical (`自然语言处理`). */
  title: string
  /** The trailing parenthetical, if any (`NLP`). */
  aside: string | undefined
  /** The term as phrasing content (keeps code, links, emphasis). */
  termContent: PhrasingContent[]
  /** The description: the item's content with the term removed. */
  description: BlockContent[]
}

const leadPunctuation = /^\s*[:：\-–—]\s*/u
const sentencePunctuation = /[。！？!?；;，,]|\.\s/u

/** Longer lists are checklists, not a set of topics: a slide each would drown the talk. */
export const maxEnumerationItems = 12

/**
 * Read a list as an enumeration of terms.
 * Returns `undefined` unless it has two to `maxEnumerationItems` items and
 * every one of them reads "term: description".
 */
export function toEnumeration(list: List): EnumerationItem[] | undefined {
  if (list.children.length < 2 || list.children.length > maxEnumerationItems) return undefined
  const items: EnumerationItem[] = []
  for (const item of list.children) {
    const found = toEnumerationItem(item)
    if (!found) return undefined
    items.push(found)
  }
  return items
}

/** Read one list item as "term: description", or `undefined`. */
export function toEnumerationItem(item: ListItem): EnumerationItem | undefined {
  const head = item.children[0]
  if (!head || head.type !== 'paragraph') return undefined
  const split = splitBoldLead(head) ?? splitColonLead(head)
  if (!split) return undefined
  const term = toString({type: 'paragraph', children: split.term}).trim()
  if (!term) return undefined

  const rest: BlockContent[] = []
  if (split.rest.length > 0 && toString({type: 'paragraph', children: split.rest}).trim()) {
    rest.push({type: 'paragraph', children: split.rest, position: head.position})
  }
  for (const child of item.children.slice(1)) rest.push(child as BlockContent)
  if (rest.length === 0) return undefined

  const {title, aside} = splitAside(term)
  return {item, term, title, aside, termContent: split.term, description: rest}
}

interface Split {
  term: PhrasingContent[]
  rest: PhrasingContent[]
}

/** `**Term**: description` or `**Term:** description`. */
function splitBoldLead(paragraph: Paragraph): Split | undefined {
  const [first, ...others] = paragraph.children
  if (!first || first.type !== 'strong') return undefined
  const term = structuredClone(first.children)
  stripTrailingColon(term)
  const rest = structuredClone(others)
  const lead = rest[0]
  if (lead && lead.type === 'text') {
    // A bold lead followed by ordinary prose in the same sentence is emphasis,
    // not a term: require a separator or a line break.
    const separated = leadPunctuation.test(lead.value) || /[:：]$/u.test(toString(first).trim())
    if (!separated && !/^\s*\n/.test(lead.value)) return undefined
    lead.value = lead.value.replace(leadPunctuation, '').replace(/^\s+/, '')
    if (!lead.value) rest.shift()
  } else if (lead && !/[:：]$/u.test(toString(first).trim())) {
    return undefined
  }
  if (!isShortTerm(toString({type: 'paragraph', children: term}))) return undefined
  return {term, rest}
}

/** `Term: description`, the term a short phrase before the first colon. */
function splitColonLead(paragraph: Paragraph): Split | undefined {
  const children = paragraph.children
  for (let index = 0; index < children.length && index < 4; index++) {
    const node = children[index]
    if (node.type === 'text') {
      const match = /[:：]/u.exec(node.value)
      if (!match) continue
      const colon = match.index
      const after = node.value.slice(colon + 1)
      // An ASCII colon must be followed by a space: not `http://` or `12:30`.
      if (match[0] === ':' && after && !/^\s/.test(after)) return undefined
      const before = node.value.slice(0, colon)
      const term: PhrasingContent[] = structuredClone(children.slice(0, index))
      if (before) term.push({type: 'text', value: before})
      const rest: PhrasingContent[] = structuredClone(children.slice(index + 1))
      const tail = after.replace(/^\s+/, '')
      if (tail) rest.unshift({type: 'text', value: tail})
      const text = toString({type: 'paragraph', children: term}).trim()
      if (!isShortTerm(text)) return undefined
      return {term: trimPhrasing(term), rest}
    }
    if (node.type === 'break') return undefined
  }
  return undefined
}

/** A term is a short phrase: a few words, not a sentence. */
function isShortTerm(text: string): boolean {
  const trimmed = text.trim()
  if (!trimmed || sentencePunctuation.test(trimmed)) return false
  return textWidthEm(trimmed) <= 24 && countWords(trimmed) <= 8
}

/** Split `Term (ABBR)` into the term and its parenthetical. */
export function splitAside(term: string): {title: string; aside: string | undefined} {
  const match = /^(.*?\S)\s*[(（]([^()（）]{1,30})[)）]$/u.exec(term)
  if (!match) return {title: term, aside: undefined}
  return {title: match[1], aside: match[2].trim()}
}

function stripTrailingColon(nodes: PhrasingContent[]): void {
  const last = nodes.at(-1)
  if (last && last.type === 'text') {
    last.value = last.value.replace(/\s*[:：]\s*$/u, '')
    if (!last.value) nodes.pop()
  }
}

function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  const first = nodes[0]
  if (first && first.type === 'text') first.value = first.value.replace(/^\s+/, '')
  const last = nodes.at(-1)
  if (last && last.type === 'text') last.value = last.value.replace(/\s+$/, '')
  return nodes.filter((node) => node.type !== 'text' || node.value)
}
