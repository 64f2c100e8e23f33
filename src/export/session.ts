/**
 * The browser side of exports: render a deck into a temporary folder, open it
 * once from `file://` in a headless Chromium, wait until its fonts are loaded
 * and its slides are fitted, and lay it out for printing. Everything runs
 * under one deadline; a browser that crashes or hangs becomes a `LecternError`.
 */
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser, Page} from 'playwright-core'
import type {VFile} from 'vfile'
import {launchBrowser, type LaunchOptions} from '../browser/launch.js'
import {writeDeckFiles} from '../output/deck-folder.js'
import {readDeckText, resolveInputs} from '../render/inputs.js'
import {renderDeck, toFile} from '../render/render.js'
import {LecternError} from '../errors.js'
import type {DeckOptions} from '../config/options.js'
import {resolveConfig} from '../config/resolve.js'
import {packageRoot} from '../paths.js'
import {deckCanvas} from '../deck/canvas.js'
import type {DeckInfo} from '../deck/types.js'

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

/** How slides are put on pages. */
export type PrintMode = 'slides' | 'notes' | 'handout'

/** What the page reports after laying itself out. */
export interface PrintLayout {
  /** Page size in CSS pixels. */
  width: number
  height: number
  /** Slides laid out. */
  slides: number
  /** Sheets laid out (a long handout page may still flow onto another). */
  sheets: number
  /** Handout pages whose notes did not fit at the smallest size. */
  long: number
}

/** A rendered deck, before any browser. */
export interface PreparedDeck {
  /** Input path as given. */
  input: string
  /** Absolute input path. */
  absolute: string
  file: VFile
  deck: DeckInfo | undefined
  html: string
  assets: Parameters<typeof writeDeckFiles>[2]
}

/** Render one deck for export; `html` is empty when the deck has fatal errors. */
export async function prepareDeck(input: string, options: Readonly<ExportOptions>): Promise<PreparedDeck> {
  const config = resolveConfig(options, 'pdf')
  const cwd = config.cwd
  const files = resolveInputs([input], cwd)
  if (files.length !== 1) {
    throw new LecternError('USAGE', `Unexpected folder \`${input}\` with ${files.length} decks, expected one markdown file`)
  }
  const absolute = files[0]
  const file = toFile(readDeckText(absolute, input), input, cwd)
  const rendered = await renderDeck(file, {theme: config.theme, allowHtml: config.allowHtml, split: config.split, allowFs: config.allowFs, cwd})
  const fatal = file.messages.some((message) => message.fatal)
  return {input, absolute, file, deck: file.data.deck, html: fatal ? '' : rendered.html, assets: rendered.assets}
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
    await page.addScriptTag({content: await printLayoutScript()})
    const laidOut = await page.evaluate(async (mode) => {
      const print = (window as unknown as {lecternPrint: LecternPrint}).lecternPrint
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

interface LecternPrint {
  layout(options: {mode: PrintMode}): Omit<PrintLayout, 'long'>
  fitHandouts(): number
  imagesLoaded(): Promise<unknown>
}

let script: string | undefined

/** The in-page print layout (`print-layout.js`). */
async function printLayoutScript(): Promise<string> {
  script ??= await readFile(path.join(packageRoot(), 'src', 'client', 'print-layout.js'), 'utf8')
  return script
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]
}

