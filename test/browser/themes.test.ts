/**
 * Every built-in theme, measured in Chromium: each text on each slide against
 * the background it is drawn on (WCAG AA, 4.5:1), no slide overflowing, and
 * headings that never wrap inside a word. Decks of several shapes: the seed
 * deck, the gallery sample, fixtures (English, Chinese, long, code, math) and
 * a deck of long headings.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {launchBrowser} from '../../src/browser/launch.js'
import {build} from '../../src/build/build.js'
import {listThemes} from '../../src/themes/theme.js'
import {describeBrowser, openDeck} from '../util/browser.js'
import {root, seedDeck, temporaryFolder} from '../util/fixtures.js'

/** What the page reports for one slide. */
interface SlideMeasure {
  id: string
  overflow: number
  scaled: string | null
  /** Texts under 4.5:1, or whose colours could not be read. */
  lowContrast: Array<{text: string; element: string; color: string; background: string; ratio: number}>
  /** Words of headings drawn on more than one line. */
  brokenWords: string[]
  /** Lowest contrast seen on the slide. */
  minimum: number
  texts: number
}

const headingsDeck = `---
title: Typography check
---

# Internationalization, Accessibility and Typography: A Deliberately Long English Title for Testing

A subtitle line in English

## 一个很长的中文标题：大规模预训练语言模型在自然语言处理中的应用

- 中文与 English 混排的列表项，包含 \`inline code\` 和**加粗**文字，以及一个[链接](https://example.org)。
- 第二项：标点符号“引号”、（括号）和《书名号》不应出现在行首。

## Understanding Internationalization Considerations in Transformer Architectures

Counterintuitively, incomprehensibilities characterize internationalization.

- A list item
- Another list item

## 浅色背景 A slide with a light background of its own

<!-- .slide: data-background="#fdf6e3" -->

- 作者给这一页设置了浅色背景 with a [link](https://example.org) and \`code\`

## 深色背景 A slide with a dark background of its own

<!-- .slide: data-background="#14213d" -->

- 作者给这一页设置了深色背景 with a [link](https://example.org) and **strong** text
`

