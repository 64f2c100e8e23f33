import type {List} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {describe, expect, it} from 'vitest'
import {splitAside, toEnumeration} from '../../src/slides/enumeration.js'

function firstList(markdown: string): List {
  const tree = fromMarkdown(markdown)
  const list = tree.children.find((node) => node.type === 'list')
  if (!list || list.type !== 'list') throw new Error('no list')
  return list
}

function terms(markdown: string): string[] | undefined {
  return toEnumeration(firstList(markdown))?.map((item) => item.title)
}

describe('toEnumeration', () => {
  it('should read Chinese "term: description" items, half- and full-width colons', () => {
    expect(terms('1. 自然语言处理(NLP): 大模型被广泛应用于机器翻译。\n2. 推荐系统：大模型在个性化推荐方面发挥了作用。')).toEqual([
      '自然语言处理',
      '推荐系统'
    ])
  })

  it('should read bold leads with `:`, `—` or a colon inside the bold', () => {
    expect(terms('- **Cache-aside**: the app fills the cache.\n- **Write-through** — writes go to both.\n- **Write-behind:** writes go later.')).toEqual([
      'Cache-aside',
      'Write-through',
      'Write-behind'
    ])
  })

  it('should keep a trailing abbreviation apart from the title', () => {
    expect(splitAside('自然语言处理(NLP)')).toEqual({title: '自然语言处理', aside: 'NLP'})
    expect(splitAside('Natural Language Processing (NLP)')).toEqual({title: 'Natural Language Processing', aside: 'NLP'})
    expect(splitAside('GPT-3')).toEqual({title: 'GPT-3', aside: undefined})
  })

  it('should not take ordinary lists for enumerations', () => {
    expect(terms('- apples\n- pears')).toBeUndefined()
    expect(terms('- see http://example.com for details\n- or https://example.org')).toBeUndefined()
    expect(terms('- The meeting starts at 12:30 sharp.\n- Lunch is at 13:00.')).toBeUndefined()
    // A sentence before the colon is prose, not a term.
    expect(terms('- This is a long sentence, with a comma, before a colon: and more\n- Another one: yes')).toBeUndefined()
  })

  it('should not take a list where one item has no term', () => {
    expect(terms('- Term one: description\n- just a plain item')).toBeUndefined()
  })

  it('should not take a bold lead inside ordinary prose', () => {
    expect(terms('- **Always** check the logs first\n- **Never** restart blindly')).toBeUndefined()
    // A colon inside the bold is not a separator unless it ends the bold.
    expect(terms('- **Note: read** the docs before you start.\n- **Tip: run** the tests often.')).toBeUndefined()
  })

  it('should not take a single item or a long checklist', () => {
    expect(terms('- Only: one')).toBeUndefined()
    const long = Array.from({length: 20}, (_, i) => `- Step ${i}: do thing ${i}`).join('\n')
    expect(terms(long)).toBeUndefined()
  })

  it('should keep nested content as the description', () => {
    const [item] = toEnumeration(firstList('- Alpha: first\n  - detail a\n- Beta: second'))!
    expect(item.description.map((node) => node.type)).toEqual(['paragraph', 'list'])
  })
})
