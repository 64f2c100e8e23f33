/**
 * Pandoc / Quarto syntax, structurally: fenced divs (columns, incremental,
 * notes, generic), pauses, heading attributes in explicit mode and Quarto's
 * `format: revealjs` options, in both modes, through the whole pipeline.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {select, selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {createProcessor} from '../../src/pipeline/processor.js'
import {defaultMetrics} from '../../src/deck/metrics.js'
import {estimateHeight} from '../../src/slides/estimate.js'
import {fromFencedDivs} from '../../src/slides/fenced-divs.js'
import {remarkSyntax} from '../../src/markdown/syntax.js'
import {root} from '../util/fixtures.js'

async function render(markdown: string) {
  const file = new VFile({value: markdown, path: 'deck.md'})
  const html = String(await createProcessor({document: false}).process(file))
  return {tree: fromHtml(html, {fragment: true}), file, html}
}

const fixture = (name: string) => readFileSync(path.join(root, 'test', 'fixtures', name, 'input.md'), 'utf8')
const acceptance = (name: string) => readFileSync(path.join(root, 'test', 'fixtures-acceptance', `${name}.md`), 'utf8')

describe('pandoc fenced divs', () => {
  for (const [name, markdown] of [
    ['pandoc-explicit', fixture('pandoc-explicit')],
    ['pandoc-auto', fixture('pandoc-auto')],
    ['deck-quarto', acceptance('deck-quarto')],
    ['deck-pandoc', acceptance('deck-pandoc')]
  ] as const) {
    it(`should leave no literal \`:::\` or \`. . .\` in \`${name}\``, async () => {
      const {tree} = await render(markdown)
      const text = toString(tree)
      expect(text).not.toMatch(/:::/)
      expect(text).not.toContain('. . .')
    })
  }

  it('should set columns side by side with their widths (explicit mode)', async () => {
    const {tree} = await render(fixture('pandoc-explicit'))
    const columns = selectAll('section#columns div.columns > div.column', tree)
    expect(columns.map((column) => column.properties.dataWidth)).toEqual(['40%', '60%'])
    expect(columns.map((column) => column.properties.style)).toEqual(['flex: 0 1 40%;', 'flex: 0 1 60%;'])
    expect(toString(columns[0])).toContain('Left column text.')
    expect(selectAll('li', columns[1])).toHaveLength(2)
  })

  it('should make list items of an incremental div fragments, and leave a nonincremental one whole', async () => {
    const {tree} = await render(fixture('pandoc-explicit'))
    expect(selectAll('section#plan div.incremental li.fragment', tree)).toHaveLength(3)
    expect(selectAll('section#generic-slide div.nonincremental li', tree)).toHaveLength(1)
    expect(selectAll('section#generic-slide li.fragment', tree)).toHaveLength(0)
    const deckWide = await render(`---\nincremental: true\n---\n\n## A\n\n- one\n\n::: nonincremental\n- two\n:::\n`)
    expect(selectAll('li.fragment', deckWide.tree).map((li) => toString(li))).toEqual(['one'])
    // A non-incremental div inside an incremental one keeps its items whole too.
    const nested = await render(`## A\n\n:::: incremental\n- one\n\n::: nonincremental\n- two\n:::\n::::\n`)
    expect(selectAll('li.fragment', nested.tree).map((li) => toString(li))).toEqual(['one'])
    expect(selectAll('div.nonincremental li', nested.tree)).toHaveLength(1)
  })

  it('should turn each pause into a fragment holding what follows it', async () => {
    const {tree} = await render(fixture('pandoc-explicit'))
    const slide = select('section#pauses', tree)!
    const fragments = selectAll(':scope > div.fragment', slide)
    expect(fragments.map((div) => toString(div).trim())).toEqual(['After the first pause.', 'After the second pause.'])
    expect(toString(select(':scope > p', slide)!)).toBe('Before the pause.')
    expect(toString(select('aside.notes', slide)!).trim()).toBe('Say this aloud.')
    expect(selectAll('aside.notes .fragment', tree)).toHaveLength(0)
  })

  it('should pause in auto mode, and keep code and lists in the fragments', async () => {
    const {tree} = await render(fixture('pandoc-auto'))
    const fragments = selectAll('section > div.fragment', tree)
    expect(fragments).toHaveLength(2)
    expect(select('pre code', fragments[0])).toBeDefined()
    expect(selectAll('li', fragments[1])).toHaveLength(2)
    expect(selectAll('div.column table', tree)).toHaveLength(1)
    expect(toString(select('aside.notes', tree.children.length ? select('section:has(div.incremental)', tree)! : tree)!)).toContain('先问听众')
  })

  it('should keep a generic div with its class, id and attributes', async () => {
    const {tree, file} = await render(fixture('pandoc-explicit'))
    const div = select('div#warn', tree)!
    expect(div.properties.className).toEqual(['callout'])
    expect(div.properties.dataKey).toBe('value')
    expect(file.messages.filter((message) => message.ruleId === 'unsafe-html')).toEqual([])
  })

  it('should nest divs of equal fences as pandoc does, and unwrap an unclosed one with a warning', async () => {
    const nested = await render('## A\n\n::: {.outer}\n::: {.inner}\ntext\n:::\nafter\n:::\n')
    expect(toString(select('div.outer > div.inner', nested.tree)!).trim()).toBe('text')
    expect(toString(select('div.outer', nested.tree)!)).toContain('after')
    const unclosed = await render('## A\n\n::: {.box}\n- kept\n')
    expect(select('div.box', unclosed.tree)).toBeUndefined()
    expect(selectAll('section > ul > li', unclosed.tree).map((li) => toString(li))).toEqual(['kept'])
    expect(unclosed.file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['3:1 unclosed-div'])
  })

  it('should estimate columns as tall as the tallest column, not the sum of all', () => {
    const list = (name: string, count: number) => Array.from({length: count}, (_, index) => `- ${name} ${index}`).join('\n')
    const tree = unified().use(remarkParse).use(remarkSyntax).parse(`:::: columns\n::: column\n${list('a', 6)}\n:::\n::: column\n${list('b', 3)}\n:::\n::::\n`)
    fromFencedDivs(tree)
    const [columns] = tree.children
    const alone = unified().use(remarkParse).parse(list('a', 6)).children[0]
    const height = estimateHeight(columns, defaultMetrics)
    expect(height).toBeGreaterThanOrEqual(estimateHeight(alone, defaultMetrics) * 0.9)
    expect(height).toBeLessThan(estimateHeight(alone, defaultMetrics) * 1.3)
  })

  it('should never let a column width write arbitrary style', async () => {
    const {tree} = await render('## A\n\n:::: columns\n::: {.column width="50%;background:url(x)"}\nx\n:::\n::::\n')
    const column = select('div.column', tree)!
    expect(column.properties.style).toBeUndefined()
  })
})

describe('pandoc heading attributes and Quarto options', () => {
  it('should move heading attributes onto the slide in explicit mode', async () => {
    const {tree} = await render(fixture('pandoc-explicit'))
    const slide = select('section#plan', tree)!
    expect(slide.properties.className).toEqual(['smaller'])
    expect(slide.properties.dataBackgroundColor).toBe('#1e293b')
    expect(toString(select('h2', slide)!)).toBe('Plan')
    expect(toString(select('section#generic-slide h2', tree)!)).toBe('Generic div')
  })

  it('should map Quarto `format: revealjs` options and warn about unknown ones at their line', async () => {
    const file = new VFile({value: fixture('pandoc-explicit'), path: 'deck.md'})
    await createProcessor({document: false}).process(file)
    expect(file.data.deck).toMatchObject({theme: 'simple', transition: 'fade', reveal: {slideNumber: true}})
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['8:5 front-matter-key'])
    const plain = new VFile({value: '---\nformat: revealjs\nincremental: true\n---\n\n## A\n\n- x\n', path: 'deck.md'})
    await createProcessor({document: false}).process(plain)
    expect(plain.messages).toEqual([])
    const typed = new VFile({value: '---\nformat:\n  revealjs:\n    incremental: yes please\n---\n\n## A\n', path: 'deck.md'})
    await createProcessor({document: false}).process(typed).catch(() => undefined)
    expect(typed.messages.map((message) => `${message.line} ${message.ruleId} ${message.fatal}`)).toEqual(['4 front-matter-type true'])
  })
})
