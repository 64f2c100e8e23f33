/**
 * The sanitizer is skipped for a tree it would not change: that judgement
 * must never be wrong. Whenever the check says a tree is safe as it is,
 * hast-util-sanitize gives back an equal tree: for real documents, for every
 * XSS vector (none of which may pass), and for random trees of allowed and
 * forbidden tags, attributes and URLs.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {Element, ElementContent, Root} from 'hast'
import {sanitize} from 'hast-util-sanitize'
import fc from 'fast-check'
import rehypeRaw from 'rehype-raw'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {contentHandlers} from '../../src/pipeline/content-handlers.js'
import remarkSlides from '../../src/pipeline/remark-slides.js'
import {sanitizeSchema} from '../../src/safety/sanitize-schema.js'
import {createSanitizedCheck} from '../../src/pipeline/sanitized-already.js'
import {slideHandlers} from '../../src/slides/to-hast.js'
import {remarkSyntax} from '../../src/markdown/syntax.js'
import {root} from '../util/fixtures.js'
import {toDecks, vectors} from './xss.js'

// The chain up to sanitizing, as createProcessor has it.
const toHast = unified()
  .use(remarkParse)
  .use(remarkSyntax)
  .use(remarkSlides)
  .use(remarkRehype, {allowDangerousHtml: true, handlers: {...slideHandlers, ...contentHandlers}})
  .use(rehypeRaw)
  .freeze()

async function hastOf(markdown: string, name = 'deck.md'): Promise<Root> {
  const file = new VFile({value: markdown, path: name})
  return (await toHast.run(toHast.parse(file), file)) as Root
}

/** The check's answer, and the proof when it says the tree is safe. */
function judge(tree: Root): boolean {
  const safe = createSanitizedCheck(sanitizeSchema)(tree)
  if (safe) expect(sanitize(structuredClone(tree), sanitizeSchema)).toEqual(tree)
  return safe
}

const documents = ['slides', 'test/fixtures', 'test/fixtures-acceptance', 'test/seed'].flatMap((folder) =>
  readdirSync(path.join(root, folder), {recursive: true, encoding: 'utf8'})
    .filter((name) => /\.(?:md|txt)$/.test(name))
    .map((name) => path.join(root, folder, name))
)

describe('skipping the sanitizer', () => {
  it('passes real documents without raw HTML as they are, and is right about all of them', async () => {
    let passed = 0
    for (const file of documents) if (judge(await hastOf(readFileSync(file, 'utf8'), path.basename(file)))) passed++
    // Most articles are markdown only: the fast path must be taken, or it is dead code.
    expect(passed).toBeGreaterThan(documents.length / 2)
  })

  it('sends every XSS vector through the sanitizer', async () => {
    // A vector may be plain text in some shapes, or gone before sanitizing
    // (`<body>` in a fragment): judge checks that the sanitizer would not
    // change those trees either.
    const passed: string[] = []
    for (const vector of vectors) {
      const verdicts = await Promise.all(toDecks(vector).map(async (deck) => judge(await hastOf(deck))))
      if (!verdicts.includes(false)) passed.push(vector)
    }
    expect(passed.length).toBeLessThan(vectors.length / 10)
  })

  it('is right about random trees of safe and unsafe tags, attributes and URLs', () => {
    const tag = fc.constantFrom('p', 'a', 'img', 'div', 'span', 'section', 'aside', 'td', 'tr', 'table', 'li', 'input', 'script', 'iframe', 'svg', 'style', 'video', 'code', 'pre', 'h2')
    const url = fc.constantFrom('https://example.org/x.png', 'javascript:alert(1)', 'pic.png', 'data:image/png;base64,AA', 'data:text/html,x', '#/slide', 'vbscript:x', ' javascript:x', 'mailto:a@b.c')
    const value = fc.oneof(
      fc.constantFrom('fragment', 'x', 'color: red', 'background: url(x)', '', true, false, 1, 0),
      fc.array(fc.constantFrom('fragment', 'fade-in', 'a', ''), {maxLength: 3}),
      url
    )
    const properties = fc.dictionary(
      fc.constantFrom('className', 'id', 'href', 'src', 'style', 'onClick', 'dataBackgroundImage', 'dataSrc', 'dataFoo', 'name', 'target', 'type', 'disabled', 'checked', 'ariaLabel', 'title', 'srcSet'),
      value,
      {maxKeys: 4}
    )
    const text = fc.constantFrom('words', '<b>', 'javascript:alert(1)').map((value): ElementContent => ({type: 'text', value}))
    const element: fc.Memo<ElementContent> = fc.memo((depth) =>
      depth <= 1
        ? text
        : fc.oneof(
            {weight: 1, arbitrary: text},
            {
              weight: 3,
              arbitrary: fc
                .record({tagName: tag, properties, children: fc.array(element(depth - 1), {maxLength: 3})})
                .map((fields): Element => ({type: 'element', ...fields}))
            }
          )
    )
    let passed = 0
    fc.assert(
      fc.property(fc.array(element(4), {maxLength: 4}), (children) => {
        if (judge({type: 'root', children})) passed++
      }),
      {numRuns: 3000}
    )
    expect(passed).toBeGreaterThan(100)
  })
})
