/**
 * The build-time estimator and splitter: heights from the theme's metrics,
 * lists, tables and code split between items, notes following their content.
 */
import type {Code, List, Root, RootContent, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {eachSlide} from '../../src/pipeline/remark-slides.js'
import {paginate, splitSlide} from '../../src/slides/fit.js'
import {contentHeight, estimateHeight, titleHeight} from '../../src/slides/estimate.js'
import {defaultMetrics, minimumFontSize} from '../../src/deck/metrics.js'
import {createHeading, createNotes, notesText} from '../../src/slides/nodes.js'
import type {Slide} from '../../src/deck/types.js'
import {toSlideTree} from '../util/fixtures.js'

const metrics = defaultMetrics
const continued = (title: string) => `${title} (cont.)`

function parse(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root
}

function block<T>(markdown: string): T {
  return parse(markdown).children[0] as T
}

function slideOf(markdown: string, title = 'Title'): Slide {
  const tree = parse(markdown)
  const notes = tree.children.filter((node) => node.type === 'paragraph')
  const shown = tree.children.filter((node) => node.type !== 'paragraph')
  return {
    type: 'slide',
    children: [createHeading(2, [{type: 'text', value: title}]), ...shown, ...(notes.length > 0 ? [createNotes(notes as never)] : [])],
    data: {kind: 'section', title}
  }
}

const items = (count: number, text = 'a point that takes about half a line') =>
  Array.from({length: count}, (_, index) => `- Item ${index + 1}: ${text}`).join('\n')

describe('estimateHeight', () => {
  it('should give a one-line paragraph one line and its margin', () => {
    expect(estimateHeight(block('A short line.'), metrics)).toBe(30 * 1.45 + 18)
  })

  it('should read soft line breaks in prose as spaces', () => {
    expect(estimateHeight(block('One\nshort\nline.'), metrics)).toBe(estimateHeight(block('One short line.'), metrics))
  })

  it('should count CJK characters as a full em and Latin ones as about half', () => {
    const latin = estimateHeight(block('a'.repeat(120)), metrics)
    const cjk = estimateHeight(block('字'.repeat(120)), metrics)
    expect(cjk).toBeGreaterThan(latin)
    // 120 CJK characters at 30 px in 1152 px: 4 lines.
    expect(cjk).toBe(4 * 30 * 1.45 + 18)
  })

  it('should grow a list with its items', () => {
    const three = estimateHeight(block<List>(items(3)), metrics)
    const six = estimateHeight(block<List>(items(6)), metrics)
    expect(six - three).toBeCloseTo(three - 18, 5)
  })

  it('should wrap long code lines and keep short ones to one line', () => {
    const short = estimateHeight(block<Code>('```\nx\n```'), metrics)
    const long = estimateHeight(block<Code>('```\n' + 'x '.repeat(100) + '\n```'), metrics)
    expect(long).toBeGreaterThan(short + 18.6 * 1.45)
  })

  it('should give a wide table more lines per row than a narrow one', () => {
    const narrow = estimateHeight(block<Table>('| a | b |\n| - | - |\n| 1 | 2 |'), metrics)
    const wide = estimateHeight(block<Table>(`| a | b |\n| - | - |\n| ${'word '.repeat(80)} | ${'word '.repeat(80)} |`), metrics)
    expect(wide).toBeGreaterThan(narrow * 2)
  })

  it('should follow the theme\'s metrics', () => {
    const big = {...metrics, fontSize: 40}
    expect(estimateHeight(block('A short line.'), big)).toBeGreaterThan(estimateHeight(block('A short line.'), metrics))
  })

  it('should leave less room under a title that wraps', () => {
    expect(titleHeight('Short', metrics)).toBe(metrics.titleHeight)
    expect(contentHeight(metrics, 'A title so long that it takes two lines on the slide canvas')).toBeLessThan(contentHeight(metrics, 'Short'))
  })

  it('should put the readable minimum at the smallest text shrunk to 60%', () => {
    expect(minimumFontSize(metrics)).toBe(11)
  })
})

describe('table estimate', () => {
  const size = metrics.fontSize * metrics.tableScale
  const row = size * 1.4 + size * 0.6 + 1

  it('should count a row whose cells fit at their natural width as one line', () => {
    const rows = Array.from({length: 10}, (_, i) => `| \`opt${i}\` | string | Controls how the parser treats item number ${i} when nested |`).join('\n')
    const table = block<Table>(`| Option | Type | Meaning |\n| --- | --- | --- |\n${rows}\n`)
    // 11 rows (header included) of one line each, plus the table's margin: not two lines a row.
    expect(estimateHeight(table, metrics)).toBeLessThan(11 * row + metrics.fontSize)
    expect(estimateHeight(table, metrics)).toBeGreaterThanOrEqual(11 * row)
  })

  it('should count a picture in a cell as a picture, not a line of alt text', () => {
    const table = block<Table>('| Theme | Look |\n| --- | --- |\n| light | ![light theme](light.png) |\n| dark | ![dark theme](dark.png) |\n')
    expect(estimateHeight(table, metrics)).toBeGreaterThanOrEqual(2 * metrics.imageHeight)
  })
})

describe('paginate', () => {
  it('should split a long list between items, numbering continued ordered lists', () => {
    const list = block<List>(Array.from({length: 30}, (_, index) => `${index + 1}. Step ${index + 1}`).join('\n'))
    const pages = paginate([list], metrics, contentHeight(metrics, true))
    expect(pages.length).toBeGreaterThan(1)
    const lists = pages.map((page) => page[0] as List)
    expect(lists.reduce((sum, part) => sum + part.children.length, 0)).toBe(30)
    expect(lists[1].start).toBe(1 + lists[0].children.length)
    for (const page of pages) expect(page.reduce((sum, node) => sum + estimateHeight(node, metrics), 0)).toBeLessThanOrEqual(contentHeight(metrics, true))
  })

  it('should repeat a table\'s header on each part', () => {
    const rows = Array.from({length: 40}, (_, index) => `| row ${index} | value ${index} |`).join('\n')
    const table = block<Table>(`| Name | Value |\n| --- | --- |\n${rows}`)
    const pages = paginate([table], metrics, contentHeight(metrics, true))
    expect(pages.length).toBeGreaterThan(1)
    for (const page of pages) expect(toString((page[0] as Table).children[0])).toBe('NameValue')
    expect(pages.reduce((sum, page) => sum + (page[0] as Table).children.length - 1, 0)).toBe(40)
  })

  it('should split long code into parts of at least four lines', () => {
    const code = block<Code>('```js\n' + Array.from({length: 60}, (_, index) => `const line${index} = ${index}`).join('\n') + '\n```')
    const pages = paginate([code], metrics, contentHeight(metrics, true))
    expect(pages.length).toBeGreaterThan(2)
    const parts = pages.map((page) => (page[0] as Code).value.split('\n'))
    expect(parts.flat()).toEqual(code.value.split('\n'))
    for (const part of parts) expect(part.length).toBeGreaterThanOrEqual(4)
    expect((pages[1][0] as Code).lang).toBe('js')
  })

  it('should keep a code block a little too tall whole, for the page to shrink', () => {
    const lines = Math.floor(contentHeight(metrics, true) / (18.6 * 1.53)) + 1
    const code = block<Code>('```\n' + Array.from({length: lines}, (_, index) => `line ${index}`).join('\n') + '\n```')
    expect(estimateHeight(code, metrics)).toBeGreaterThan(contentHeight(metrics, true))
    expect(paginate([code], metrics, contentHeight(metrics, true))).toEqual([[code]])
  })

  it('should split a single item inside its nested list', () => {
    const nested = Array.from({length: 30}, (_, index) => `  - Sub-point ${index}`).join('\n')
    const list = block<List>(`- API\n${nested}`)
    const pages = paginate([list], metrics, contentHeight(metrics, true))
    expect(pages.length).toBeGreaterThan(1)
    for (const page of pages) expect(toString((page[0] as List).children[0].children[0])).toBe('API')
  })

  it('should not leave a lone list item for the next page', () => {
    const room = contentHeight(metrics, true)
    const list = block<List>(items(30))
    const pages = paginate([list], metrics, room)
    expect(pages.length).toBeGreaterThan(1)
    for (const page of pages) expect((page[0] as List).children.length).toBeGreaterThanOrEqual(2)
  })

  it('should keep a heading with the block it introduces', () => {
    const tree = parse(`${items(9)}\n\n#### Details\n\n${items(6)}`)
    const pages = paginate(tree.children, metrics, contentHeight(metrics, true))
    expect(pages.length).toBe(2)
    expect(pages[0].at(-1)!.type).toBe('list')
    expect(pages[1][0].type).toBe('heading')
  })

  it('should end on a block that cannot be split at all', () => {
    const paragraph = block<RootContent>('word '.repeat(2000))
    const pages = paginate([block<List>(items(2)), paragraph], metrics, contentHeight(metrics, true))
    expect(pages).toHaveLength(2)
    expect(pages[1]).toEqual([paragraph])
  })
})

describe('splitSlide', () => {
  it('should keep a slide that fits as it is', () => {
    const slide = slideOf(items(3))
    expect(splitSlide(slide, metrics, continued)).toEqual([slide])
  })

  it('should title continuations and give each part the notes that introduce it', () => {
    const markdown = [
      'The steps, in order.',
      '',
      items(14),
      '',
      'Then the code that does it.',
      '',
      '```js\n' + Array.from({length: 16}, (_, index) => `step(${index})`).join('\n') + '\n```',
      '',
      'And that is all.'
    ].join('\n')
    const parts = splitSlide(slideOf(markdown, 'Steps'), metrics, continued)
    expect(parts.length).toBeGreaterThan(1)
    expect(parts.map((part) => part.data?.title)).toEqual(['Steps', ...parts.slice(1).map(() => 'Steps (cont.)')])
    expect(parts.slice(1).every((part) => part.data?.kind === 'continuation')).toBe(true)
    expect(notesText(parts[0])).toBe('The steps, in order.')
    const codePart = parts.find((part) => part.children.some((node) => node.type === 'code'))!
    expect(notesText(codePart)).toContain('Then the code that does it.')
    expect(notesText(parts.at(-1)!)).toContain('And that is all.')
  })
})

  it('should split a 2,000-row table into as many continuations as its rows need, each as full as fits', () => {
    const rows = Array.from({length: 2000}, (_, index) => `| \`prop${index}\` | attribute-${index} | boolean |`).join('\n')
    const slide = slideOf(`| Property | Attribute | Kind |\n| --- | --- | --- |\n${rows}`, 'Properties')
    const parts = splitSlide(slide, metrics, continued)
    const tables = parts.map((part) => part.children.find((node): node is Table => node.type === 'table')!)
    const counts = tables.map((table) => table.children.length - 1)
    // All rows, in order, under the header repeated on every part.
    expect(tables.flatMap((table) => table.children.slice(1).map((row) => toString(row.children[0])))).toEqual(
      Array.from({length: 2000}, (_, index) => `prop${index}`)
    )
    for (const table of tables) expect(toString(table.children[0])).toBe('PropertyAttributeKind')
    // Every part but the last is full: one more row would not fit under the continuation title.
    const perPage = counts[0]
    const room = contentHeight(metrics, continued('Properties'))
    const body = tables.slice(1).flatMap((table) => table.children.slice(1))
    const sample = (count: number): Table => ({...tables[1], children: [tables[1].children[0], ...body.slice(0, count)]})
    expect(estimateHeight(sample(perPage), metrics)).toBeLessThanOrEqual(room)
    expect(estimateHeight(sample(perPage + 1), metrics)).toBeGreaterThan(room)
    expect(counts.slice(0, -1).every((count) => count === perPage)).toBe(true)
    expect(parts.length).toBe(Math.ceil(2000 / perPage))
    expect(parts.slice(1).every((part) => part.data?.kind === 'continuation')).toBe(true)
  })

describe('auto mode', () => {
  it('should leave no continuation without notes about what it shows', async () => {
    const markdown = `# Guide\n\n## Options\n\nEvery option, one per line.\n\n${items(40)}\n`
    const {tree} = await toSlideTree(markdown)
    const slides = [...eachSlide(tree.children)]
    const continuations = slides.filter((slide) => slide.data?.kind === 'continuation')
    expect(continuations.length).toBeGreaterThan(0)
    for (const slide of continuations) {
      const shown = slide.children.find((node) => node.type === 'list')!
      expect(notesText(slide)).toContain(toString((shown as List).children[0]))
    }
  })

  it('should title Chinese continuations with (续)', async () => {
    const list = Array.from({length: 30}, (_, index) => `- 第${index + 1}项：一个需要在幻灯片上展示的要点，文字稍长一些`).join('\n')
    const {tree} = await toSlideTree(`# 指南\n\n## 选项\n\n这里列出所有选项。\n\n${list}\n`)
    const titles = [...eachSlide(tree.children)].map((slide) => slide.data?.title)
    expect(titles).toContain('选项 (续)')
  })
})
