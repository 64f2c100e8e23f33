/**
 * A hostile deck opened in real Chromium: every XSS vector on its own slide,
 * every slide shown, every element poked. Nothing may raise a dialog.
 */
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {launchBrowser} from '../../src/browser/launch.js'
import {build} from '../../src/build/build.js'
import {describeBrowser} from '../util/browser.js'
import {temporaryFolder} from '../util/fixtures.js'
import {vectors} from './xss.js'

const hostile = [
  '---',
  'title: "</title><script>alert(1)</script>"',
  'author: "<img src=x onerror=alert(1)>"',
  'style: "h1 { color: teal } </style><script>alert(1)</script>"',
  '---',
  '',
  '# Hostile <img src=x onerror=alert(1)>',
  '',
  ...vectors.flatMap((vector, index) => [`## Vector ${index + 1}`, '', 'Prose for the notes.', '', vector, '', `- shown ${index + 1}`, ''])
].join('\n')

describeBrowser('hostile deck in Chromium', () => {
  let browser: Browser
  const work = temporaryFolder()

  beforeAll(async () => {
    writeFileSync(path.join(work.dir, 'hostile.md'), hostile)
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    work.remove()
  })

  /** Build the deck, show every slide, fire the events handlers listen to; return the dialogs raised. */
  async function dialogsOf(allowHtml: boolean): Promise<{dialogs: string[]; slides: number}> {
    const outDir = path.join(work.dir, allowHtml ? 'trusted' : 'safe')
    const result = await build([path.join(work.dir, 'hostile.md')], {outDir, cwd: work.dir, allowHtml})
    const output = result.decks[0].output
    expect(output).toBeDefined()
    const page = await browser.newPage({viewport: {width: 1280, height: 720}})
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss().catch(() => {})
    })
    // Nothing leaves the machine, whatever the deck asks for.
    await page.route(/^https?:/, (route) => route.abort())
    try {
      await page.goto(pathToFileURL(output!).href, {waitUntil: 'load'})
      await page.waitForFunction(() => (window as unknown as {Reveal?: {isReady(): boolean}}).Reveal?.isReady(), undefined, {timeout: 15_000})
      const slides = await page.evaluate(async () => {
        const reveal = (window as unknown as {Reveal: {getSlides(): Element[]; getIndices(slide: Element): {h: number; v: number}; slide(h: number, v: number): void}}).Reveal
        const all = reveal.getSlides()
        for (const slide of all) {
          const {h, v} = reveal.getIndices(slide)
          reveal.slide(h, v)
          await new Promise((resolve) => setTimeout(resolve, 5))
        }
        for (const element of document.querySelectorAll('body *')) {
          for (const type of ['mouseover', 'pointerenter', 'focus', 'toggle', 'load', 'error', 'start', 'animationstart']) {
            element.dispatchEvent(new Event(type))
          }
          if (element instanceof HTMLElement && element.tagName !== 'A') element.click()
        }
        return all.length
      })
      await page.waitForTimeout(300)
      return {dialogs, slides}
    } finally {
      await page.close()
    }
  }

  it('should raise no dialog when HTML is sanitised', async () => {
    const {dialogs, slides} = await dialogsOf(false)
    expect(slides).toBeGreaterThan(vectors.length)
    expect(dialogs).toEqual([])
  }, 60_000)

  it('should raise dialogs from the same deck when HTML is allowed, so the test can fail', async () => {
    const {dialogs} = await dialogsOf(true)
    expect(dialogs.length).toBeGreaterThan(0)
  }, 60_000)
})
