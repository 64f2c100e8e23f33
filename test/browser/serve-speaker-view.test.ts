/**
 * reveal.js's speaker view (press S) in a built deck opened from file://, in
 * real Chromium: notes, current and next slide, clock, timer, and a pacing
 * timer that follows each slide's `data-timing`.
 */
import {copyFileSync, mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {launchBrowser} from '../../src/browser/launch.js'
import {buildDecks, describeBrowser, previewSlideIds, waitForFitted} from '../util/browser.js'
import {seedDeck, temporaryFolder} from '../util/fixtures.js'

const english = `# Pacing

A short talk.

## Why

- reasons

${'The speaker explains every reason at length, slowly and with care. '.repeat(12)}

## How

- steps

Short notes.
`

interface View {
  notes: string
  clock: string
  timer: string
  pacing: {shown: boolean; className: string; seconds: number}
  slides: string[]
}

async function speakerView(popup: Page): Promise<View> {
  const view = await popup.evaluate(() => {
    const pacing = document.querySelector('.pacing') as HTMLElement
    const [h, m, s] = ['hours', 'minutes', 'seconds'].map((unit) => Number(pacing.querySelector(`.${unit}-value`)?.textContent?.replace(/\D/g, '') || 0))
    return {
      notes: document.querySelector('.speaker-controls-notes .value')?.textContent?.trim() ?? '',
      clock: document.querySelector('.clock-value')?.textContent ?? '',
      timer: document.querySelector('.speaker-controls-time .timer')?.textContent?.replace(/\s+/g, '') ?? '',
      pacing: {shown: pacing.style.display !== 'none', className: pacing.className, seconds: h * 3600 + m * 60 + s}
    }
  })
  return {...view, slides: await previewSlideIds(popup)}
}

describeBrowser('speaker view from file://', () => {
  const work = temporaryFolder()
  let browser: Browser
  let pages = new Map<string, string>()

  beforeAll(async () => {
    const input = path.join(work.dir, 'in')
    mkdirSync(input)
    writeFileSync(path.join(input, 'pacing.md'), english)
    copyFileSync(seedDeck, path.join(input, 'seed.md'))
    pages = await buildDecks([input], path.join(work.dir, 'out'))
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    work.remove()
  })

  async function openSpeakerView(deck: string, slide: string) {
    const page = await browser.newPage({viewport: {width: 1280, height: 720}})
    await page.goto(`${pathToFileURL(pages.get(deck)!).href}#/${encodeURIComponent(slide)}`)
    await waitForFitted(page)
    const expected = await page.evaluate(() => {
      const reveal = (window as unknown as {Reveal: {getCurrentSlide(): HTMLElement}}).Reveal
      const leaves = Array.from(document.querySelectorAll('.reveal .slides section')).filter((section) => !section.querySelector('section'))
      const current = reveal.getCurrentSlide()
      const index = leaves.indexOf(current)
      return {
        notes: current.querySelector('aside.notes')?.textContent?.trim() ?? '',
        next: leaves[index + 1]?.id ?? '',
        // reveal.js's pacing: the time allotted to every slide up to and including this one.
        allotted: leaves.slice(0, index + 1).reduce((sum, section) => sum + Number(section.getAttribute('data-timing')), 0)
      }
    })
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')])
    await popup.waitForFunction(() => (document.querySelector('.pacing') as HTMLElement | null)?.style.display === '', undefined, {timeout: 20_000})
    await expect.poll(async () => (await speakerView(popup)).slides, {timeout: 20_000}).toEqual([slide, expected.next])
    await expect.poll(async () => (await speakerView(popup)).notes, {timeout: 20_000}).toBe(expected.notes)
    return {page, popup, expected}
  }

  it('should show notes, the current and next slide, the clock, the timer and pacing from data-timing (English)', async () => {
    const {page, popup, expected} = await openSpeakerView('pacing', 'why')
    const view = await speakerView(popup)
    expect(view.notes).toContain('The speaker explains every reason')
    expect(view.clock).toMatch(/\d{1,2}:\d\d/)
    expect(view.timer).toMatch(/^\d\d:\d\d:\d\d$/)
    expect(view.pacing.shown).toBe(true)
    // Nothing has been said yet: the time left is what the slides so far were given (a few seconds passed).
    expect(expected.allotted).toBeGreaterThan(40)
    expect(view.pacing.seconds).toBeLessThanOrEqual(expected.allotted)
    expect(view.pacing.seconds).toBeGreaterThan(expected.allotted - 15)
    await popup.close()
    await page.close()
  })

  it('should work for the Chinese seed deck on a vertical slide', async () => {
    const {page, popup, expected} = await openSpeakerView('seed', '自然语言处理')
    const view = await speakerView(popup)
    expect(view.notes).toBe(expected.notes)
    expect(view.notes).not.toBe('')
    expect(view.pacing.shown).toBe(true)
    // The slides up to this one were given time (a missing data-timing would count as 0).
    expect(expected.allotted).toBeGreaterThan(0)
    expect(view.pacing.seconds).toBeLessThanOrEqual(expected.allotted)
    expect(view.pacing.seconds).toBeGreaterThan(expected.allotted - 15)
    await popup.close()
    await page.close()
  })
})
