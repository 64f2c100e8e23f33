/**
 * Raw HTML tables taller than a slide (a README's table of code examples, an
 * all-contributors avatar grid) split between rows into continuation slides,
 * the header repeated, never cut inside a row; and the emoji they hold ship
 * with the deck in a font.
 */
import type {Element, Root as HastRoot} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {select, selectAll} from 'hast-util-select'
import {toString as hastToString} from 'hast-util-to-string'
import type {Blockquote, Html} from 'mdast'
import {describe, expect, it} from 'vitest'
import {renderDeck, toFile} from '../../src/render/render.js'
import {toDeckFonts} from '../../src/render/fonts.js'
import {readHtmlTable} from '../../src/slides/html-table.js'

const code = (index: number) => Array.from({length: 4}, (_, line) => `call${index}(${line}, 'argument')`).join('\n')

/** A README-style table: a header, then rows whose cells hold markdown between blank lines. */
function markdownTable(rows: number): string {
  const body = Array.from(
    {length: rows},
    (_, index) => `<tr>\n<th scope="row">\n\n\`node${index}\`\n\n</th>\n<td>\n\n\`\`\`js\n${code(index)}\n\`\`\`\n\n</td>\n<td>\n\nResult ${index}\n\n</td>\n</tr>`
  ).join('\n')
  return `<table>\n<thead>\n<tr>\n<th>Node</th>\n<th>Example</th>\n<th>Result</th>\n</tr>\n</thead>\n<tbody>\n${body}\n</tbody>\n</table>`
}

/** An all-contributors table: one raw HTML block, rows of avatar cells. */
function avatarTable(rows: number): string {
  const cell = (index: number) =>
    `<td align="center" valign="top" width="14.28%"><a href="https://example.com/${index}"><img src="avatar${index}.png" width="100px;" alt="Person ${index}"/><br /><sub><b>Person ${index}</b></sub></a><br /><a href="#code-${index}" title="Code">💻</a> <a href="#doc-${index}" title="Documentation">📖</a></td>`
  const body = Array.from({length: rows}, (_, row) => `    <tr>\n${Array.from({length: 7}, (_, column) => `      ${cell(row * 7 + column)}`).join('\n')}\n    </tr>`).join('\n')
  return `<table>\n  <tbody>\n${body}\n  </tbody>\n</table>`
}

async function sectionsOf(markdown: string): Promise<Element[]> {
  const result = await renderDeck(toFile(markdown), {allowHtml: true})
  const tree: HastRoot = fromHtml(result.html)
  // What each slide shows: its notes (which may describe a continuation by its content) left out.
  return selectAll('.reveal .slides section', tree)
    .filter((section) => !section.children.some((child) => child.type === 'element' && child.tagName === 'section'))
    .map((section) => ({...section, children: section.children.filter((child) => !(child.type === 'element' && child.tagName === 'aside'))}))
}

