/**
 * A built deck opened from file:// in real Chromium, as an audience sees it.
 */
import {copyFileSync, existsSync, mkdirSync, readdirSync} from 'node:fs'
import path from 'node:path'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {launchBrowser} from '../../src/browser/launch.js'
import {build} from '../../src/build/build.js'
import {describeBrowser, openDeck} from '../util/browser.js'
import {root, seedDeck, temporaryFolder} from '../util/fixtures.js'

interface SlideReport {
  id: string
  title: string
  notes: string
  overflow: number
  scaled: boolean
  notesVisible: boolean
}

describeBrowser('built deck in Chromium', () => {
  let browser: Browser
  const work = temporaryFolder()
  const decks: string[] = []

  beforeAll(async () => {
    const input = path.join(work.dir, 'in')
    const fixtures = path.join(root, 'test', 'fixtures')
    // The seed deck plus articles of other shapes: English, Chinese, deep, flat, tables, code.
    mkdirSync(input)
    copyFileSync(seedDeck, path.join(input, 'seed.md'))
    for (const name of readdirSync(fixtures).sort()) {
      // A fixture folder without input.md (expected output only) is not a deck.
      if (name.startsWith('seed') || name.startsWith('explicit') || !existsSync(path.join(fixtures, name, 'input.md'))) continue
      copyFileSync(path.join(fixtures, name, 'input.md'), path.join(input, `${name}.md`))
    }
    const result = await build([input], {outDir: path.join(work.dir, 'out')})
    // Articles (auto mode) must have notes on every slide; explicit decks have what their authors wrote.
    for (const deck of result.decks) if (deck.output && deck.deck?.mode === 'auto') decks.push(deck.output)
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    work.remove()
  })

  async function open(file: string) {
    const {page, errors, outside} = await openDeck(browser, file)
    const slides = await page.evaluate((): SlideReport[] => {
      const reveal = (window as unknown as {Reveal: {getSlides(): HTMLElement[]; getSlideNotes(slide: HTMLElement): string}}).Reveal
      return reveal.getSlides().map((slide) => {
        slide.style.display = 'block'
        const report = {
          id: slide.id,
          title: slide.querySelector('h1, h2')?.textContent?.trim() ?? '',
          notes: reveal.getSlideNotes(slide) ?? '',
          overflow: slide.scrollHeight - slide.clientHeight,
          scaled: slide.hasAttribute('data-lectern-scale'),
          notesVisible: [...slide.querySelectorAll('aside.notes')].some((aside) => (aside as HTMLElement).offsetHeight > 0)
        }
        slide.style.display = ''
        return report
      })
    })
    return {page, errors, outside, slides}
  }

  it('should build every deck', () => {
    expect(decks.length).toBeGreaterThanOrEqual(6)
  })

  it('should open each deck offline with no console error, no outside request, notes on every slide and nothing overflowing or shrunk', async () => {
    for (const deck of decks) {
      const {page, errors, outside, slides} = await open(deck)
      const name = path.basename(path.dirname(deck))
      expect(errors, name).toEqual([])
      expect(outside, name).toEqual([])
      expect(slides.length, name).toBeGreaterThan(1)
      for (const slide of slides) {
        expect(slide.notes.trim(), `${name} ${slide.id}`).not.toBe('')
        expect(slide.notesVisible, `${name} ${slide.id}`).toBe(false)
        expect(slide.overflow, `${name} ${slide.id} overflows`).toBeLessThanOrEqual(1)
        expect(slide.scaled, `${name} ${slide.id} shrunk`).toBe(false)
      }
      await page.close()
    }
  })

  it('should show the seed deck at full size, with the slides, titles and notes reveal.js reports', async () => {
    const seed = decks.find((deck) => deck.includes(`${path.sep}seed${path.sep}`))!
    const {page, slides} = await open(seed)
    expect(slides.map((slide) => slide.title)).toEqual([
      '什么是大模型', '什么是大模型?', '规模庞大的数据集', '复杂的模型结构',
      '大模型的应用场景', '自然语言处理', '计算机视觉', '推荐系统', '医疗健康',
      '常见的大模型技术', '分布式训练', '模型压缩', '增量学习', '模型并行', '模型优化',
      '实例分析:深度学习语言模型GPT-3'
    ])
    // Nothing had to shrink: the build-time split already made every slide fit.
    expect(slides.filter((slide) => slide.scaled).map((slide) => slide.id)).toEqual([])
    // Navigating by stable id lands on that slide.
    await page.evaluate(() => {
      window.location.hash = '#/模型压缩'
    })
    await page.waitForFunction(() => (window as unknown as {Reveal: {getCurrentSlide(): HTMLElement}}).Reveal.getCurrentSlide().id === '模型压缩')
    const indices = await page.evaluate(() => (window as unknown as {Reveal: {getIndices(): {h: number; v: number}}}).Reveal.getIndices())
    expect(indices).toEqual({h: 3, v: 2, f: undefined})
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
    await page.close()
  })
})