/** The page-side measurement, as source text (nothing from the test's scope). */
const measure = String.raw`(() => {
  const parse = (value) => {
    const match = /^rgba?\(([^)]+)\)$/.exec(value.trim())
    if (!match) return undefined
    const parts = match[1].split(/[\s,\/]+/).filter(Boolean).map(Number)
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1]
  }
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1)
  const luminance = (color) => {
    const [r, g, b] = color.slice(0, 3).map((c) => {
      c /= 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const ratio = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)]
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
  }
  // The colour an element's text is drawn on: its own and its ancestors'
  // backgrounds, composited down to the first opaque one. Under the slides,
  // reveal.js draws the current slide's own background (data-background).
  let current
  const backgroundOf = (element) => {
    const layers = []
    let image = false
    let opaque = false
    const add = (node) => {
      const style = getComputedStyle(node)
      if (style.backgroundImage !== 'none') image = true
      const color = parse(style.backgroundColor)
      if (color && color[3] > 0) {
        layers.push(color)
        if (color[3] >= 1) opaque = true
      }
    }
    for (let node = element; node && !opaque; node = node.parentElement) {
      if (node.classList.contains('reveal') && current && current.slideBackgroundElement) {
        const background = current.slideBackgroundElement
        for (const layer of [...background.querySelectorAll('.slide-background-content')].concat(background)) {
          if (!opaque) add(layer)
        }
        if (opaque) break
      }
      add(node)
    }
    let result = [255, 255, 255, 1]
    for (const layer of layers.reverse()) result = over(layer, result)
    return {color: result, image}
  }
  const describe = (element) => element.tagName.toLowerCase() + (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\s+/).join('.') : '')
  const reveal = window.Reveal
  reveal.configure({transition: 'none', backgroundTransition: 'none'})
  const leaves = reveal.getSlides()
  const results = []
  for (const slide of leaves) {
    const indices = reveal.getIndices(slide)
    reveal.slide(indices.h, indices.v, slide.querySelectorAll('.fragment').length > 0 ? 999 : undefined)
    current = slide
    const roots = [slide, document.querySelector('.reveal .slide-number')].filter(Boolean)
    const seen = new Set()
    const lowContrast = []
    let minimum = Infinity
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        const element = text.parentElement
        if (!element || seen.has(element) || !text.data.trim()) continue
        if (element.closest('aside.notes, script, style, .katex-mathml')) continue
        const style = getComputedStyle(element)
        if (style.visibility !== 'visible' || element.getClientRects().length === 0) continue
        seen.add(element)
        let color = parse(style.color)
        // Opacity inside the slide (not a fragment's fade-in) dims the text.
        let alpha = 1
        for (let node = element; node && node !== slide; node = node.parentElement) {
          if (!node.classList.contains('fragment')) alpha *= Number(getComputedStyle(node).opacity)
        }
        const background = backgroundOf(element)
        const entry = {text: text.data.trim().slice(0, 40), element: describe(element), color: style.color, background: 'rgb(' + background.color.slice(0, 3).map(Math.round).join(', ') + ')', ratio: 0}
        if (!color || background.image) {
          lowContrast.push(entry)
          continue
        }
        color = over([color[0], color[1], color[2], color[3] * alpha], background.color)
        entry.ratio = Math.round(ratio(color, background.color) * 100) / 100
        minimum = Math.min(minimum, entry.ratio)
        if (entry.ratio < 4.5) lowContrast.push(entry)
      }
    }
    // Text that CSS draws (a code block's language label): pseudo-elements with content.
    for (const element of slide.querySelectorAll('*')) {
      if (element.closest('aside.notes') || element.getClientRects().length === 0) continue
      for (const pseudo of ['::before', '::after']) {
        const style = getComputedStyle(element, pseudo)
        if (['none', 'normal', '""', "''"].includes(style.content) || style.display === 'none' || style.visibility !== 'visible') continue
        const base = backgroundOf(element)
        const own = parse(style.backgroundColor)
        const background = own && own[3] > 0 ? over(own, base.color) : base.color
        const color = parse(style.color)
        const entry = {text: style.content.slice(0, 40), element: describe(element) + pseudo, color: style.color, background: 'rgb(' + background.slice(0, 3).map(Math.round).join(', ') + ')', ratio: 0}
        if (!color || base.image) {
          lowContrast.push(entry)
          continue
        }
        entry.ratio = Math.round(ratio(over(color, background), background) * 100) / 100
        minimum = Math.min(minimum, entry.ratio)
        seen.add(entry.element + entry.text)
        if (entry.ratio < 4.5) lowContrast.push(entry)
      }
    }
    const brokenWords = []
    for (const heading of slide.querySelectorAll('h1, h2, h3, h4')) {
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT)
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        for (const match of text.data.matchAll(/[A-Za-z0-9\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f'\u2019-]*|[\u3400-\u9fff\uf900-\ufaff]+/g)) {
          const range = document.createRange()
          range.setStart(text, match.index)
          range.setEnd(text, match.index + match[0].length)
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top / 4)))
          if (tops.size > 1) brokenWords.push(match[0])
        }
      }
    }
    results.push({
      id: slide.id,
      overflow: slide.hasAttribute('data-lectern-overflow') ? Number(slide.getAttribute('data-lectern-overflow')) : Math.max(0, slide.scrollHeight - slide.clientHeight - 1, slide.scrollWidth - slide.clientWidth - 1),
      scaled: slide.getAttribute('data-lectern-scale'),
      lowContrast,
      brokenWords,
      minimum: Math.round(minimum * 100) / 100,
      texts: seen.size
    })
  }
  return results
})()`

const themes = listThemes().map((theme) => theme.name)

