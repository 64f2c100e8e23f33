/**
 * The hostile decks of `hostile-decks.ts`, built with default options and
 * opened in real Chromium over HTTP and from file://: every slide and
 * fragment shown, every preview link clicked, the speaker view opened and
 * walked. No script may run (no dialog in any window or frame), and every
 * request that leaves the deck's folder must be named by a build warning.
 */
import {createReadStream, mkdirSync, statSync, writeFileSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser, BrowserContext, Page} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {launchBrowser} from '../../src/browser/launch.js'
import {build} from '../../src/build/build.js'
import {describeBrowser} from '../util/browser.js'
import {temporaryFolder} from '../util/fixtures.js'
import {autoDeck, explicitDeck, htmlPage} from './hostile-decks.js'

interface Built {
  output: string
  warnings: string[]
}

/** What a visit saw: dialogs from any window or frame, and requests that left the deck. */
interface Visit {
  dialogs: string[]
  outside: string[]
  slides: number
  speakerView: boolean
}

type RevealApi = {
  isReady(): boolean
  slide(h: number, v: number, f?: number): void
  next(): void
  isLastSlide(): boolean
  availableFragments(): {prev: boolean; next: boolean}
  getTotalSlides(): number
}

/** Show every slide and fragment in order, from the first. */
async function walk(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const reveal = (window as unknown as {Reveal: RevealApi}).Reveal
    reveal.slide(0, 0, -1)
    let steps = 0
    while (!(reveal.isLastSlide() && !reveal.availableFragments().next) && steps < 2000) {
      reveal.next()
      steps++
      await new Promise((resolve) => setTimeout(resolve, 15))
    }
    return steps
  })
}

