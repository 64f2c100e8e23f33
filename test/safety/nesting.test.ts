/**
 * The nesting scan: deep input found at its place, ordinary articles let through.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findDeepNesting, nestingLimits, toNestingReason} from '../../src/markdown/nesting.js'
import {root, seedDeck} from '../util/fixtures.js'

const limits = {containers: 5, inline: 5, html: 5, ambiguous: 20}

/** The seed article, every fixture and the acceptance documents: English and Chinese, deep and flat, lists, tables, code. */
const articles = [
  seedDeck,
  ...['test/fixtures', 'test/fixtures-acceptance'].flatMap((folder) =>
    readdirSync(path.join(root, folder), {recursive: true, encoding: 'utf8'})
      .filter((name) => name.endsWith('.md'))
      .map((name) => path.join(root, folder, name))
  )
]

describe('findDeepNesting', () => {
  it('should let ordinary articles through', () => {
    expect(articles.length).toBeGreaterThan(30)
    for (const file of articles) expect(findDeepNesting(readFileSync(file, 'utf8')), path.relative(root, file)).toBeUndefined()
    const markdown = [
      '# Title',
      '',
      '> quote with *emphasis*, **strong** and [a [bracketed] link](x)',
      '> > nested',
      '',
      '1. one',
      '   - two',
      '     - three',
      '',
      '<div><p>para<p>para<ul><li>a<li>b</ul></div>',
      '',
      '```',
      '[[[[[[[[[[ ******** > > > > > > > <div><div><div><div><div><div>',
      '```',
      '',
      'Code `[[[[[[[[<div><div><div><div><div><div>` and \\[\\[\\[\\[\\[\\[ escaped.',
      ...Array.from({length: 20}, () => 'Text with a <span>closed</span> span and an <br> and <img src=x>.')
    ].join('\n')
    expect(findDeepNesting(markdown, limits)).toBeUndefined()
  })

  it('should find quotes, lists, emphasis, brackets and HTML nested too deep, at the first place past the limit', () => {
    expect(findDeepNesting('# T\n\n' + '>'.repeat(8) + ' deep', limits)).toEqual({kind: 'containers', depth: 8, line: 3, column: 6})
    expect(findDeepNesting('- '.repeat(7) + 'x', limits)).toEqual({kind: 'containers', depth: 7, line: 1, column: 11})
    expect(findDeepNesting(Array.from({length: 8}, (_, k) => '  '.repeat(k) + '- item').join('\n'), limits)).toEqual({
      kind: 'containers',
      depth: 6,
      line: 6,
      column: 11
    })
    expect(findDeepNesting('Some *a *b *c *d *e *f g', limits)).toEqual({kind: 'inline', depth: 6, line: 1, column: 21})
    expect(findDeepNesting('x\n[[[[[[y', limits)).toEqual({kind: 'inline', depth: 6, line: 2, column: 6})
    expect(findDeepNesting('<div>\n' + '<span>'.repeat(5) + 'x', limits)).toEqual({kind: 'html', depth: 6, line: 2, column: 25})
  })

  it('should find alternating delimiter runs, long runs and unpaired delimiters that make micromark crawl', () => {
    // `*_*_…x…_*_*`: each run touches another, so each may open and close.
    expect(findDeepNesting('# T\n\n' + '*_'.repeat(8000) + 'x' + '_*'.repeat(8000))).toEqual({kind: 'inline', depth: 16_000, line: 3, column: 1})
    expect(findDeepNesting('Text a' + '~*'.repeat(60) + 'b', limits)).toEqual({kind: 'inline', depth: 120, line: 1, column: 7})
    // `****…x…****` nests half its length deep.
    expect(findDeepNesting('x\n' + '*'.repeat(12) + 'x' + '*'.repeat(12), limits)).toEqual({kind: 'inline', depth: 6, line: 2, column: 1})
    expect(findDeepNesting('*'.repeat(12) + ' alone', limits)).toBeUndefined()
    expect(findDeepNesting('a*'.repeat(30), limits)).toEqual({kind: 'ambiguous', depth: 21, line: 1, column: 42})
    expect(findDeepNesting('大模型**训练**'.repeat(12), limits)).toEqual({kind: 'ambiguous', depth: 21, line: 1, column: 94})
    expect(findDeepNesting('a* '.repeat(30), limits)).toEqual({kind: 'ambiguous', depth: 21, line: 1, column: 62})
  })

  it('should let many ordinary emphasis spans, snake_case and fill-in blanks through', () => {
    expect(findDeepNesting('# T\n\n' + '*a* _b_ **c** '.repeat(2000))).toBeUndefined()
    expect(findDeepNesting('# T\n\n' + '*强调* _斜体_ **加粗** 文本\n'.repeat(2000))).toBeUndefined()
    // Punctuation after a closer or before an opener makes it no opener or closer (CommonMark's flanking rules).
    expect(findDeepNesting('# T\n\n' + 'The *model*, its _data_; (**weights**). "*Quoted*" **重点**，*强调*。\n'.repeat(3000))).toBeUndefined()
    expect(findDeepNesting('# T\n\n' + 'call `my_var_name` or my_var_name, ~5 min, 1~2 '.repeat(2000))).toBeUndefined()
    expect(findDeepNesting('# T\n\n' + '姓名：____ 日期：____年____月____日\n'.repeat(500))).toBeUndefined()
    expect(findDeepNesting('***\n\n___\n\n* * *\n\n~~~\ncode\n~~~\n')).toBeUndefined()
    const section = (index: number) =>
      `\n## Section ${index}\n\nThe *model* learns _patterns_ from **data**, 大模型**训练**需要数据, see [the paper](https://example.com/${index}) and \`code_${index}\`.\n\n- item *one*\n- item __two__\n`
    const large = '# Large\n' + Array.from({length: 14_000}, (_, index) => section(index)).join('')
    expect(large.length).toBeGreaterThan(2_000_000)
    expect(findDeepNesting(large)).toBeUndefined()
    // Ambiguous runs are counted per paragraph.
    expect(findDeepNesting(Array.from({length: 10}, () => '这是**重点**内容').join('\n\n'), limits)).toBeUndefined()
  })

  it('should forget open emphasis and brackets at the end of a paragraph', () => {
    expect(findDeepNesting('[[[ *a *b\n\n[[[ *a *b\n\n[[[ *a *b', limits)).toBeUndefined()
  })

  it('should say what to do', () => {
    expect(toNestingReason({kind: 'ambiguous', depth: 5001, line: 1, column: 1})).toBe(
      'Unexpected 5001 unpaired or ambiguous emphasis delimiters in one paragraph, expected at most 5000; put spaces around or escape `*`, `_` and `~`, or split the paragraph'
    )
    expect(toNestingReason({kind: 'containers', depth: 10000, line: 1, column: 1})).toBe(
      `Unexpected block quotes or lists nested 10000 deep, expected at most ${nestingLimits.containers} levels; flatten the content`
    )
  })
})