describeBrowser('built-in themes in Chromium', () => {
  let browser: Browser
  const work = temporaryFolder('lectern-themes-')
  const decks: Array<{theme: string; deck: string; output: string; auto: boolean}> = []

  beforeAll(async () => {
    const typography = path.join(work.dir, 'headings.md')
    writeFileSync(typography, headingsDeck)
    const inputs: Array<[string, string]> = [
      ['seed', seedDeck],
      ['sample', path.join(root, 'themes', 'sample.md')],
      ['headings', typography],
      ...['zh-table-code', 'en-long-content', 'en-bold-terms', 'en-deep-headings', 'explicit-zh', 'rich-content'].map(
        (name): [string, string] => [name, path.join(root, 'test', 'fixtures', name, 'input.md')]
      )
    ]
    for (const theme of themes) {
      for (const [deck, input] of inputs) {
        const outDir = path.join(work.dir, 'out', theme, deck)
        mkdirSync(outDir, {recursive: true})
        const result = await build([input], {outDir, theme})
        const output = result.decks[0].output
        if (!output) throw new Error(`${deck} did not build in ${theme}: ${result.files[0].messages.join('; ')}`)
        decks.push({theme, deck, output, auto: result.decks[0].deck?.mode === 'auto'})
      }
    }
    browser = await launchBrowser()
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    work.remove()
  })

  async function measureDeck(output: string): Promise<SlideMeasure[]> {
    const {page, errors} = await openDeck(browser, output)
    try {
      const slides = (await page.evaluate(measure)) as SlideMeasure[]
      expect(errors, `${output}: errors`).toEqual([])
      return slides
    } finally {
      await page.close()
    }
  }

  it('should have at least four built-in themes', () => {
    expect(themes.length).toBeGreaterThanOrEqual(4)
    expect(themes).toEqual(expect.arrayContaining(['light', 'dark', 'serif', 'bold']))
  })

  it('should catch low contrast, overflow and broken heading words (a deliberately bad theme)', async () => {
    const bad = path.join(work.dir, 'bad.css')
    writeFileSync(
      bad,
      [
        '@import "light";',
        ':root { --lectern-muted: #b0b0b0; --lectern-code-label: #d0d0d0; --r-main-font-size: 64px; }',
        '.reveal h2 { word-break: break-all; overflow-wrap: anywhere; text-wrap: wrap; }'
      ].join('\n')
    )
    const measured: SlideMeasure[] = []
    for (const input of [path.join(work.dir, 'headings.md'), path.join(root, 'test', 'fixtures', 'en-long-content', 'input.md')]) {
      const result = await build([input], {outDir: path.join(work.dir, 'bad', path.basename(path.dirname(input))), theme: bad})
      measured.push(...(await measureDeck(result.decks[0].output!)))
    }
    const low = measured.flatMap((slide) => slide.lowContrast.map((entry) => entry.element))
    expect(low).toContain('p.lectern-subtitle')
    expect(low).toContain('span.slide-number-a')
    expect(low.filter((element) => element.endsWith('::before')).length).toBeGreaterThan(0)
    expect(measured.flatMap((slide) => slide.brokenWords).length).toBeGreaterThan(0)
    expect(measured.some((slide) => slide.overflow > 0)).toBe(true)
  })

  for (const theme of themes) {
    it(`should give every text on every slide 4.5:1 contrast, fit every slide and keep heading words whole in \`${theme}\``, async () => {
      for (const {deck, output, auto} of decks.filter((entry) => entry.theme === theme)) {
        const slides = await measureDeck(output)
        expect(slides.length, deck).toBeGreaterThan(1)
        for (const slide of slides) {
          const where = `${theme} ${deck} #${slide.id}`
          expect(slide.texts, `${where} shows text`).toBeGreaterThan(0)
          expect(slide.lowContrast, `${where} contrast`).toEqual([])
          expect(slide.overflow, `${where} overflows`).toBe(0)
          expect(slide.brokenWords, `${where} heading words`).toEqual([])
        }
        // The seed deck fits without the page having to shrink anything: the
        // theme's @metrics tell the build-time splitter its real sizes.
        if (deck === 'seed') expect(slides.filter((slide) => slide.scaled).map((slide) => slide.id), `${theme} seed scaled`).toEqual([])
        // So does every other article (auto mode); the headings deck's deliberately
        // long title is one slide that cannot be split, and may shrink.
        if (auto && deck !== 'headings') expect(slides.filter((slide) => slide.scaled).map((slide) => slide.id), `${theme} ${deck} scaled`).toEqual([])
      }
    }, 180_000)
  }
})
