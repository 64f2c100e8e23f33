/**
 * The single-file page: everything inlined, fonts subset, HTML that still
 * parses as written.
 */
import {readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {describe, expect, it} from 'vitest'
import {renderDeck, toFile} from '../../src/render/render.js'
import {isSafeInlineScript, toSingleFile} from '../../src/output/single-file.js'
import {root, seedDeck} from '../util/fixtures.js'

const decks = [
  seedDeck,
  path.join(root, 'test', 'export', 'decks', 'english.md'),
  path.join(root, 'test', 'export', 'decks', 'table-code.md')
]

describe('toSingleFile', () => {
  for (const deck of decks) {
    it(`should inline every asset of ${path.basename(deck)} and subset its fonts`, async () => {
      const rendered = await renderDeck(toFile(readFileSync(deck, 'utf8'), deck))
      const html = await toSingleFile(rendered)
      const tree = fromHtml(html)
      // Nothing refers to a file any more.
      const references = selectAll('[href], [src]', tree).map((node: Element) => String(node.properties.href ?? node.properties.src))
      expect(references.filter((url) => !url.startsWith('data:') && !url.startsWith('http') && !url.startsWith('#'))).toEqual([])
      const css = selectAll('style', tree).map((node) => toString(node)).join('\n')
      expect(css).not.toMatch(/url\((?!['"]?data:)/)
      const faces = [...css.matchAll(/@font-face\s*{[^}]*}/g)].map((match) => match[0])
      expect(faces.length).toBeGreaterThan(0)
      for (const face of faces) expect(face).toMatch(/src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\) format\('woff2'\)/)
      // Subset: the inlined fonts are smaller than the font files the folder build copies.
      const inlined = faces.reduce((sum, face) => sum + (/base64,([^)]+)\)/.exec(face)?.[1].length ?? 0) * 0.75, 0)
      const copied = rendered.assets.filter((asset) => /\.woff2$/.test(asset.path)).reduce((sum, asset) => sum + statSync(asset.from!).size, 0)
      expect(inlined).toBeLessThan(copied / 2)
      // The slides are all still there, and scripts are inline.
      expect(selectAll('.slides section', fromHtml(rendered.html)).length).toBe(selectAll('.slides section', tree).length)
      const scripts = selectAll('script', tree)
      expect(scripts.length).toBe(selectAll('script', fromHtml(rendered.html)).length)
      for (const script of scripts) expect(script.properties.src === undefined || String(script.properties.src).startsWith('data:')).toBe(true)
    })
  }

  it('should inline images and CSS `url()`s as data URIs, resolved from the stylesheet', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')
    const html = await toSingleFile({
      html: '<!doctype html><html><head><link rel="stylesheet" href="assets/theme.css"></head><body><img src="assets/media/a.png" alt="A"><section data-background-image="assets/media/a.png"></section><script src="assets/x.js"></script></body></html>',
      assets: [
        {path: 'assets/theme.css', content: '.a { background: url("img/bg.png") } .b { background: url(https://example.com/x.png) } /* </style> */'},
        {path: 'assets/img/bg.png', content: png},
        {path: 'assets/media/a.png', content: png},
        {path: 'assets/x.js', content: 'var s = "</script><p>not html</p>"; window.done = true'}
      ]
    })
    const uri = `data:image/png;base64,${png.toString('base64')}`
    const tree = fromHtml(html)
    expect(selectAll('img', tree).map((node) => node.properties.src)).toEqual([uri])
    expect(selectAll('section', tree).map((node) => node.properties.dataBackgroundImage)).toEqual([uri])
    expect(toString(selectAll('style', tree)[0])).toBe(`.a { background: url(${uri}) } .b { background: url(https://example.com/x.png) } /* <\\/style> */`)
    // `</script` in a script cannot end the element early.
    expect(selectAll('p', tree)).toEqual([])
    expect(toString(selectAll('script', tree)[0])).toBe('var s = "<\\/script><p>not html</p>"; window.done = true')
  })

  it('should keep a script that would confuse the HTML parser out of line, as a data URI', async () => {
    const html = await toSingleFile({
      html: '<!doctype html><html><body><script src="assets/x.js"></script><p>after</p></body></html>',
      assets: [{path: 'assets/x.js', content: 'var a = "<!--"; var b = "<script>"'}]
    })
    const tree = fromHtml(html)
    expect(String(selectAll('script', tree)[0].properties.src)).toMatch(/^data:text\/javascript;base64,/)
    expect(selectAll('p', tree).map((node) => toString(node))).toEqual(['after'])
  })
})

describe('isSafeInlineScript', () => {
  it('should tell scripts the HTML parser reads as written from those it does not', () => {
    expect(isSafeInlineScript('var a = 1 < 2')).toBe(true)
    expect(isSafeInlineScript('var re = /<!--(?!-?>)[\\s\\S]*?(?:-->|$)/; var s = "<script>"')).toBe(true)
    expect(isSafeInlineScript('var s = "<!-- <script>"')).toBe(false)
    expect(isSafeInlineScript('var s = "<!--"; var t = "<SCRIPT>"')).toBe(false)
  })
})
