import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {select, selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {describe, expect, it} from 'vitest'
import {renderDeck, toFile} from '../../src/render/render.js'
import {importDeckFile} from '../../src/import/deck-file.js'
import {isImportPath} from '../../src/import/extensions.js'

const text = [
  'Shipping on Fridays', // 1
  '', // 2
  'Deploying at the end of the week is safe when releases are small, tested and easy to undo.', // 3
  '', // 4
  '', // 5
  'What makes it safe', // 6
  '', // 7
  '  • Small changes: each release holds one or two changes, so a problem has few suspects.', // 8
  '  • Fast rollback: going back to the previous version takes one command and a minute.', // 9
  '', // 10
  'When to wait', // 11
  '', // 12
  'Wait when nobody who knows the change is around to watch it for the next hour.' // 13
].join('\n')

function sections(html: string): Element[] {
  return selectAll('.slides section', fromHtml(html)).filter((section) => !select('section', {type: 'root', children: section.children}))
}

describe('imported deck files', () => {
  it('should know which files are imported', () => {
    expect(['a.txt', 'b.TXT', 'c.html', 'd.htm', 'e.md', 'f.markdown', 'g', undefined].map(isImportPath)).toEqual([true, true, true, true, false, false, false, false])
  })

  it('should render a `.txt` deck through the import, with slides placed on the lines of the text', async () => {
    const file = toFile(text, 'talks/friday.txt')
    const {html} = await renderDeck(file)
    const slides = sections(html)
    expect(slides.map((section) => [toString(select('h1, h2, h3', section)!).trim(), section.properties.dataSourceLine])).toEqual([
      ['Shipping on Fridays', '1'],
      ['What makes it safe', '6'],
      ['Small changes', '8'],
      ['Fast rollback', '9'],
      ['When to wait', '11']
    ])
    expect(file.data.imported?.format).toBe('text')
  })

  it('should place pipeline messages on an imported page at the line of the page', async () => {
    const page = [
      '<!doctype html>',
      '<html lang="en"><head><title>Pictures</title></head><body>',
      '<nav><a href="/">Home</a></nav>',
      '<article>',
      '<h1>Pictures</h1>',
      '<p>The first paragraph of the article, long enough to be the article, with a comma.</p>',
      '<p><img src="https://cdn.example.com/cat.jpg" alt="A cat"></p>',
      '</article>',
      '</body></html>'
    ].join('\n')
    const file = toFile(page, 'pages/pictures.html')
    await renderDeck(file)
    expect(file.messages.filter((message) => message.ruleId === 'remote-image').map((message) => [message.file, message.line])).toEqual([['pages/pictures.html', 7]])
  })

  it('should leave markdown alone and import a file only once', () => {
    const markdown = toFile('# Title\n\nText.\n', 'deck.md')
    expect(importDeckFile(markdown)).toBe(false)
    expect(markdown.value).toBe('# Title\n\nText.\n')
    const plain = toFile(text, 'friday.txt')
    expect(importDeckFile(plain)).toBe(true)
    const once = String(plain.value)
    expect(importDeckFile(plain)).toBe(false)
    expect(plain.value).toBe(once)
  })
})
