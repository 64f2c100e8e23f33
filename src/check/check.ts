/**
 * `check`: build each deck into a temporary folder, open it in Chromium at
 * its canvas size, and report what would go wrong in front of an audience as
 * messages on the deck's file, placed at the markdown that caused them.
 */
import {existsSync} from 'node:fs'
import {mkdtemp, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser} from 'playwright-core'
import type {VFile} from 'vfile'
import {launchBrowser} from '../browser/launch.js'
import {deckName, writeDeck} from '../output/deck-folder.js'
import {readDeckText, resolveInputs} from '../render/inputs.js'
import {renderDeck, toFile} from '../render/render.js'
import type {LaunchOptions} from '../browser/launch.js'
import {LecternError} from '../errors.js'
import type {DeckOptions} from '../config/options.js'
import {resolveConfig} from '../config/resolve.js'
import {deckCanvas} from '../deck/canvas.js'
import {defaultMetrics, minimumFontSize, minimumScale} from '../deck/metrics.js'
import {toRelativePath} from '../relative-path.js'
import {measureDeck, type MeasuredDeck, type MeasuredSlide, type Place} from './measure.js'

/** Options for `check`: how decks render, and the browser that lays them out (`timeout` also bounds each deck's layout). */
export interface CheckOptions extends DeckOptions, LaunchOptions {}

/** One deck as checked. */
export interface CheckedDeck {
  /** Input path as given (relative to `cwd`). */
  input: string
  /** The deck's file, with the findings as messages. */
  file: VFile
  /** What the browser measured (`undefined` when the deck could not be built). */
  measured: MeasuredDeck | undefined
}

/** What `check` found. */
export interface CheckResult {
  decks: CheckedDeck[]
  /** Every file, for reporting messages. */
  files: VFile[]
}

/** A message as data, for `--json`. */
export interface Finding {
  file: string
  line: number
  column: number
  severity: 'error' | 'warning' | 'info'
  rule: string | null
  message: string
}

/** Check decks (files or folders of them) in a real browser. */
export async function check(inputs: ReadonlyArray<string>, options?: Readonly<CheckOptions> | null): Promise<CheckResult> {
  const settings = resolveConfig(options, 'check')
  const {cwd, timeout} = settings
  const files = resolveInputs(inputs, cwd)
  const temporary = await mkdtemp(path.join(os.tmpdir(), 'lectern-check-'))
  const decks: CheckedDeck[] = []
  let browser: Browser | undefined
  try {
    const built: Array<{deck: CheckedDeck; page: string; source: string; minimum: number}> = []
    for (const [index, absolute] of files.entries()) {
      const input = toRelativePath(cwd, absolute)
      const file = toFile(readDeckText(absolute, input), input, cwd)
      const rendered = await renderDeck(file, {
        theme: settings.theme,
        allowHtml: settings.allowHtml,
        split: settings.split,
        allowFs: settings.allowFs,
        cwd,
        positions: true
      })
      const deck: CheckedDeck = {input, file, measured: undefined}
      decks.push(deck)
      if (file.messages.some((message) => message.fatal)) continue
      const page = await writeDeck(temporary, `${index}-${deckName(absolute)}`, rendered.html, rendered.assets)
      built.push({deck, page, source: absolute, minimum: minimumFontSize(rendered.theme?.metrics ?? defaultMetrics)})
    }

    if (built.length > 0) browser = await launchBrowser({browser: settings.browser, timeout})
    for (const {deck, page, source, minimum} of built) {
      deck.measured = await measurePage(browser!, page, deck, minimum, timeout)
      reportFindings(deck.file, deck.measured, path.dirname(source))
    }
  } finally {
    await browser?.close().catch(() => {})
    await rm(temporary, {recursive: true, force: true})
  }
  return {decks, files: decks.map((deck) => deck.file)}
}

