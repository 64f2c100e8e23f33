/**
 * Make every slide fit its canvas. A slide whose content is taller (or wider)
 * than the canvas is scaled down step by step, never below the readable
 * minimum (`minimumScale` of src/slides/fit.ts, written in at bundle time);
 * what still overflows is marked with `data-lectern-overflow` for
 * `lectern check`.
 *
 * It fits as soon as reveal.js has laid the canvas out (before the first
 * paint), again once web fonts have loaded, again when an image loads or
 * fails, and whenever `fitAll()` is called (live reload swaps slides in place
 * and calls it with the sections it replaced). Slides are measured together,
 * in one layout.
 */
import type {Plugin, RevealDeck} from './reveal.js'
import {isNotes, leaves, leavesOf, safeArea, show, slideOf} from './slides.js'

declare const __LECTERN_MINIMUM_SCALE__: number

/** The smallest scale a slide is shrunk to. */
export const minimum = __LECTERN_MINIMUM_SCALE__

/** How far content reaches past the slide's content box, in canvas pixels; 0 when it fits. */
export function overflowOf(section: HTMLElement): number {
  const area = safeArea(section)
  let over = Math.max(section.scrollHeight - section.clientHeight, section.scrollWidth - section.clientWidth, 0)
  for (const child of Array.from(section.children)) {
    if (isNotes(child)) continue
    const rect = child.getBoundingClientRect()
    if (rect.width === 0 && rect.height === 0) continue
    over = Math.max(over, (rect.bottom - area.box.top) / area.zoom - area.bottom, (rect.right - area.box.left) / area.zoom - area.right)
  }
  return over
}

function overflows(section: HTMLElement): boolean {
  return overflowOf(section) > 1
}

function setScale(section: HTMLElement, scale: number): void {
  if (scale >= 1) {
    section.removeAttribute('data-lectern-scale')
    section.style.removeProperty('--lectern-scale')
  } else {
    section.setAttribute('data-lectern-scale', String(scale))
    section.style.setProperty('--lectern-scale', String(scale))
  }
}

// The largest scale, in steps of 1%, at which an overflowing slide fits
// (never below the minimum); what still overflows is marked.
function shrink(section: HTMLElement): void {
  let scale = minimum
  setScale(section, minimum)
  if (!overflows(section)) {
    let low = Math.round(minimum * 100)
    let high = 99
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      setScale(section, middle / 100)
      if (overflows(section)) high = middle - 1
      else low = middle
    }
    scale = low / 100
  }
  setScale(section, scale)
  const left = overflowOf(section)
  if (left > 1) section.setAttribute('data-lectern-overflow', String(Math.round(left)))
  else section.removeAttribute('data-lectern-overflow')
}

// Fit slides together: show them all, measure them in one layout, shrink only
// those that overflow, then hide them again. One slide after another would
// lay the page out once per slide.
function fitEach(sections: HTMLElement[]): void {
  const restore = show(sections)
  for (const section of sections) setScale(section, 1)
  const over = sections.filter(overflows)
  over.forEach(shrink)
  for (const section of sections) {
    if (!over.includes(section)) section.removeAttribute('data-lectern-overflow')
  }
  restore()
}

/** Fit one slide. */
export function fit(section: HTMLElement): void {
  fitEach([section])
}

// `data-lectern-fitted` says the fit used the deck's own fonts: set once they have loaded.
let fontsLoaded = false

/** Fit the slides in `roots` (top-level sections), or the whole deck when none are given. */
export function fitAll(roots?: ReadonlyArray<Element>): void {
  fitEach(roots ? leavesOf(roots) : leaves())
  if (fontsLoaded) document.documentElement.setAttribute('data-lectern-fitted', '')
}

// An image that loads (or fails and shows its alt text) changes its slide's height.
function onMedia(event: Event): void {
  const section = slideOf(event.target)
  if (section) fit(section)
}

let started = false

function start(): void {
  if (started) return
  started = true
  fitAll()
  const fonts = document.fonts && document.fonts.ready ? document.fonts.ready : Promise.resolve()
  const done = function () {
    fontsLoaded = true
    fitAll()
  }
  fonts.then(done, done)
  if (document.readyState !== 'complete') window.addEventListener('load', () => fitAll())
}

/** The fitting plugin, and what other programs of the page call. */
export interface FitPlugin extends Plugin {
  fitAll: typeof fitAll
  fit: typeof fit
  overflow: typeof overflowOf
  minimum: number
}

/** The fitting plugin. */
export const fitPlugin: FitPlugin = {
  id: 'lectern-fit',
  fitAll,
  fit,
  overflow: overflowOf,
  minimum,
  init(deck: RevealDeck) {
    document.addEventListener('load', onMedia, true)
    document.addEventListener('error', onMedia, true)
    deck.on('ready', start)
    // reveal.js lays the canvas out once its plugins are initialized but says
    // `ready` a task later, after a frame may have been painted: look at each
    // frame instead, and fit in the first one where it is laid out, before
    // that frame paints.
    const whenLaidOut = function () {
      if (started) return
      if (deck.isReady()) start()
      else requestAnimationFrame(whenLaidOut)
    }
    whenLaidOut()
  }
}
