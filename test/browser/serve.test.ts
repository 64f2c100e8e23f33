/**
 * `serve` in real Chromium: an edit reaches the open page and keeps the slide
 * (by its id, even when a slide is inserted before it), a broken save shows an
 * overlay over the last good deck and fixing it clears it, theme and image
 * edits arrive, and the speaker view keeps working across updates.
 */
import {copyFileSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {launchBrowser} from '../../src/browser/launch.js'
import {serve, type ServeHandle} from '../../src/serve/serve.js'
import {describeBrowser, previewSlideIds, waitForFitted} from '../util/browser.js'
import {seedDeck, temporaryFolder} from '../util/fixtures.js'

const english = `---
title: Live reload
theme: ./custom.css
---

# Live reload

A deck for testing what happens while the author edits.

## Alpha

- one
- two

Alpha notes are here for the speaker.

## Beta

- three
- four

![picture](img/pic.svg)

Beta notes say something about three and four.

## Gamma

| a | b |
| - | - |
| 1 | 2 |

Gamma notes close the deck.
`

const explicit = `# Steps

---

## Build

- Parse <!-- .element: class="fragment" -->
- Render <!-- .element: class="fragment" -->
- Ship <!-- .element: class="fragment" -->

Note: Three steps, one at a time.

---

## End

- Thanks
`

const theme = (color: string) => `@import "light";\n.reveal h2 { color: ${color}; }\n`
const svg = (width: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="50"><rect width="${width}" height="50" fill="teal"/></svg>\n`

interface Current {
  id: string
  h: number
  v: number
  text: string
}

describeBrowser('lectern serve in Chromium', () => {
  const work = temporaryFolder()
  const deckFile = path.join(work.dir, 'en', 'deck.md')
  const seedFile = path.join(work.dir, 'zh', 'seed.md')
  let browser: Browser
  let server: ServeHandle
  let chinese: ServeHandle
  let steps: ServeHandle
  const stepsFile = path.join(work.dir, 'steps', 'steps.md')

  beforeAll(async () => {
    mkdirSync(path.join(work.dir, 'en', 'img'), {recursive: true})
    mkdirSync(path.join(work.dir, 'zh'))
    mkdirSync(path.join(work.dir, 'steps'))
    writeFileSync(stepsFile, explicit)
    writeFileSync(deckFile, english)
    writeFileSync(path.join(work.dir, 'en', 'custom.css'), theme('rgb(1, 2, 3)'))
    writeFileSync(path.join(work.dir, 'en', 'img', 'pic.svg'), svg(100))
    copyFileSync(seedDeck, seedFile)
    server = await serve(deckFile, {port: 0, cwd: work.dir})
    chinese = await serve(seedFile, {port: 0, cwd: work.dir})
    steps = await serve(stepsFile, {port: 0, cwd: work.dir})
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await chinese?.close()
    await steps?.close()
    work.remove()
  })

  async function open(url: string, hash: string): Promise<Page> {
    const page = await browser.newPage({viewport: {width: 1280, height: 720}})
    await page.goto(`${url}#/${hash}`)
    await waitForFitted(page)
    // A marker that survives only if the page is updated in place, not reloaded.
    await page.evaluate(() => {
      ;(window as unknown as {kept: boolean}).kept = true
    })
    return page
  }

  function current(page: Page): Promise<Current> {
    return page.evaluate(() => {
      const reveal = (window as unknown as {Reveal: {getCurrentSlide(): HTMLElement; getIndices(): {h: number; v: number}}}).Reveal
      const slide = reveal.getCurrentSlide()
      const at = reveal.getIndices()
      return {id: slide.id, h: at.h, v: at.v, text: slide.textContent ?? ''}
    })
  }

  /** The id of the slide after a slide, in reveal.js's order. */
  function nextId(page: Page, id: string): Promise<string> {
    return page.evaluate((id) => {
      const ids = Array.from(document.querySelectorAll('.reveal .slides section'))
        .filter((section) => !section.querySelector('section'))
        .map((section) => section.id)
      return ids[ids.indexOf(id) + 1]
    }, id)
  }

  function kept(page: Page): Promise<boolean> {
    return page.evaluate(() => (window as unknown as {kept?: boolean}).kept === true)
  }

  function edit(file: string, from: string | RegExp, to: string): void {
    const before = readFileSync(file, 'utf8')
    const after = before.replace(from, to)
    expect(after).not.toBe(before)
    writeFileSync(file, after)
  }

  it('should keep the slide by its id when its text changes, and when a slide is inserted before it', async () => {
    const page = await open(server.url, 'beta')
    const before = await current(page)
    expect(before.id).toBe('beta')

    edit(deckFile, '- three\n', '- three, edited\n')
    await page.waitForFunction(() => document.getElementById('beta')?.textContent?.includes('three, edited'), undefined, {timeout: 20_000})
    const afterEdit = await current(page)
    expect({id: afterEdit.id, h: afterEdit.h, v: afterEdit.v}).toEqual({id: 'beta', h: before.h, v: before.v})
    expect(afterEdit.text).toContain('three, edited')
    expect(await kept(page)).toBe(true)

    edit(deckFile, '## Beta\n', '## Inserted\n\n- new item\n\nInserted notes.\n\n## Beta\n')
    await page.waitForFunction(() => document.getElementById('inserted') !== null, undefined, {timeout: 20_000})
    const afterInsert = await current(page)
    expect({id: afterInsert.id, h: afterInsert.h}).toEqual({id: 'beta', h: before.h + 1})
    expect(await kept(page)).toBe(true)
    // The URL follows the slide, so a reload lands on it too.
    expect(new URL(page.url()).hash).toBe('#/beta')
    await page.close()
  })

  it('should show an overlay with file:line over the last good deck on a broken save, and clear it on a fix', async () => {
    const page = await open(server.url, 'gamma')
    edit(deckFile, 'title: Live reload\n', 'title: Live reload\nduration: soon\n')
    await page.waitForSelector('#lectern-overlay', {timeout: 20_000})
    const overlay = await page.textContent('#lectern-overlay')
    expect(overlay).toContain('en/deck.md:3:1: Unexpected string for `duration`, expected number (front-matter-type)')
    // The last good deck stays, on the same slide.
    expect((await current(page)).id).toBe('gamma')
    expect(await page.evaluate(() => document.querySelectorAll('.reveal .slides section').length)).toBeGreaterThan(3)

    // A page opened while the deck is broken shows the overlay too.
    const late = await browser.newPage()
    await late.goto(server.url)
    await late.waitForSelector('#lectern-overlay', {timeout: 20_000})
    await late.close()

    edit(deckFile, 'duration: soon\n', '')
    edit(deckFile, 'Gamma notes close the deck.', 'Gamma notes close the deck, fixed.')
    await page.waitForSelector('#lectern-overlay', {state: 'detached', timeout: 20_000})
    await page.waitForFunction(() => document.querySelector('#gamma aside.notes')?.textContent?.includes('fixed'), undefined, {timeout: 20_000})
    expect((await current(page)).id).toBe('gamma')
    expect(await kept(page)).toBe(true)
    await page.close()
  })

  it('should apply theme and image edits without reloading', async () => {
    const page = await open(server.url, 'beta')
    const color = () => page.evaluate(() => getComputedStyle(document.querySelector('#beta h2')!).color)
    const width = () => page.evaluate(() => (document.querySelector('#beta img') as HTMLImageElement).naturalWidth)
    expect(await color()).toBe('rgb(1, 2, 3)')
    await page.waitForFunction(() => (document.querySelector('#beta img') as HTMLImageElement | null)?.naturalWidth === 100)

    writeFileSync(path.join(work.dir, 'en', 'custom.css'), theme('rgb(4, 5, 6)'))
    await page.waitForFunction(() => getComputedStyle(document.querySelector('#beta h2')!).color === 'rgb(4, 5, 6)', undefined, {timeout: 20_000})
    writeFileSync(path.join(work.dir, 'en', 'img', 'pic.svg'), svg(200))
    await page.waitForFunction(() => (document.querySelector('#beta img') as HTMLImageElement | null)?.naturalWidth === 200, undefined, {timeout: 20_000})
    expect(await width()).toBe(200)
    expect((await current(page)).id).toBe('beta')
    expect(await kept(page)).toBe(true)
    await page.close()
  })

  it('should open the speaker view with notes, both slides, clock and pacing, and keep it in step after an edit', async () => {
    const page = await open(server.url, 'alpha')
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')])
    const notes = () => popup.evaluate(() => document.querySelector('.speaker-controls-notes .value')?.textContent ?? '')
    await popup.waitForFunction(() => document.querySelector('.speaker-controls-notes .value')?.textContent?.includes('Alpha notes'), undefined, {timeout: 20_000})
    await popup.waitForFunction(() => (document.querySelector('.pacing') as HTMLElement | null)?.style.display !== 'none', undefined, {timeout: 20_000})
    const view = await popup.evaluate(() => ({
      clock: document.querySelector('.clock-value')?.textContent ?? '',
      timer: document.querySelector('.speaker-controls-time .timer')?.textContent ?? '',
      frames: document.querySelectorAll('#current-slide iframe, #upcoming-slide iframe').length
    }))
    expect(view.clock).toMatch(/\d/)
    expect(view.timer).toMatch(/\d\d:\d\d/)
    expect(view.frames).toBe(2)
    const frameSlides = () => previewSlideIds(popup)
    await expect.poll(frameSlides, {timeout: 20_000}).toEqual(['alpha', await nextId(page, 'alpha')])

    // An edit of the notes reaches the speaker view; the previews follow an insertion.
    edit(deckFile, 'Alpha notes are here for the speaker.', 'Alpha notes, rewritten while presenting.')
    await expect.poll(notes, {timeout: 20_000}).toContain('rewritten while presenting')
    edit(deckFile, '## Alpha\n', '## Zero\n\n- nothing\n\nZero notes.\n\n## Alpha\n')
    await page.waitForFunction(() => document.getElementById('zero') !== null, undefined, {timeout: 20_000})
    expect((await current(page)).id).toBe('alpha')
    await expect.poll(frameSlides, {timeout: 20_000}).toEqual(['alpha', await nextId(page, 'alpha')])
    await expect.poll(notes, {timeout: 20_000}).toContain('rewritten while presenting')
    await popup.close()
    await page.close()
  })

  it('should reload onto the same slide when the page itself changes (reveal.js options)', async () => {
    const page = await open(server.url, 'gamma')
    edit(deckFile, 'title: Live reload\n', 'title: Live reload\ntransition: fade\n')
    await page.waitForFunction(() => (window as unknown as {Reveal?: {isReady(): boolean; getConfig(): {transition: string}}}).Reveal?.isReady() && (window as unknown as {Reveal: {getConfig(): {transition: string}}}).Reveal.getConfig().transition === 'fade', undefined, {timeout: 20_000})
    await waitForFitted(page)
    expect(await kept(page)).toBe(false)
    expect((await current(page)).id).toBe('gamma')
    edit(deckFile, 'transition: fade\n', '')
    await page.waitForFunction(() => (window as unknown as {Reveal?: {isReady(): boolean; getConfig(): {transition: string}}}).Reveal?.isReady() && (window as unknown as {Reveal: {getConfig(): {transition: string}}}).Reveal.getConfig().transition !== 'fade', undefined, {timeout: 20_000})
    await page.close()
  })

  it('should keep the fragment shown when the slide is edited', async () => {
    const page = await open(steps.url, 'build')
    await page.evaluate(() => {
      const reveal = (window as unknown as {Reveal: {nextFragment(): void}}).Reveal
      reveal.nextFragment()
      reveal.nextFragment()
    })
    const fragment = () => page.evaluate(() => (window as unknown as {Reveal: {getIndices(): {f?: number}}}).Reveal.getIndices().f)
    expect(await fragment()).toBe(1)
    edit(stepsFile, '- Render', '- Render it')
    await page.waitForFunction(() => document.getElementById('build')?.textContent?.includes('Render it'), undefined, {timeout: 20_000})
    expect((await current(page)).id).toBe('build')
    expect(await fragment()).toBe(1)
    expect(await page.evaluate(() => document.querySelectorAll('#build .fragment.visible').length)).toBe(2)
    expect(await kept(page)).toBe(true)
    await page.close()
  })

  it('should replace only the edited slide, and fit it again', async () => {
    const page = await open(steps.url, 'build')
    // A property on every slide element: it survives only where the element is kept.
    await page.evaluate(() => {
      for (const section of document.querySelectorAll('.reveal .slides > section')) (section as unknown as {mark: string}).mark = section.id
    })
    const marked = () =>
      page.evaluate(() => Array.from(document.querySelectorAll('.reveal .slides > section'), (section) => (section as unknown as {mark?: string}).mark ?? null))
    expect(await marked()).toEqual(['steps', 'build', 'end'])
    // Enough lines that the slide shrinks to fit.
    const lines = Array.from({length: 16}, (_, index) => `- Thanks to contributor number ${index + 1}`).join('\n')
    edit(stepsFile, '- Thanks', lines)
    await page.waitForFunction(() => document.getElementById('end')?.textContent?.includes('number 16'), undefined, {timeout: 20_000})
    expect(await marked()).toEqual(['steps', 'build', null])
    const end = await page.evaluate(() => ({
      scale: Number(document.getElementById('end')?.getAttribute('data-lectern-scale') ?? 1),
      overflow: document.getElementById('end')?.hasAttribute('data-lectern-overflow')
    }))
    expect(end.scale).toBeLessThan(1)
    expect(end.scale).toBeGreaterThanOrEqual(0.6)
    expect(end.overflow).toBe(false)
    expect((await current(page)).id).toBe('build')
    expect(await kept(page)).toBe(true)
    edit(stepsFile, lines, '- Thanks')
    await page.waitForFunction(() => !document.getElementById('end')?.textContent?.includes('number 16'), undefined, {timeout: 20_000})
    expect(await page.evaluate(() => document.getElementById('end')?.hasAttribute('data-lectern-scale'))).toBe(false)
    expect(await marked()).toEqual(['steps', 'build', null])
    await page.close()
  })

  it('should keep the slide of a Chinese deck when it is edited', async () => {
    const page = await open(chinese.url, '大模型的应用场景')
    const before = await current(page)
    expect(before.id).toBe('大模型的应用场景')
    edit(seedFile, '## 大模型的应用场景\n', '## 新插入的一节\n\n- 新的内容\n\n新的备注。\n\n## 大模型的应用场景\n')
    await page.waitForFunction(() => document.getElementById('新插入的一节') !== null, undefined, {timeout: 20_000})
    const after = await current(page)
    expect({id: after.id, h: after.h}).toEqual({id: before.id, h: before.h + 1})
    expect(await kept(page)).toBe(true)
    await page.close()
  })
})
