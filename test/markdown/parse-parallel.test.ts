/**
 * Parsing by sections (on two threads, with a cache) must give the very tree,
 * page and messages that parsing the whole file gives.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {generateArticle, generateDeck} from '../../bench/generate.js'
import {createParseCache} from '../../src/markdown/cache.js'
import {minSectionedLength, parseMarkdown, parseTexts, splitSections} from '../../src/markdown/parse-parallel.js'
import {createProcessor} from '../../src/pipeline/processor.js'
import {root} from '../util/fixtures.js'

/** Sections that are easy to split wrongly, each starting with a heading. */
const tricky = [
  '## 代码 Code\n\n```python\ndef f():\n    pass\n\n# a comment, not a heading\n\n## nor this\n```\n\nNote: 代码里的 `#` 不是标题。\n',
  '## Tildes\n\n~~~~\n```\n\n# still code\n~~~\n\n## still code\n~~~~\n\n- after\n',
  ':::notes\nNotes in a container.\n\n## A heading inside the container\n\nMore notes.\n:::\n\n## After the container\n\nText.\n',
  '## Comment\n\n<!--\n\n## commented out\n\n-->\n\nVisible 文本。\n',
  '## Math 数学\n\n$$\nx^2\n\n# not a heading\n$$\n\nInline $a+b$ math.\n',
  '## Lists\n\n- one\n\n- two, loose\n\n  continued\n\n1. first\n2. second\n',
  '## Table 表格\n\n| a | b |\n| - | - |\n| 1 | 2 |\n',
  '## Raw\n\n<div class="box">\n\nText in a **box**.\n\n</div>\n\n<script>alert(1)</script>\n',
  '# Deep\n\n### Third level\n\n#### Fourth\n\nText\twith a tab.\n',
  '## Quote\n\n> quoted\n> # heading in a quote\n\nLazy\n## Heading after a paragraph\n'
]

