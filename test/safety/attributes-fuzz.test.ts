/**
 * The attribute allow-list as a property: random articles (fast-check)
 * composed of hostile fragments, in Chinese and English, auto and explicit,
 * rendered in-process; the page is parsed and must hold no event handler,
 * no `javascript:` URL, no `data-notes`, no off-deck `url()`/`@import`, and
 * no remote URL a warning does not name.
 */
import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import fc from 'fast-check'
import {find, html as htmlSchema} from 'property-information'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {toDeckStyle} from '../../src/render/render.js'
import {createProcessor} from '../../src/pipeline/processor.js'
import {attributeVectors, frontMatter, headingVectors} from './hostile-decks.js'

// The `.reveal` frame alone: the page shell is the same for every deck; its configuration is checked from `file.data.deck`.
const processor = createProcessor({document: false})

/** Attributes whose value the page (reveal.js, lectern, the browser) loads as a URL. */
const loaded = new Set(['src', 'poster', 'data-src', 'data-lectern-src', 'data-background', 'data-background-image', 'data-background-video', 'data-background-iframe', 'data-preview-image', 'data-preview-video', 'data-preview-link'])

/** Hosts and paths of remote URLs in a value. */
function remoteUrls(text: string): string[] {
  return [...text.matchAll(/(?:https?:)?\/\/([^\s"'(),;]+)/gi)].map((match) => match[1])
}

/** What is wrong with a page built from untrusted markdown; `[]` when it is safe. */
function problemsOf(html: string, file: VFile): string[] {
  const problems: string[] = []
  const warnings = file.messages.map((message) => message.reason).join('\n')
  const tree = fromHtml(html, {fragment: true}) as Root
  visit(tree, 'element', (node: Element) => {
    for (const [key, value] of Object.entries(node.properties)) {
      if (value === undefined || value === null) continue
      const attribute = find(htmlSchema, key).attribute
      const text = Array.isArray(value) ? value.join(' ') : String(value)
      if (/^on/i.test(attribute)) problems.push(`${attribute} on <${node.tagName}>`)
      if (/^\s*(?:javascript|vbscript):/i.test(text.replace(/[\t\n\r]/g, ''))) problems.push(`${attribute}=${JSON.stringify(text)}`)
      if (attribute === 'data-notes') problems.push(`data-notes on <${node.tagName}>`)
      if ((attribute === 'style' || attribute.startsWith('data-background')) && /url\s*\(|@import|\\/i.test(text) && remoteUrls(text).length > 0) {
        problems.push(`off-deck CSS ${attribute}=${JSON.stringify(text)}`)
      }
      if (loaded.has(attribute) || attribute === 'style' || attribute.startsWith('data-background')) {
        for (const url of remoteUrls(text)) if (!warnings.includes(url)) problems.push(`unreported ${attribute}=${JSON.stringify(text)}`)
      }
    }
  })
  // The deck's own CSS and reveal.js configuration.
  const css = toDeckStyle(file.data.meta ?? {})
  if (/@import|url\s*\(\s*['"]?(?:https?:)?\/\//i.test(css)) problems.push(`off-deck deck CSS ${JSON.stringify(css)}`)
  for (const url of remoteUrls(JSON.stringify(file.data.deck?.reveal ?? {}))) if (!warnings.includes(url)) problems.push(`unreported reveal.js option naming ${url}`)
  return problems
}

const words = fc.constantFrom('model', 'data', 'scale', 'token', '大模型', '数据集', '训练', '参数')
const prose = fc.array(words, {minLength: 2, maxLength: 8}).map((parts) => parts.join(' '))
const block = fc.oneof(
  {weight: 4, arbitrary: fc.constantFrom(...attributeVectors)},
  {weight: 2, arbitrary: prose},
  fc.array(prose, {minLength: 1, maxLength: 3}).map((items) => items.map((item) => `- ${item}`).join('\n')),
  fc.tuple(prose, fc.constantFrom(...attributeVectors.filter((vector) => !vector.includes('\n')))).map(([text, vector]) => `- ${text} ${vector}\n- ${text}`)
)
const slide = fc.tuple(fc.oneof(prose.map((title) => `## ${title}`), fc.constantFrom(...headingVectors)), fc.array(block, {minLength: 1, maxLength: 2}))
const article = fc
  .tuple(fc.boolean(), fc.boolean(), fc.array(slide, {minLength: 1, maxLength: 3}))
  .map(([explicit, front, slides]) => {
    const body = slides.map(([title, blocks]) => `${title}\n\n${blocks.join('\n\n')}`).join(explicit ? '\n\n---\n\n' : '\n\n')
    return `${front ? frontMatter : ''}# 标题 Title\n\n${explicit ? '---\n\n' : ''}${body}\n`
  })

describe('attribute allow-list, fuzzed', () => {
  it('should give pages with no handler, script URL, data-notes, off-deck CSS or unreported remote URL', async () => {
    let runs = 0
    await fc.assert(
      fc.asyncProperty(article, async (markdown) => {
        runs++
        const file = new VFile({value: markdown, path: 'deck.md'})
        const html = String(await processor.process(file))
        expect(problemsOf(html, file)).toEqual([])
      }),
      {numRuns: 2000, seed: Number(process.env.LECTERN_FC_SEED ?? 20261219)}
    )
    console.log(`hostile articles: ${runs} cases`)
  }, 120_000)

  it('should find the problems in a page built with raw HTML allowed, so the check can fail', async () => {
    const markdown = `${frontMatter}# T\n\n---\n\n${attributeVectors.join('\n\n')}\n`
    const file = new VFile({value: markdown, path: 'deck.md'})
    const html = String(await createProcessor({allowHtml: true, document: false}).process(file))
    const problems = problemsOf(html, file)
    expect(problems.some((problem) => problem.startsWith('data-notes'))).toBe(true)
    expect(problems.some((problem) => problem.startsWith('data-background-iframe='))).toBe(true)
  })
})
