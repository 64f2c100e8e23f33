/**
 * Explicit mode keeps the author's slides: the page runtime (`lectern.js`)
 * shrinks what does not fit, never below the minimum, on every slide
 * (reveal.js hides most of them), and again when `window.lectern.fitAll()`
 * is called after slides change in place.
 */
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {launchBrowser} from '../../src/browser/launch.js'
import {writeDeck} from '../../src/output/deck-folder.js'
import {renderDeck, toFile} from '../../src/render/render.js'
import {minimumScale} from '../../src/deck/metrics.js'
import {chromiumPath, describeBrowser, waitForFitted} from '../util/browser.js'
import {temporaryFolder} from '../util/fixtures.js'

const list = (count: number) => Array.from({length: count}, (_, index) => `- Point ${index + 1} of a list written by hand`).join('\n')

const deck = `---
title: Written slide by slide
split: manual
---

# Written slide by slide

Note: Fits.

---

## A little too long

${list(13)}

Note: Shrunk a little.

---

## Far too long

${list(40)}

Note: Shrunk to the minimum, and still too tall.

---

## Above

Note: A stack.

--

## Below, hidden

${list(14)}

Note: Hidden by reveal.js until shown.
`

describeBrowser('lectern.js in explicit decks', () => {
  let browser: Browser
  let page: Page
  const folder = temporaryFolder()

  beforeAll(async () => {
    const file = toFile(deck, path.join(folder.dir, 'deck.md'))
    const rendered = await renderDeck(file)
    const html = await writeDeck(folder.dir, 'deck', rendered.html, rendered.assets)
    browser = await launchBrowser({browser: chromiumPath})
    page = await browser.newPage({viewport: {width: 1280, height: 720}})
    await page.goto(pathToFileURL(html).href)
    await waitForFitted(page)
  })

  afterAll(async () => {
    await browser?.close()
    folder.remove()
  })

  const state = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section:not(.stack)')).map((section) => ({
        id: section.id,
        scale: Number(section.getAttribute('data-lectern-scale') ?? 1),
        overflow: section.hasAttribute('data-lectern-overflow'),
        hidden: getComputedStyle(section).display === 'none'
      }))
    )

  it('should shrink only what does not fit, never below the minimum', async () => {
    const slides = await state()
    expect(slides.map((slide) => slide.id)).toEqual(['written-slide-by-slide', 'a-little-too-long', 'far-too-long', 'above', 'below-hidden'])
    const [title, little, far, above, below] = slides
    expect(title).toMatchObject({scale: 1, overflow: false})
    expect(above).toMatchObject({scale: 1, overflow: false})
    expect(little.scale).toBeGreaterThan(0.8)
    expect(little.scale).toBeLessThan(1)
    expect(little.overflow).toBe(false)
    expect(far).toMatchObject({scale: minimumScale, overflow: true})
    // reveal.js hides slides away from the current one; they are fitted all the same.
    expect(below.hidden).toBe(true)
    expect(below.scale).toBeLessThan(1)
    expect(below.overflow).toBe(false)
  })

  it('should take the largest scale that fits', async () => {
    const fits = await page.evaluate(() => {
      const lectern = (window as unknown as {lectern: {overflow(section: HTMLElement): number}}).lectern
      const section = document.getElementById('a-little-too-long')!
      const scale = Number(section.getAttribute('data-lectern-scale'))
      section.style.display = 'block'
      section.style.setProperty('--lectern-scale', String(scale + 0.01))
      const larger = lectern.overflow(section) <= 1
      section.style.setProperty('--lectern-scale', String(scale))
      const now = lectern.overflow(section) <= 1
      section.style.display = ''
      return {larger, now}
    })
    expect(fits).toEqual({larger: false, now: true})
  })

  it('should fit again when slides change in place and fitAll() is called', async () => {
    await page.evaluate((items) => {
      const section = document.getElementById('above')!
      const ul = document.createElement('ul')
      ul.innerHTML = items
      section.insertBefore(ul, section.querySelector('aside'))
      ;(window as unknown as {lectern: {fitAll(): void}}).lectern.fitAll()
    }, Array.from({length: 14}, (_, index) => `<li>Added point ${index}</li>`).join(''))
    expect((await state())[3].scale).toBeLessThan(1)
    await page.evaluate(() => {
      document.querySelector('#above ul')!.remove()
      ;(window as unknown as {lectern: {fitAll(): void}}).lectern.fitAll()
    })
    expect((await state())[3]).toMatchObject({scale: 1, overflow: false})
  })
})