describe('raw HTML tables taller than a slide', () => {
  it('should split a table of markdown cells between rows, repeating its header, every row once and whole', async () => {
    const markdown = `# Tool\n\n## Reference\n\nWhat each node turns into.\n\n${markdownTable(14)}\n\n## Next\n\nMore.\n`
    const sections = await sectionsOf(markdown)
    const parts = sections.filter((section) => /^reference/.test(String(section.properties.id)))
    expect(parts.length).toBeGreaterThan(2)
    expect(parts.slice(1).map((part) => hastToString(select('h2', part)!))).toEqual(parts.slice(1).map(() => 'Reference (cont.)'))
    const names: string[] = []
    for (const part of parts) {
      // One table a part, its header first, each row with its three cells and its code.
      expect(selectAll('table', part)).toHaveLength(1)
      expect(selectAll('thead th', part).map((cell) => hastToString(cell))).toEqual(['Node', 'Example', 'Result'])
      for (const row of selectAll('tbody tr', part)) {
        expect(selectAll(':scope > th, :scope > td', row)).toHaveLength(3)
        expect(select('pre code', row)).toBeDefined()
        names.push(hastToString(select('th code', row)!))
      }
    }
    expect(names).toEqual(Array.from({length: 14}, (_, index) => `node${index}`))
    // Nothing of the table is left outside it.
    expect(sections.some((section) => /<\/?t[dhr]\b/.test(hastToString(section)))).toBe(false)
  })

  it('should split a one-block avatar table between rows, each part a table of whole rows', async () => {
    const markdown = `# Tool\n\n## Contributors ✨\n\nThanks to these people:\n\n<!-- ALL-CONTRIBUTORS-LIST:START -->\n${avatarTable(6)}\n\n<!-- ALL-CONTRIBUTORS-LIST:END -->\n`
    const sections = await sectionsOf(markdown)
    const parts = sections.filter((section) => /^contributors/.test(String(section.properties.id)))
    expect(parts.length).toBeGreaterThan(1)
    const people: string[] = []
    for (const part of parts) {
      expect(selectAll('table', part)).toHaveLength(1)
      for (const row of selectAll('tr', part)) expect(selectAll('td', row)).toHaveLength(7)
      people.push(...selectAll('sub', part).map((name) => hastToString(name)))
    }
    expect(people).toEqual(Array.from({length: 42}, (_, index) => `Person ${index}`))
  })

  it('should read only an island that is exactly one table of plain rows', () => {
    const html = (value: string): Html => ({type: 'html', value})
    const island = (...children: Html[]): Blockquote => ({type: 'blockquote', children, data: {hName: 'div', hProperties: {className: ['lectern-html']}} as never})
    expect(readHtmlTable(html(avatarTable(3)))?.rows).toHaveLength(3)
    // A table with a single row, a nested table, a comment, or something after the table: left whole.
    expect(readHtmlTable(html(avatarTable(1)))).toBeUndefined()
    expect(readHtmlTable(html('<table><tr><td><table><tr><td>a</td></tr></table></td></tr><tr><td>b</td></tr></table>'))).toBeUndefined()
    expect(readHtmlTable(html('<table><tr><td>a</td></tr><!-- x --><tr><td>b</td></tr></table>'))).toBeUndefined()
    expect(readHtmlTable(island(html('<table><tr><td>a</td></tr><tr><td>b</td></tr></table>'), html('<p>after</p>')))).toBeUndefined()
    expect(readHtmlTable(island(html('<div><table><tr><td>a</td></tr><tr><td>b</td></tr></table>'), html('</div>')))).toBeUndefined()
  })
})

describe('emoji in a deck', () => {
  const emoji = (css: string) => [...css.matchAll(/font-family:'Noto Emoji'[^}]*src:url\(([^)]+)\)/g)].map((match) => match[1])
  const requests = [
    {package: '@fontsource/noto-sans-sc', weights: [400]},
    {package: '@fontsource/noto-emoji', weights: [400]}
  ]

  it('should ship the emoji subsets the text uses, and none for text without emoji', () => {
    // ✨ is in two subsets: both, and only those that hold it.
    const sparkles = toDeckFonts(requests, 'Contributors ✨')
    const faces = sparkles.css.split('\n').filter((rule) => rule.includes("'Noto Emoji'"))
    expect(faces.length).toBeGreaterThan(0)
    for (const face of faces) expect(face).toMatch(/U\+2728\b|U\+27[0-2][0-9a-f]-27[2-9a-f][0-9a-f]/)
    expect(sparkles.files.filter((file) => file.includes('noto-emoji'))).toHaveLength(faces.length)
    // Digits, `#`, `*` and © are the text font's; joiners and variation selectors choose nothing alone.
    expect(emoji(toDeckFonts(requests, 'Release 2.0 #1 *new* 版本说明 \u200d\ufe0f').css)).toEqual([])
    const many = toDeckFonts(requests, '💻 📖 ⚠️ 🚇 🎨 🚧')
    expect(emoji(many.css).length).toBeGreaterThan(1)
    expect(many.files.every((file) => file.endsWith('.woff2'))).toBe(true)
  })

  it('should name the shipped emoji font in every built-in theme\'s stacks', async () => {
    for (const theme of ['light', 'dark', 'serif', 'bold']) {
      const result = await renderDeck(toFile('# Deck ✨\n\n## One 🎉\n\n- A point 👍\n'), {theme})
      const fonts = result.assets.filter((asset) => /noto-emoji-.*\.woff2$/.test(asset.path))
      expect(fonts.length, theme).toBeGreaterThan(0)
      const css = result.assets.find((asset) => asset.path === 'assets/fonts/fonts.css')
      expect(String(css && 'content' in css ? css.content : ''), theme).toContain("font-family:'Noto Emoji'")
    }
  })
})
