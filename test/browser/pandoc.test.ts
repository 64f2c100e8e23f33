/**
 * Pandoc / Quarto decks in real Chromium: columns sit side by side at their
 * widths, and pauses and incremental lists reveal step by step.
 */
import {copyFileSync, mkdirSync} from 'node:fs'
import path from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {launchBrowser} from '../../src/browser/launch.js'
import {buildDecks, describeBrowser, openDeck} from '../util/browser.js'
import {root, temporaryFolder} from '../util/fixtures.js'

describeBrowser('pandoc and Quarto decks in Chromium', () => {
  let browser: Browser
  const work = temporaryFolder('lectern-pandoc-')
  let output = new Map<string, string>()

  beforeAll(async () => {
    const input = path.join(work.dir, 'in')
    mkdirSync(input)
    for (const name of ['pandoc-explicit', 'pandoc-auto']) copyFileSync(path.join(root, 'test', 'fixtures', name, 'input.md'), path.join(input, `${name}.md`))
    output = await buildDecks([input], path.join(work.dir, 'out'))
    browser = await launchBrowser()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    work.remove()
  })

  async function open(name: string): Promise<Page> {
    return (await openDeck(browser, output.get(name)!)).page
  }

  async function show(page: Page, id: string): Promise<void> {
    await page.evaluate((id) => {
      const reveal = (window as unknown as {Reveal: {getIndices(s: Element): {h: number; v: number}; slide(h: number, v?: number, f?: number): void}}).Reveal
      const {h, v} = reveal.getIndices(document.getElementById(id)!)
      reveal.slide(h, v, -1)
    }, id)
    await page.waitForTimeout(600)
  }

  /** Opacity of each `.fragment` on the current slide (reveal.js shows a fragment by making it visible). */
  const visible = (page: Page, id: string) =>
    page.evaluate((id) => [...document.getElementById(id)!.querySelectorAll('.fragment')].map((f) => getComputedStyle(f).opacity === '1'), id)

  it('should set columns side by side at their widths', async () => {
    const page = await open('pandoc-explicit')
    await show(page, 'columns')
    const boxes = await page.evaluate(() => [...document.querySelectorAll('#columns .column')].map((c) => c.getBoundingClientRect().toJSON() as DOMRect))
    expect(boxes).toHaveLength(2)
    // Same row, left before right, widths 40:60 (the gap shared out).
    expect(Math.abs(boxes[0].top - boxes[1].top)).toBeLessThan(2)
    expect(boxes[0].right).toBeLessThanOrEqual(boxes[1].left)
    expect(boxes[1].width / boxes[0].width).toBeGreaterThan(1.35)
    expect(boxes[1].width / boxes[0].width).toBeLessThan(1.65)
    await page.screenshot({path: path.join(root, '.work', 'pandoc-columns.png')})
    await page.close()
  })

  it('should reveal pauses and incremental lists step by step', async () => {
    const page = await open('pandoc-explicit')
    await show(page, 'pauses')
    expect(await visible(page, 'pauses')).toEqual([false, false])
    await page.screenshot({path: path.join(root, '.work', 'pandoc-pause-0.png')})
    await page.keyboard.press('ArrowRight')
    await page.waitForTimeout(600)
    expect(await visible(page, 'pauses')).toEqual([true, false])
    await page.keyboard.press('ArrowRight')
    await page.waitForTimeout(600)
    expect(await visible(page, 'pauses')).toEqual([true, true])
    await page.screenshot({path: path.join(root, '.work', 'pandoc-pause-2.png')})
    await show(page, 'plan')
    expect(await visible(page, 'plan')).toEqual([false, false, false])
    await page.keyboard.press('ArrowRight')
    await page.waitForTimeout(600)
    expect(await visible(page, 'plan')).toEqual([true, false, false])
    await page.close()
  })

  it('should show a table in a column and code after a pause in auto mode', async () => {
    const page = await open('pandoc-auto')
    const ids = await page.evaluate(() => [...document.querySelectorAll('section .columns')].map((c) => c.closest('section')!.id))
    await show(page, ids[0])
    const boxes = await page.evaluate(() => [...document.querySelectorAll('.columns .column')].map((c) => c.getBoundingClientRect().toJSON() as DOMRect))
    expect(boxes[1].width / boxes[0].width).toBeGreaterThan(2)
    expect(Math.abs(boxes[0].top - boxes[1].top)).toBeLessThan(2)
    await page.screenshot({path: path.join(root, '.work', 'pandoc-auto-columns.png')})
    await page.close()
  })
})