/** Open a built deck at its canvas size and measure it. */
async function measurePage(browser: Browser, page: string, deck: CheckedDeck, minimum: number, timeout: number): Promise<MeasuredDeck> {
  const context = await browser.newContext({viewport: deckCanvas(deck.file.data.deck)})
  try {
    // A deck is checked as it is shown offline: nothing leaves the machine.
    await context.route(/^(https?|wss?|ftp):/i, (route) => route.abort())
    const tab = await context.newPage()
    tab.setDefaultTimeout(timeout)
    try {
      await tab.goto(pathToFileURL(page).href, {waitUntil: 'load', timeout})
      await tab.waitForFunction(() => document.documentElement.hasAttribute('data-lectern-fitted'), undefined, {timeout})
    } catch (error) {
      throw new LecternError(
        'BROWSER',
        `Cannot lay out \`${deck.input}\` in the browser within ${Math.round(timeout / 1000)} s: ${(error as Error).message.split('\n')[0]}; pass a longer \`--timeout\``,
        {cause: error, file: deck.input}
      )
    }
    return await tab.evaluate(measureDeck, {minimumFontSize: minimum})
  } finally {
    await context.close().catch(() => {})
  }
}

/** Turn measurements into messages on the deck's file. */
function reportFindings(file: VFile, measured: MeasuredDeck, folder: string): void {
  const ids = new Set(measured.ids)
  const canvas = `${measured.width}×${measured.height}`
  for (const slide of measured.slides) {
    const number = slide.index + 1
    const at = (place: Place) => toPlace(place, slide)
    const error = (reason: string, place: Place, ruleId: string) => {
      const message = file.message(reason, {place: at(place), ruleId, source: 'lectern'})
      message.fatal = true
    }
    const warn = (reason: string, place: Place, ruleId: string) => {
      file.message(reason, {place: at(place), ruleId, source: 'lectern'})
    }

    if (slide.overflowY > 0 || slide.overflowX > 0) {
      const parts = [
        slide.overflowY > 0 ? `${Math.round(slide.overflowY)} px past the bottom` : '',
        slide.overflowX > 0 ? `${Math.round(slide.overflowX)} px past the right edge` : ''
      ].filter(Boolean)
      const shrunk = slide.scale < 1 ? ` even shrunk to ${Math.round(slide.scale * 100)}%` : ''
      error(
        `Unexpected content ${parts.join(' and ')} of slide ${number}${shrunk}, expected it to fit the ${canvas} canvas (split the slide or shorten it)`,
        slide.overflowPlace,
        'slide-overflow'
      )
    } else if (slide.scale < 1) {
      file.info(`Shrunk slide ${number} to ${Math.round(slide.scale * 100)}% to fit`, {place: at(null), ruleId: 'slide-scaled', source: 'lectern'})
    }
    if (slide.scale < minimumScale - 0.001) {
      error(
        `Unexpected slide ${number} shrunk to ${Math.round(slide.scale * 100)}%, expected at least ${Math.round(minimumScale * 100)}% (the readable minimum)`,
        null,
        'below-minimum'
      )
    }
    const small = slide.small[0]
    if (small) {
      const more = slide.small.length > 1 ? ` (and ${slide.small.length - 1} more on slide ${number})` : ''
      error(
        `Unexpected text \`${small.text}\` at ${small.size} px${more}, expected at least ${measured.minimumFontSize} px (the readable minimum)`,
        small.place,
        'below-minimum'
      )
    }

    if (slide.hasContent && slide.notesLength === 0 && slide.kind !== 'title') {
      warn(`Unexpected slide ${number} without speaker notes, expected notes (a \`Note:\` paragraph or a \`:::notes\` block)`, null, 'empty-notes')
    }

    for (const image of slide.images) {
      if (!image.broken && (image.alt === null || !image.alt.trim())) {
        warn(`Unexpected image \`${image.src}\` without alt text, expected a description (\`![description](${image.src})\`)`, image.place, 'image-alt')
      }
      // Remote images are not fetched: a deck must show offline, and they are the author's choice.
      if (!image.broken || !isLocalUrl(image.src)) continue
      const place = at(image.place)
      // The build already warned about it: a missing image is an error here.
      const known = file.messages.find((message) => message.ruleId === 'missing-image' && message.line === place?.line)
      if (known) known.fatal = true
      else error(`Unexpected missing image \`${image.src}\`, expected a file next to the deck`, image.place, 'missing-image')
    }

    for (const link of slide.links) {
      const problem = linkProblem(link.href, folder, ids, measured.stacks, file.cwd)
      if (problem) error(problem, link.place, 'broken-link')
    }

    // One message per colour pair on a slide, at its first place.
    const pairs = new Map<string, {first: MeasuredSlide['contrast'][number]; count: number}>()
    for (const item of slide.contrast) {
      const key = `${item.foreground} ${item.background} ${item.required}`
      const seen = pairs.get(key)
      if (seen) seen.count++
      else pairs.set(key, {first: item, count: 1})
    }
    for (const {first, count} of pairs.values()) {
      const more = count > 1 ? ` (and ${count - 1} more on slide ${number})` : ''
      error(
        `Unexpected contrast ${first.ratio.toFixed(2)}:1 of \`${first.foreground}\` on \`${first.background}\` for \`${first.text}\`${more}, expected at least ${first.required}:1 (WCAG AA)`,
        first.place,
        'low-contrast'
      )
    }
  }
}

