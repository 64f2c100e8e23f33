/**
 * Author syntax and rich content in real Chromium: decks written for
 * reveal.js/reveal-md and an article with code, math and pictures, built
 * and opened from file:// as an audience sees them.
 */
import {copyFileSync, cpSync, mkdirSync} from 'node:fs'
import path from 'node:path'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {launchBrowser} from '../../src/browser/launch.js'
import {buildDecks, describeBrowser, openDeck} from '../util/browser.js'
import {root, temporaryFolder} from '../util/fixtures.js'

interface RevealApi {
  getSlides(): HTMLElement[]
  getIndices(slide?: HTMLElement): {h: number; v: number; f?: number}
  slide(h: number, v?: number, f?: number): void
  getCurrentSlide(): HTMLElement
  getSlideBackground(slide: HTMLElement): HTMLElement
}

describeBrowser('author syntax and rich content in Chromium', () => {
  let browser: Browser
  const work = temporaryFolder()
  let outputs = new Map<string, string>()

  beforeAll(async () => {
    const input = path.join(work.dir, 'in')
    mkdirSync(input)
    const names = ['explicit-reveal-md', 'explicit-zh', 'rich-content']
    for (const name of names) copyFileSync(path.join(root, 'test', 'fixtures', name, 'input.md'), path.join(input, `${name}.md`))
    cpSync(path.join(root, 'test', 'fixtures', 'rich-content', 'media'), path.join(input, 'media'), {recursive: true})
    outputs = await buildDecks(names.map((name) => path.join(input, `${name}.md`)), path.join(work.dir, 'out'), input)
    browser = await launchBrowser()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    work.remove()
  })

  const open = (name: string) => openDeck(browser, outputs.get(name)!)

  it('should build a reveal-md deck as its author meant it', async () => {
    const {page, errors, outside} = await open('explicit-reveal-md')
    const report = await page.evaluate(() => {
      const reveal = (window as unknown as {Reveal: RevealApi}).Reveal
      const slides = reveal.getSlides()
      const byTitle = (title: string) => slides.find((slide) => slide.querySelector('h1, h2, h3')?.textContent === title)!
      const architecture = byTitle('The architecture')
      reveal.slide(reveal.getIndices(architecture).h, reveal.getIndices(architecture).v)
      const background = getComputedStyle(reveal.getSlideBackground(architecture)).backgroundColor
      const parsing = byTitle('Parsing')
      reveal.slide(reveal.getIndices(parsing).h, reveal.getIndices(parsing).v)
      const keyword = parsing.querySelector('.hljs-keyword')!
      const pre = parsing.querySelector('pre')!
      return {
        count: slides.length,
        caching: reveal.getIndices(byTitle('Caching')),
        background,
        architectureClass: architecture.className,
        notesShown: [...document.querySelectorAll('aside.notes')].filter((aside) => (aside as HTMLElement).offsetHeight > 0).length,
        notesCount: document.querySelectorAll('aside.notes').length,
        fragments: [...byTitle('Why another generator?').querySelectorAll('li')].map((li) => li.classList.contains('fragment')),
        keywordColor: getComputedStyle(keyword).color,
        codeColor: getComputedStyle(pre).color,
        label: getComputedStyle(pre, '::before').content,
        preFits: pre.scrollWidth <= pre.clientWidth,
        transition: (window as unknown as {Reveal: {getConfig(): {transition: string}}}).Reveal.getConfig().transition,
        zoom: byTitle('Thank you').getAttribute('data-transition')
      }
    })
    expect(report.count).toBe(7)
    expect(report.caching).toEqual({h: 2, v: 2, f: undefined})
    expect(report.background).toBe('rgb(30, 41, 59)')
    expect(report.architectureClass).toMatch(/\binverse\b/)
    expect(report.notesCount).toBeGreaterThanOrEqual(4)
    expect(report.notesShown).toBe(0)
    expect(report.fragments).toEqual([true, true, true])
    expect(report.keywordColor).toBe('rgb(207, 34, 46)')
    expect(report.keywordColor).not.toBe(report.codeColor)
    expect(report.label).toBe('"ts"')
    expect(report.preFits).toBe(true)
    expect(report.transition).toBe('fade')
    expect(report.zoom).toBe('zoom')
    expect(outside).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('should show fragments one at a time', async () => {
    const {page} = await open('explicit-reveal-md')
    const visible = await page.evaluate(async () => {
      const reveal = (window as unknown as {Reveal: RevealApi & {next(): void}}).Reveal
      const slide = reveal.getSlides().find((s) => s.querySelector('h2')?.textContent === 'Why another generator?')!
      reveal.slide(reveal.getIndices(slide).h, 0, -1)
      const counts: number[] = []
      for (let step = 0; step < 3; step++) {
        counts.push(slide.querySelectorAll('.fragment.visible').length)
        reveal.next()
      }
      counts.push(slide.querySelectorAll('.fragment.visible').length)
      return counts
    })
    expect(visible).toEqual([0, 1, 2, 3])
    await page.close()
  })

  it('should typeset math with fonts from the deck folder, and show a local image', async () => {
    const {page, errors, outside, requested} = await open('rich-content')
    const report = await page.evaluate(async () => {
      const reveal = (window as unknown as {Reveal: RevealApi}).Reveal
      const slides = reveal.getSlides()
      const math = slides.find((slide) => slide.querySelector('.katex'))!
      reveal.slide(reveal.getIndices(math).h, reveal.getIndices(math).v)
      await document.fonts.ready
      const image = document.querySelector<HTMLImageElement>('.slides img')!
      const imageSlide = image.closest('section')!
      reveal.slide(reveal.getIndices(imageSlide).h, reveal.getIndices(imageSlide).v)
      if (!image.complete) await new Promise((resolve) => image.addEventListener('load', resolve, {once: true}))
      const code = slides.find((slide) => slide.querySelector('pre'))!
      reveal.slide(reveal.getIndices(code).h, reveal.getIndices(code).v)
      const pre = code.querySelector('pre')!
      return {
        katex: document.querySelectorAll('.slides .katex').length,
        katexFonts: [...document.fonts].filter((font) => font.family.includes('KaTeX') && font.status === 'loaded').length,
        mathFont: getComputedStyle(math.querySelector('.katex .mathnormal')!).fontFamily,
        imageWidth: image.naturalWidth,
        imageSource: image.getAttribute('src'),
        missing: document.querySelector('.lectern-missing-image')?.textContent,
        preFits: pre.scrollWidth <= pre.clientWidth + 1 && code.scrollWidth <= code.clientWidth + 1,
        footnote: code.querySelector('.lectern-footnotes')?.textContent?.trim()
      }
    })
    expect(report.katex).toBeGreaterThanOrEqual(2)
    expect(report.katexFonts).toBeGreaterThan(0)
    expect(report.mathFont).toMatch(/KaTeX_Math/)
    expect(requested.some((url) => /assets\/katex\/fonts\/KaTeX_[\w-]+\.woff2$/.test(url))).toBe(true)
    expect(report.imageWidth).toBe(320)
    expect(report.imageSource).toMatch(/^assets\/media\/[\da-f]{16}\.png$/)
    expect(report.missing).toBe('Missing diagram')
    expect(report.preFits).toBe(true)
    expect(report.footnote).toBe('Decorators add about 40 ns per call.')
    expect(requested.some((url) => url.includes('nowhere'))).toBe(false)
    expect(outside).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('should build a Chinese explicit deck with a stack, math and notes', async () => {
    const {page, errors, outside} = await open('explicit-zh')
    const report = await page.evaluate(() => {
      const reveal = (window as unknown as {Reveal: RevealApi}).Reveal
      const slides = reveal.getSlides()
      const byTitle = (title: string) => slides.find((slide) => slide.querySelector('h1, h2')?.textContent === title)!
      const distance = byTitle('常见的距离')
      reveal.slide(reveal.getIndices(distance).h, 0)
      return {
        lang: document.documentElement.lang,
        indices: ['索引方法', '代码示例'].map((title) => reveal.getIndices(byTitle(title))),
        background: getComputedStyle(reveal.getSlideBackground(distance)).backgroundColor,
        katex: distance.querySelectorAll('.katex').length,
        notes: byTitle('索引方法').querySelector('aside.notes')?.textContent?.trim(),
        notesShown: [...document.querySelectorAll('aside.notes')].filter((aside) => (aside as HTMLElement).offsetHeight > 0).length
      }
    })
    expect(report.lang).toBe('zh-CN')
    expect(report.indices).toEqual([
      {h: 2, v: 1, f: undefined},
      {h: 2, v: 2, f: undefined}
    ])
    expect(report.background).toBe('rgb(15, 23, 42)')
    expect(report.katex).toBe(2)
    expect(report.notes).toBe('HNSW 是目前最常用的方法，内存占用较大。')
    expect(report.notesShown).toBe(0)
    expect(outside).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })
})
