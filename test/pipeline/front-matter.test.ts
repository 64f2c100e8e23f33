import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {Root} from 'mdast'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode, type Pair} from 'yaml'
import {readFrontMatter, readPlainFrontMatter} from '../../src/markdown/front-matter.js'
import {root} from '../util/fixtures.js'

/** What the YAML parser reads: each pair's key, value and offsets, or `undefined` for an error or a non-map. */
function viaYaml(source: string) {
  const document = parseDocument(source, {prettyErrors: false, uniqueKeys: true})
  if (document.errors.length > 0 || !isMap(document.contents)) return undefined
  return (document.contents.items as Array<Pair<YamlNode, YamlNode>>).map((pair) => ({
    key: isScalar(pair.key) ? String(pair.key.value) : String(pair.key),
    value: pair.value ? pair.value.toJSON() : null,
    keyOffset: pair.key?.range?.[0],
    valueOffset: pair.value?.range?.[0]
  }))
}

/** The fast path's reading without its (absent) YAML nodes. */
function viaPlain(source: string) {
  return readPlainFrontMatter(source)?.map(({key, value, keyOffset, valueOffset}) => ({key, value, keyOffset, valueOffset}))
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name))
}

/** The front matter of every fixture and sample deck. */
const fixtureFrontMatters = [...markdownFiles(path.join(root, 'test')), ...markdownFiles(path.join(root, 'slides'))]
  .map((file) => /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(readFileSync(file, 'utf8'))?.[1])
  .filter((value): value is string => value !== undefined)

describe('front matter fast path', () => {
  it('should read every fixture front matter exactly as the YAML parser does, or leave it to the parser', () => {
    expect(fixtureFrontMatters.length).toBeGreaterThan(5)
    let plain = 0
    for (const source of fixtureFrontMatters) {
      const fast = viaPlain(source)
      if (!fast) continue
      plain++
      expect(fast, source).toEqual(viaYaml(source))
    }
    expect(plain).toBeGreaterThan(0)
  })

  it('should read plain `key: value` lines as the YAML parser does', () => {
    const cases = [
      'title: 什么是大模型\nlang: zh-CN',
      'title: Hello, world\nauthor: Ada Lovelace',
      'title:   spaced out\n\ntheme: light',
      "title: it's a C++/Rust talk (part 2) — 50% off!",
      'title: a:b http://x.y/z?q=1&r=2',
      'title: 🎉 emoji & [brackets] {braces}',
      'style: a"quoted"b\ntransition: fade',
      'title_1: x\nsome-key: yy'
    ]
    for (const source of cases) {
      expect(viaPlain(source), source).toBeDefined()
      expect(viaPlain(source), source).toEqual(viaYaml(source))
    }
  })

  it('should leave anything not plainly a string to the YAML parser', () => {
    const cases = [
      'title: 42', 'date: 2024-05-01', 'aspect: 16:9', 'html: true', 'html: True', 'title: null', 'title: ~',
      'title: .5', 'title: -x', 'title: +1', "title: 'quoted'", 'title: "quoted"', 'title: a # comment',
      '# comment\ntitle: a', 'title: a: b', 'title: a:', 'title: a ', 'title:\n  nested', 'title: a\n  continued',
      'title: a\ntitle: b', 'true: x', 'Null: x', 'title: [a, b]', 'title: {a: b}', 'title: *alias', 'title: &anchor x',
      'title: !tag x', 'title: |', 'title: >', 'title: @x', 'title: `x`', 'title: %x', 'title: a\tb', 'title: a\r',
      'title:x', '- a', 'title: yes', 'title: off', '"title": x', 'title : x', ' title: x', '---\ntitle: x'
    ]
    for (const source of cases) expect(viaPlain(source), source).toBeUndefined()
  })

  it('should agree with the YAML parser on any front matter it reads', () => {
    const piece = fc.oneof(
      {weight: 4, arbitrary: fc.constantFrom('a', 'Z', '中', '🎉', 'word', 'x')},
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          ' ', '  ', ':', ': ', '#', ' #', ',', '-', '?', '[', ']', '{', '}', '&', '*', '!', '|', '>', "'", '"', '%',
          '@', '`', '0', '1', '.', '+', '~', '=', '<', '\t', '\\', 'true', 'null', 'no', '\u00a0', '\r'
        )
      }
    )
    const value = fc.oneof(
      {weight: 3, arbitrary: fc.array(piece, {minLength: 0, maxLength: 6}).map((pieces) => pieces.join(''))},
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '1', '0x1F', '-2', '+3', '.5', '1e3', '.inf', '.NaN', 'true', 'False', 'NULL', '~', 'yes', 'off', '2024-05-01', '16:9', 'x: y', 'x #y', '12 Monkeys'
        )
      }
    )
    const key = fc.constantFrom('title', 'lang', 'a', '_x', 'k-1', 'True', 'null', 'y', 'on', 'author', 'aspect', 'title ', ' title', '"q"')
    const line = fc.oneof(
      {weight: 8, arbitrary: fc.tuple(key, fc.constantFrom(': ', ':  ', ':', ' : '), value).map(([k, c, v]) => k + c + v)},
      {weight: 1, arbitrary: fc.constantFrom('', '# comment', '  indented', '- item', '---', '...')}
    )
    let plain = 0
    fc.assert(
      fc.property(fc.array(line, {minLength: 1, maxLength: 5}), (lines) => {
        const source = lines.join('\n')
        const fast = viaPlain(source)
        if (!fast) return
        plain++
        expect(fast, source).toEqual(viaYaml(source))
      }),
      {numRuns: 6000, seed: 9}
    )
    expect(plain).toBeGreaterThan(100)
  })

  it('should place messages of plain front matter where the YAML parser places them', async () => {
    const source = 'title: Talk\n\nfoo: bar\naspect:   wide\nsplit: sometimes'
    expect(viaPlain(source)).toBeDefined()
    const file = new VFile({path: 'deck.md'})
    const tree: Root = {
      type: 'root',
      children: [{type: 'yaml', value: source, position: {start: {line: 3, column: 1, offset: 0}, end: {line: 9, column: 4, offset: 0}}}]
    }
    const meta = await readFrontMatter(tree, file)
    expect(meta).toEqual({title: 'Talk'})
    expect(tree.children).toEqual([])

    const lineCounter = new LineCounter()
    parseDocument(source, {lineCounter})
    const at = (offset: number) => {
      const pos = lineCounter.linePos(offset)
      return `${pos.line + 3}:${pos.col}`
    }
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual([
      `${at(source.indexOf('foo'))} front-matter-key`,
      `${at(source.indexOf('wide'))} front-matter-value`,
      `${at(source.indexOf('sometimes'))} front-matter-value`
    ])
  })
})