/** A document of `count` sections cycling through the tricky ones, with front matter. */
function trickyDocument(count: number, frontMatter = '---\ntitle: Tricky 棘手\nlang: en\n---\n\n'): string {
  const parts = [frontMatter + '# Tricky deck\n\nIntro.\n']
  for (let index = 0; index < count; index++) parts.push(tricky[index % tricky.length].replace(/^(#+ .*)$/m, `$1 ${index}`))
  return parts.join('\n')
}

const workerBuilt = existsSync(path.join(root, 'lib', 'parse-worker.js'))

const documents: Array<[string, string]> = [
  ['an explicit deck (Chinese and English, code)', generateDeck(120)],
  ['an article in auto mode', generateArticle(120)],
  ['tricky sections', trickyDocument(60)],
  ['tricky sections with CRLF line endings', trickyDocument(60).replace(/\n/g, '\r\n')],
  ['tricky sections without a final newline', trickyDocument(60).trimEnd()],
  ['an unclosed fence in the middle', trickyDocument(20) + '\n## Open\n\n```\n\n## inside the open fence\n\n' + trickyDocument(20, '')],
  [
    'a fence in a list item that the splitter takes for a top-level one',
    trickyDocument(20) + '\n## Listed\n\n- item\n\n  ```js\n  code\n\n## B\n\n```\n\n## inside real code\n\n```\n\n' + trickyDocument(20, '')
  ],
  ['a small deck', '# Small\n\n## One\n\n- a\n\n## Two\n\n- b\n']
]

describe('splitSections', () => {
  it('should split at headings after blank lines, outside code, math, comments, containers and front matter', () => {
    const value = [
      '---', 'title: x', '', '# not a heading', '---', '', '# Title', '', '```', '', '# code', '```', '', '## Two',
      ':::notes', '', '## in notes', ':::', '', '## Three', '$$', '', '# math', '$$', '<!--', '', '## comment', '-->', '',
      '## Four', '## Five (no blank line before)', ''
    ].join('\n')
    const lines = splitSections(value).map((section) => value.slice(section.start).split('\n')[0])
    expect(lines).toEqual(['---', '# Title', '## Two', '## Three', '## Four'])
  })

  it('should give each section its line and cover the text without gaps', () => {
    const value = trickyDocument(12).replace(/\n/g, '\r\n')
    const sections = splitSections(value)
    expect(sections.length).toBeGreaterThan(5)
    expect(sections[0].start).toBe(0)
    expect(sections.at(-1)!.end).toBe(value.length)
    for (const [index, section] of sections.entries()) {
      if (index > 0) expect(section.start).toBe(sections[index - 1].end)
      expect(section.line).toBe(value.slice(0, section.start).split('\r\n').length)
    }
  })
})

describe('parseMarkdown', () => {
  for (const [name, value] of documents) {
    it(`should give the tree of a whole parse for ${name}`, async () => {
      const processor = createProcessor({document: false})
      const expected = processor.parse(new VFile({value}))
      // A cache forces sections even for a small document; a group length of 1 parses each section alone.
      for (const groupLength of [1, undefined]) {
        expect(await parseMarkdown(processor, new VFile({value}), {cache: createParseCache(), worker: false, groupLength})).toStrictEqual(expected)
      }
      if (value.length >= minSectionedLength) {
        expect(await parseMarkdown(processor, new VFile({value}), {worker: false})).toStrictEqual(expected)
      }
    })
  }

  it.runIf(workerBuilt)('should give the same tree when a worker thread parses part of it', async () => {
    for (const [, value] of documents) {
      const processor = createProcessor({document: false})
      const expected = processor.parse(new VFile({value}))
      expect(await parseMarkdown(processor, new VFile({value}), {worker: true, groupLength: 500})).toStrictEqual(expected)
    }
  })

  it.runIf(workerBuilt)('should give the trees of this thread when the worker parses every text', async () => {
    const processor = createProcessor({document: false})
    const texts = documents.map(([, value]) => value)
    const trees = await parseTexts(processor, texts, true, {thisThread: false})
    expect(trees).toStrictEqual(texts.map((text) => processor.parse(text)))
  })

  it.runIf(workerBuilt)('should not use trees from a worker that parses with other syntax than the processor', async () => {
    // Without GFM, tables stay paragraphs; the worker has GFM and must be refused.
    const processor = unified().use(remarkParse).freeze()
    const texts = documents.map(([, value]) => value)
    const trees = await parseTexts(processor, texts, true, {thisThread: false})
    expect(trees).toStrictEqual(texts.map((text) => processor.parse(text)))
  })

  it('should give the same page and messages, with their places, as a whole parse', async () => {
    for (const [, value] of documents) {
      const whole = new VFile({value, path: 'deck.md'})
      const sectioned = new VFile({value, path: 'deck.md'})
      const processor = createProcessor({document: false})
      const expected = String(await processor.process(whole))
      const tree = await parseMarkdown(processor, sectioned, {cache: createParseCache(), worker: workerBuilt, groupLength: 1})
      const actual = processor.stringify(await processor.run(tree, sectioned), sectioned)
      expect(actual).toBe(expected)
      expect(sectioned.messages.map(String)).toEqual(whole.messages.map(String))
    }
  })

  it('should report messages from late sections at their whole-file lines', async () => {
    const value = trickyDocument(40)
    const file = new VFile({value, path: 'deck.md'})
    const processor = createProcessor({document: false})
    await processor.run(await parseMarkdown(processor, file, {cache: createParseCache(), worker: false}), file)
    const lines = value.split('\n')
    const scripts = lines.flatMap((line, index) => (line.startsWith('<script>') ? [index + 1] : []))
    const places = file.messages.filter((message) => message.place && /script/i.test(message.reason)).map((message) => message.line)
    expect(scripts.length).toBeGreaterThan(2)
    expect(places).toEqual(scripts)
  })

  it('should parse only the changed section again when given a cache', async () => {
    const processor = createProcessor({document: false})
    const cache = createParseCache()
    const value = generateDeck(200)
    const first = await parseMarkdown(processor, new VFile({value}), {cache, worker: false})
    const sections = splitSections(value).length
    expect(cache.size).toBe(sections)
    expect([cache.hits, cache.misses]).toEqual([0, sections])

    // The tree handed out is a copy: changing it leaves the cache intact.
    first.children.length = 0
    const edited = value.replace('## 150.', '## 150. Edited 已编辑')
    const second = await parseMarkdown(processor, new VFile({value: edited}), {cache, worker: false})
    expect([cache.hits, cache.misses]).toEqual([sections - 1, sections + 1])
    expect(second).toStrictEqual(processor.parse(new VFile({value: edited})))
  })

  it('should read a file whose value is bytes as the parser does (UTF-8)', async () => {
    const value = new TextEncoder().encode(generateDeck(60))
    const processor = createProcessor({document: false})
    const tree = await parseMarkdown(processor, new VFile({value}), {cache: createParseCache(), worker: false})
    expect(tree).toStrictEqual(processor.parse(new VFile({value})))
  })

  it('should parse definitions and footnotes whole, as they are shared between sections', async () => {
    const value = trickyDocument(40) + '\n## Refs\n\nSee [the docs][docs] and a note[^1].\n\n[docs]: https://example.com\n\n[^1]: A footnote.\n'
    const processor = createProcessor({document: false})
    const tree = await parseMarkdown(processor, new VFile({value}), {cache: createParseCache(), worker: false})
    expect(tree).toStrictEqual(processor.parse(new VFile({value})))
  })
})
