/**
 * `lectern build --single-file` in real Chromium: the file, copied alone into
 * an empty folder, runs the whole deck and the speaker view with no request
 * leaving it.
 */
import {copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser, BrowserContext} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {launchBrowser} from '../../src/browser/launch.js'
import {build} from '../../src/build/build.js'
import {expectedSlides} from '../export/poppler.js'
import {figuresDeck} from '../export/decks.js'
import {describeBrowser, waitForFitted} from '../util/browser.js'
import {root, runCli, seedDeck, temporaryFolder} from '../util/fixtures.js'

const decks = {
  seed: seedDeck,
  english: path.join(root, 'test', 'export', 'decks', 'english.md'),
  'table-code': path.join(root, 'test', 'export', 'decks', 'table-code.md')
}

describeBrowser('single-file deck in Chromium', () => {
  let browser: Browser
  const work = temporaryFolder('lectern-single-')
  const alone: Record<string, string> = {}

  beforeAll(async () => {
    const result = await build(Object.values(decks), {outDir: path.join(work.dir, 'out'), singleFile: true})
    for (const deck of result.decks) {
      expect(deck.output).toBeDefined()
      const name = Object.keys(decks).find((key) => decks[key as keyof typeof decks] === path.resolve(deck.input))!
      // Copied alone into an empty folder: nothing next to it to lean on.
      const folder = path.join(work.dir, `alone-${name}`)
      mkdirSync(folder)
      alone[name] = path.join(folder, 'deck.html')
      copyFileSync(deck.output!, alone[name])
    }
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    work.remove()
  })

  /** Requests that are neither `data:` nor the file itself (any query or hash). */
  function watchRequests(context: BrowserContext, file: string): string[] {
    const self = pathToFileURL(file).href
    const outside: string[] = []
    context.on('request', (request) => {
      const url = request.url()
      if (url.startsWith('data:') || url === 'about:blank' || url.split(/[?#]/)[0] === self) return
      outside.push(url)
    })
    return outside
  }

  for (const name of Object.keys(decks) as Array<keyof typeof decks>) {
    it(`should run the ${name} deck alone, offline, with every slide and its shipped fonts`, async () => {
      const file = alone[name]
      const slides = await expectedSlides(readFileSync(decks[name], 'utf8'), decks[name])
      const context = await browser.newContext({viewport: {width: 1280, height: 720}, offline: true})
      const outside = watchRequests(context, file)
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      await page.goto(pathToFileURL(file).href)
      await waitForFitted(page)
      const state = await page.evaluate(async () => {
        const reveal = (window as unknown as {Reveal: {getTotalSlides(): number; isReady(): boolean}}).Reveal
        await document.fonts.ready
        const faces = Array.from(document.fonts).filter((face) => face.family.replace(/['"]/g, '') === 'Noto Sans SC')
        return {
          ready: reveal.isReady(),
          total: reveal.getTotalSlides(),
          faces: faces.length,
          failed: Array.from(document.fonts).filter((face) => face.status === 'error').length,
          links: document.querySelectorAll('link[href], script[src]:not([src^="data:"])').length,
          title: document.querySelector('.reveal .slides section h1, .reveal .slides section h2')?.textContent ?? ''
        }
      })
      expect(state).toEqual({ready: true, total: slides.length, faces: expect.any(Number), failed: 0, links: 0, title: slides[0].title})
      expect(state.faces).toBeGreaterThan(0)
      expect(errors).toEqual([])
      expect(outside).toEqual([])
      await context.close()
    })
  }

  it('should open the speaker view from the lone file and show the notes', async () => {
    const file = alone.english
    const slides = await expectedSlides(readFileSync(decks.english, 'utf8'), decks.english)
    const context = await browser.newContext({viewport: {width: 1280, height: 720}, offline: true})
    const outside = watchRequests(context, file)
    const page = await context.newPage()
    await page.goto(pathToFileURL(file).href)
    await waitForFitted(page)
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.evaluate(() => {
        const reveal = (window as unknown as {Reveal: {getPlugin(id: string): {open(): void}}}).Reveal
        reveal.getPlugin('notes').open()
      })
    ])
    const first = slides[0].notes.split('\n')[0].slice(0, 30)
    await popup.waitForFunction((text) => document.querySelector('.speaker-controls-notes')?.textContent?.includes(text), first)
    // The previews are the same file, started as receivers.
    await popup.waitForFunction(() => document.querySelectorAll('#current-slide iframe, #upcoming-slide iframe').length === 2)
    const status = await popup.evaluate(() => getComputedStyle(document.querySelector('#connection-status')!).display)
    expect(status).toBe('none')
    // Moving in the main window moves the speaker view.
    await page.evaluate(() => (window as unknown as {Reveal: {next(): void}}).Reveal.next())
    const second = slides[1].notes.split('\n')[0].slice(0, 30)
    await popup.waitForFunction((text) => document.querySelector('.speaker-controls-notes')?.textContent?.includes(text), second)
    expect(outside).toEqual([])
    await context.close()
  })

  it('should carry the deck\'s images and math fonts inside the file', async () => {
    const source = path.join(work.dir, 'figures')
    mkdirSync(source)
    copyFileSync(path.join(root, 'test', 'fixtures', 'rich-content', 'media', 'growth chart.png'), path.join(source, 'chart.png'))
    writeFileSync(path.join(source, 'deck.md'), figuresDeck)
    const result = await build([path.join(source, 'deck.md')], {outDir: path.join(work.dir, 'figures-out'), singleFile: true})
    const file = path.join(work.dir, 'figures-alone', 'deck.html')
    mkdirSync(path.dirname(file))
    copyFileSync(result.decks[0].output!, file)
    const context = await browser.newContext({viewport: {width: 1280, height: 720}, offline: true})
    const outside = watchRequests(context, file)
    const page = await context.newPage()
    await page.goto(`${pathToFileURL(file).href}#/2`)
    await waitForFitted(page)
    const state = await page.evaluate(async () => {
      await document.fonts.ready
      const image = document.querySelector('img')!
      await image.decode()
      return {
        width: image.naturalWidth,
        data: image.src.startsWith('data:image/png;base64,'),
        katex: Array.from(document.fonts).some((face) => face.family.includes('KaTeX') && face.status === 'loaded')
      }
    })
    expect(state).toEqual({width: 320, data: true, katex: true})
    expect(outside).toEqual([])
    await context.close()
  })

  it('should keep the seed deck under 1.5 MB and report its size', () => {
    const folder = path.join(work.dir, 'cli')
    mkdirSync(folder)
    copyFileSync(decks.seed, path.join(folder, 'seed.md'))
    const result = runCli(['build', 'seed.md', '--single-file', '-o', 'out'], {cwd: folder})
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^seed\.md → out\/seed\.html {2}16 slides, .*, \d+ KB, \d+ ms\n$/)
    const size = statSync(path.join(folder, 'out', 'seed.html')).size
    expect(size).toBeLessThan(1.5 * 1024 * 1024)
    expect(result.stdout).toContain(`${Math.round(size / 1024)} KB`)
    // Written atomically: only the file itself is left.
    expect(readdirSync(path.join(folder, 'out'))).toEqual(['seed.html'])
  })
})
