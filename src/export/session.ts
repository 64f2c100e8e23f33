/**
 * The browser side of exports: render a deck into a temporary folder, open it
 * once from `file://` in a headless Chromium, wait until its fonts are loaded
 * and its slides are fitted, and lay it out for printing. Everything runs
 * under one deadline; a browser that crashes or hangs becomes a `LecternError`.
 */
import {mkdtemp, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser, Page} from 'playwright-core'
import {launchBrowser, type LaunchOptions} from '../browser/launch.js'
import {writeDeckFiles} from '../output/deck-folder.js'
import {LecternError} from '../errors.js'
import type {DeckOptions} from '../config/options.js'
import {resolveConfig} from '../config/resolve.js'
import {clientScript} from '../paths.js'
import type {PrintLayout as PageLayout, PrintMode, PrintPlugin} from '../client/print-layout.js'
import {deckCanvas} from '../deck/canvas.js'
import type {PreparedDeck} from './prepare.js'

/** Options every export takes. */
export interface ExportOptions extends DeckOptions, LaunchOptions {
  /** Called as the export moves on, for progress (default: none). */
  onProgress?: ((event: ExportProgress) => void) | null | undefined
}

/** Progress of an export: `done` of `total` steps, the current one named. */
export interface ExportProgress {
  step: string
  done: number
  total: number
}

export type {PrintMode} from '../client/print-layout.js'

/** What the page reports after laying itself out. */
export interface PrintLayout extends PageLayout {
  /** Handout pages whose notes did not fit at the smallest size. */
  long: number
}

/** An open deck in a browser, laid out for printing. */
export interface PrintSession {
  page: Page
  layout: PrintLayout
}

/**
 * Write the deck to a temporary folder, open it once in a headless browser,
 * lay it out, and hand the page to `use`. The browser and the folder are
 * always removed; the whole run is bounded by `options.timeout`.
 */
export async function withPrintedDeck<T>(
  prepared: PreparedDeck,
  mode: PrintMode,
  options: Readonly<ExportOptions>,
  use: (session: PrintSession, step: (name: string) => void) => Promise<T>,
  steps: number
): Promise<T> {
  const {timeout} = resolveConfig(options, 'pdf')
  const total = 4 + steps
  let done = 0
  const step = (name: string) => {
    options.onProgress?.({step: name, done: done++, total})
  }
  const folder = await mkdtemp(path.join(os.tmpdir(), 'lectern-export-'))
  let browser: Browser | undefined
  let timer: NodeJS.Timeout | undefined
  let failure: LecternError | undefined
  const failed = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      failure = new LecternError(
        'BROWSER',
        `The browser did not finish within ${Math.round(timeout / 1000)} s; pass a larger \`--timeout\`, or another \`--browser\``
      )
      reject(failure)
      void browser?.close().catch(() => {})
    }, timeout)
  })
  failed.catch(() => {})
  const crashed = (reason: string) => {
    if (failure) return
    failure = new LecternError('BROWSER', `The browser ${reason} while exporting \`${prepared.input}\`; try again, or pass another \`--browser\``)
  }

  const run = async (): Promise<T> => {
    step('render')
    await writeDeckFiles(folder, prepared.html, prepared.assets)
    step('launch')
    browser = await launchBrowser({browser: options.browser, timeout})
    browser.on('disconnected', () => crashed('quit'))
    const context = await browser.newContext({viewport: deckCanvas(prepared.deck)})
    // Nothing leaves the machine: only the deck's own files load.
    await context.route(/^(?!file:|data:)/, (route) => route.abort())
    const page = await context.newPage()
    page.on('crash', () => crashed('crashed'))
    page.setDefaultTimeout(timeout)
    step('open')
    await page.goto(pathToFileURL(path.join(folder, 'index.html')).href, {waitUntil: 'load'})
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-lectern-fitted'))
    // Load every font face the deck ships (not only those the first slide
    // needs), then fit again, so measurements use the fonts that will print.
    await page.evaluate(async () => {
      await Promise.all(Array.from(document.fonts, (face) => face.load().catch(() => face)))
      await document.fonts.ready
      const lectern = (window as unknown as {lectern?: {fitAll(): void}}).lectern
      lectern?.fitAll()
    })
    step('layout')
    await page.addScriptTag({content: clientScript('print-layout.js')})
    const laidOut = await page.evaluate(async (mode) => {
      const reveal = (window as unknown as {Reveal: {getPlugin(id: string): unknown}}).Reveal
      const print = reveal.getPlugin('lectern-print') as PrintPlugin
      const result = print.layout({mode})
      await document.fonts.ready
      await print.imagesLoaded()
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
      const long = mode === 'handout' ? print.fitHandouts() : 0
      return {...result, long}
    }, mode)
    return use({page, layout: laidOut}, step)
  }

  try {
    return await Promise.race([run(), failed])
  } catch (error) {
    if (failure) throw failure
    if (error instanceof LecternError) throw error
    throw new LecternError('BROWSER', `The browser failed while exporting \`${prepared.input}\`: ${firstLine(error)}`, {cause: error})
  } finally {
    clearTimeout(timer)
    await browser?.close().catch(() => {})
    await rm(folder, {recursive: true, force: true})
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]
}

