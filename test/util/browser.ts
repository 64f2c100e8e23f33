/**
 * Browser tests run against an installed Chromium. Without one they skip,
 * unless `LECTERN_REQUIRE_BROWSER=1` (set by CI), which turns a missing
 * browser into a failure.
 */
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser, Page} from 'playwright-core'
import {describe, it} from 'vitest'
import {build} from '../../src/build/build.js'
import {findChromiumOrUndefined} from '../../src/browser/find-chromium.js'
import {writeDeck} from '../../src/output/deck-folder.js'
import {renderDeck, toFile} from '../../src/render/render.js'

/** The browser found, if any. */
export const chromiumPath = findChromiumOrUndefined()

/** Whether a missing browser must fail the run. */
const requireBrowser = process.env.LECTERN_REQUIRE_BROWSER === '1'

/** `describe` for tests that need a browser. */
export function describeBrowser(name: string, body: () => void): void {
  if (chromiumPath) describe(name, body)
  else if (requireBrowser) {
    describe(name, () => {
      it('should find a browser (LECTERN_REQUIRE_BROWSER=1)', () => {
        throw new Error('No Chrome/Chromium found; install `chromium` or set LECTERN_BROWSER')
      })
    })
  } else describe.skip(name, body)
}

/** Wait until lectern's page runtime has fitted every slide (`<html data-lectern-fitted>`). */
export async function waitForFitted(page: Pick<Page, 'waitForFunction'>, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-lectern-fitted'), null, {timeout})
}

/** What a page did: console and page errors and failed requests, every URL it requested, and those outside a folder. */
export interface Watched {
  errors: string[]
  requested: string[]
  outside: string[]
}

/** Record from now on what `page` does (see `Watched`); `outside` are requests not under `folder`. */
export function watchPage(page: Page, folder: string): Watched {
  const watched: Watched = {errors: [], requested: [], outside: []}
  const base = pathToFileURL(folder).href + '/'
  page.on('console', (message) => {
    if (message.type() === 'error') watched.errors.push(`${message.text()} ${message.location().url}`)
  })
  page.on('pageerror', (error) => watched.errors.push(error.message))
  page.on('requestfailed', (request) => watched.errors.push(`failed ${request.url()}`))
  page.on('request', (request) => {
    watched.requested.push(request.url())
    if (!request.url().startsWith(base)) watched.outside.push(request.url())
  })
  return watched
}

/** Open a built deck from file:// at 1280×720, watched from its folder, once lectern has fitted every slide. */
export async function openDeck(browser: Browser, file: string): Promise<Watched & {page: Page}> {
  const page = await browser.newPage({viewport: {width: 1280, height: 720}})
  const watched = watchPage(page, path.dirname(file))
  await page.goto(pathToFileURL(file).href)
  await waitForFitted(page)
  return {page, ...watched}
}

/** The id of the slide each preview frame of reveal.js's speaker view shows (`''` until its deck is ready). */
export async function previewSlideIds(popup: Page): Promise<string[]> {
  const ids: string[] = []
  for (const frame of popup.frames()) {
    if (frame === popup.mainFrame()) continue
    ids.push(
      await frame.evaluate(() => {
        const reveal = (window as unknown as {Reveal?: {isReady(): boolean; getCurrentSlide(): HTMLElement}}).Reveal
        return reveal?.isReady() ? reveal.getCurrentSlide().id : ''
      })
    )
  }
  return ids
}

/** Build decks (files or folders) and map each deck's name to its written `index.html`. */
export async function buildDecks(inputs: string[], outDir: string, cwd?: string): Promise<Map<string, string>> {
  const result = await build(inputs, {outDir, cwd})
  const output = new Map<string, string>()
  for (const deck of result.decks) if (deck.output) output.set(path.basename(path.dirname(deck.output)), deck.output)
  return output
}

/** Render markdown as `deck.md` into a deck folder under `folder` and open it at 1280×720 once lectern has fitted it. */
export async function openMarkdown(browser: Browser, markdown: string, folder: string): Promise<Page> {
  const rendered = await renderDeck(toFile(markdown, path.join(folder, 'deck.md')))
  const html = await writeDeck(folder, 'deck', rendered.html, rendered.assets)
  const page = await browser.newPage({viewport: {width: 1280, height: 720}})
  await page.goto(pathToFileURL(html).href)
  await waitForFitted(page)
  return page
}