describeBrowser('hostile attribute decks in Chromium', () => {
  const work = temporaryFolder()
  let browser: Browser
  let server: Server
  let origin = ''
  const outDir = path.join(work.dir, 'out')
  const built = new Map<string, Built>()

  beforeAll(async () => {
    const input = path.join(work.dir, 'in')
    mkdirSync(input)
    writeFileSync(path.join(input, 'explicit.md'), explicitDeck())
    writeFileSync(path.join(input, 'article.md'), autoDeck())
    writeFileSync(path.join(input, 'page.html'), htmlPage())
    // Default options: no `--allow-html`.
    const result = await build([input, path.join(input, 'page.html')], {outDir, cwd: work.dir})
    expect(result.decks.map((deck) => path.basename(deck.input)).sort()).toEqual(['article.md', 'explicit.md', 'page.html'])
    for (const deck of result.decks) {
      if (!deck.output) throw new Error(`${deck.input} did not build: ${deck.file.messages.map(String).join('\n')}`)
      built.set(path.basename(path.dirname(deck.output)), {output: deck.output, warnings: deck.file.messages.map((message) => message.reason)})
    }
    // A static server for the built folder, as any web host serves a deck.
    server = createServer((request, response) => {
      const file = path.join(outDir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname))
      if (!file.startsWith(outDir + path.sep) || !statSync(file, {throwIfNoEntry: false})?.isFile()) {
        response.writeHead(404).end()
        return
      }
      const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream'
      response.writeHead(200, {'content-type': type})
      createReadStream(file).pipe(response)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
    work.remove()
  })

  /** Open a deck (over HTTP or from file://), walk it, click its previews, open and walk the speaker view. */
  async function visit(name: string, over: 'http' | 'file'): Promise<Visit> {
    const deck = built.get(name)!
    const url = over === 'http' ? `${origin}/${name}/index.html` : pathToFileURL(deck.output).href
    const inside = over === 'http' ? `${origin}/${name}/` : pathToFileURL(path.dirname(deck.output)).href + '/'
    const context: BrowserContext = await browser.newContext({viewport: {width: 1280, height: 720}})
    const dialogs: string[] = []
    const outside: string[] = []
    const watch = (page: Page): void => {
      page.on('dialog', (dialog) => {
        dialogs.push(`${page.url()}: ${dialog.message()}`)
        void dialog.dismiss().catch(() => {})
      })
    }
    context.on('page', watch)
    // Nothing reaches the network; what would have is recorded.
    await context.route('**/*', (route) => {
      const requested = route.request().url()
      if (!requested.startsWith(inside) && !/^(?:data|blob|about):/.test(requested) && requested !== `${origin}/favicon.ico`) outside.push(requested)
      return /^https?:/.test(requested) && !requested.startsWith(origin) ? route.abort() : route.continue()
    })
    try {
      const page = await context.newPage()
      await page.goto(url, {waitUntil: 'load'})
      await page.waitForFunction(() => (window as unknown as {Reveal?: RevealApi}).Reveal?.isReady(), undefined, {timeout: 15_000})
      await walk(page)
      // Previews open when clicked: click each, then close the overlay.
      const previews = await page.locator('[data-preview-link], [data-preview-image], [data-preview-video]').count()
      for (let index = 0; index < previews; index++) {
        await page.evaluate((at) => {
          const element = document.querySelectorAll('[data-preview-link], [data-preview-image], [data-preview-video]')[at] as HTMLElement
          element.click()
        }, index)
        await page.waitForTimeout(100)
        await page.keyboard.press('Escape')
      }
      // The speaker view shows each slide's notes as the deck is walked. It posts its preview's
      // state back to the deck (debounced by 500 ms): opened at the first slide, a late post on a
      // slow machine sends the walk back to its start, not to where the first walk ended.
      await page.evaluate(() => (window as unknown as {Reveal: RevealApi}).Reveal.slide(0, 0, -1))
      const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')])
      await popup.waitForFunction(() => document.querySelector('.speaker-controls-notes'), undefined, {timeout: 20_000})
      await page.waitForTimeout(800)
      const slides = await walk(page)
      await page.waitForTimeout(300)
      const speakerView = (await popup.locator('.speaker-controls-notes').count()) === 1
      return {dialogs, outside, slides, speakerView}
    } finally {
      await context.close()
    }
  }

  /** Requests that no build warning names (by host and path). */
  function unreported(name: string, outside: ReadonlyArray<string>): string[] {
    const warnings = built.get(name)!.warnings.join('\n')
    return outside.filter((requested) => {
      const parsed = new URL(requested)
      return !warnings.includes(`${parsed.host}${parsed.pathname}`)
    })
  }

  for (const name of ['explicit', 'article', 'page']) {
    for (const over of ['http', 'file'] as const) {
      it(`should run no script and request nothing unreported: ${name} deck over ${over}`, async () => {
        const result = await visit(name, over)
        expect(result.slides).toBeGreaterThan(1)
        expect(result.speakerView).toBe(true)
        expect(result.dialogs).toEqual([])
        expect(unreported(name, result.outside)).toEqual([])
        // The watch works: the remote picture (kept, with a warning) was asked for.
        if (name !== 'page') expect(result.outside.some((requested) => requested.includes('evil.example/picture.png'))).toBe(true)
      }, 90_000)
    }
  }

  it('should have reported every remote request the decks keep, at a line', () => {
    const explicit = built.get('explicit')!.warnings.join('\n')
    for (const kept of ['picture.png', 'lazy.png', 'own-lazy.png', 'preview.png', 'parallax.png', 'bg.png']) expect(explicit).toContain(`evil.example/${kept}`)
    expect(built.get('article')!.warnings.join('\n')).toContain('evil.example/quarto-parallax.png')
    // The saved page's comments came through the importer and met the same allow-list.
    const page = built.get('page')!.warnings.join('\n')
    expect(page).toContain('`data-background-iframe="javascript:alert(15)"`')
    expect(page).toContain('evil.example/page-bg.png')
    expect(page).toContain('evil.example/page-lazy.png')
  })
})