/** Every message of some files as data, sorted by file and place. */
export function toFindings(files: ReadonlyArray<VFile>): Finding[] {
  const findings: Finding[] = []
  for (const file of files) {
    const messages = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    for (const message of messages) {
      findings.push({
        file: message.file || file.path,
        line: message.line ?? 1,
        column: message.column ?? 1,
        severity: message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info',
        rule: message.ruleId ?? null,
        message: message.reason
      })
    }
  }
  return findings
}

/** A place from `"12:3"`, else the slide's own line. */
function toPlace(place: Place, slide: MeasuredSlide): {line: number; column: number} | undefined {
  const match = place ? /^(\d+):(\d+)$/.exec(place) : null
  if (match) return {line: Number(match[1]), column: Number(match[2])}
  return slide.line ? {line: slide.line, column: 1} : undefined
}

/** Whether a URL names a local file (not a remote or inline resource, not an anchor). */
function isLocalUrl(url: string): boolean {
  return Boolean(url) && !url.startsWith('#') && !url.startsWith('//') && !/^[a-z][a-z\d+.-]*:/i.test(url)
}

/** The file a local `src`/`href` names, relative to the deck; `undefined` for URLs and anchors. */
function toLocalPath(url: string, folder: string): string | undefined {
  if (!isLocalUrl(url) || url.startsWith('/')) return undefined
  const bare = url.replace(/[?#].*$/, '')
  return bare ? path.resolve(folder, decode(bare)) : undefined
}

/** Why a link is broken, or `undefined` when it is fine (or not ours to judge). */
function linkProblem(href: string, folder: string, ids: Set<string>, stacks: number[], cwd: string): string | undefined {
  if (href.startsWith('#/')) {
    const [first = '', second] = href.slice(2).split('/').map(decode)
    if (first === '') return undefined
    if (/^\d+$/.test(first)) {
      const h = Number(first)
      if (h >= stacks.length) return `Unexpected link to slide \`${href}\`, expected one of the deck's ${stacks.length} slides`
      if (second !== undefined && /^\d+$/.test(second) && Number(second) >= stacks[h]) {
        return `Unexpected link to slide \`${href}\`, expected a vertical slide below ${stacks[h]}`
      }
      return undefined
    }
    return ids.has(first) ? undefined : `Unexpected link to missing slide \`${href}\`, expected the id of a slide`
  }
  if (href.startsWith('#')) {
    const id = decode(href.slice(1))
    return id === '' || ids.has(id) ? undefined : `Unexpected link to missing slide \`${href}\`, expected the id of a slide`
  }
  const local = toLocalPath(href, folder)
  if (local && !existsSync(local)) return `Unexpected link to missing file \`${href}\`, expected a file at \`${toRelativePath(cwd, local)}\``
  return undefined
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
