/**
 * The nesting scan: deep input found at its place, ordinary articles let through.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findDeepNesting, nestingLimits, toNestingReason} from '../../src/markdown/nesting.js'
import {root, seedDeck} from '../util/fixtures.js'

const limits = {containers: 5, inline: 5, html: 5}

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

  it('should forget open emphasis and brackets at the end of a paragraph', () => {
    expect(findDeepNesting('[[[ *a *b\n\n[[[ *a *b\n\n[[[ *a *b', limits)).toBeUndefined()
  })

  it('should say what to do', () => {
    expect(toNestingReason({kind: 'containers', depth: 10000, line: 1, column: 1})).toBe(
      `Unexpected block quotes or lists nested 10000 deep, expected at most ${nestingLimits.containers} levels; flatten the content`
    )
  })
})
