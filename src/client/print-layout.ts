/**
 * lectern's print layout, for `lectern pdf` and `lectern png`: the plugin
 * `lectern-print`, added to a deck page that reveal.js has started and
 * lectern.js has fitted. It moves every slide into a page of its own, in the
 * final state of its fragments:
 *   slides  — one canvas-sized page per slide;
 *   notes   — each slide's page followed by a page of its speaker notes;
 *   handout — slide and notes together on an A4 portrait page.
 * reveal.js's own `?print-pdf` view resets section padding, which lectern's
 * layout (and the fitting lectern.js measured) depends on, so we lay out here.
 */
import {registerPlugin, type Plugin, type RevealDeck} from './reveal.js'
import {leaves} from './slides.js'

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
}

/** The print layout plugin. */
export interface PrintPlugin extends Plugin {
  /** Lay the deck out for printing. */
  layout(options?: {mode?: PrintMode}): PrintLayout
  /** Shrink each handout's notes until they fit its page; returns how many flow onto the next page anyway. */
  fitHandouts(): number
  /** Wait until every image of the laid out pages has loaded (or failed). */
  imagesLoaded(): Promise<unknown>
}

const a4 = {width: 793.7, height: 1122.5} // 210mm × 297mm in CSS px
const handoutMargin = 53 // 14mm
const notesMinimum = 8 // px of the handout notes font, at the smallest
const notesFlowing = 12 // px of notes too long for one page even at the smallest

function titleOf(section: Element): string {
  const heading = section.querySelector('h1, h2, h3, h4, h5, h6')
  return heading ? (heading.textContent || '').trim() : ''
}

function notesOf(section: Element): string {
  return Array.from(section.querySelectorAll('aside.notes'), (aside) => aside.innerHTML)
    .join('\n')
    .trim()
}

function element(name: string, className: string, parent?: Element): HTMLElement {
  const node = document.createElement(name)
  if (className) node.className = className
  if (parent) parent.appendChild(node)
  return node
}

function css(width: number, height: number, mode: PrintMode): string {
  const page = mode === 'handout' ? a4 : {width, height}
  // A handout's margins are the page's, so notes that flow on keep them.
  const margin = mode === 'handout' ? handoutMargin : 0
  const content = {width: page.width - 2 * margin, height: page.height - 2 * margin - 1}
  const scale = content.width / width
  return [
    '@page { size: ' + page.width + 'px ' + page.height + 'px; margin: ' + margin + 'px; }',
    'html.lectern-print, html.lectern-print body { width: ' + content.width + 'px !important; height: auto !important; overflow: visible !important; margin: 0 !important; padding: 0 !important; }',
    'html.lectern-print * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }',
    'html.lectern-print .reveal { position: static !important; width: auto !important; height: auto !important; overflow: visible !important; }',
    'html.lectern-print .reveal .slides { position: static !important; inset: auto !important; width: auto !important; height: auto !important; margin: 0 !important; padding: 0 !important; zoom: 1 !important; transform: none !important; perspective: none !important; overflow: visible !important; pointer-events: auto !important; display: block !important; }',
    'html.lectern-print .reveal > .controls, html.lectern-print .reveal > .progress, html.lectern-print .reveal > .backgrounds, html.lectern-print .reveal > .slide-number, html.lectern-print .reveal > .speaker-notes, html.lectern-print .reveal > .pause-overlay, html.lectern-print .aria-status { display: none !important; }',
    'html.lectern-print .lectern-page { position: relative; width: ' + width + 'px; height: ' + height + 'px; overflow: hidden; break-inside: avoid; }',
    'html.lectern-print .lectern-sheet { break-after: page; }',
    'html.lectern-print .lectern-sheet:last-child { break-after: auto; }',
    'html.lectern-print .lectern-page > section { display: block !important; position: absolute !important; left: 0 !important; top: 0 !important; width: ' + width + 'px !important; height: ' + height + 'px !important; margin: 0 !important; transform: none !important; opacity: 1 !important; visibility: visible !important; transition: none !important; z-index: 1; }',
    'html.lectern-print .lectern-page > .slide-background { display: block !important; position: absolute !important; inset: 0 !important; width: 100% !important; height: 100% !important; opacity: 1 !important; visibility: visible !important; transform: none !important; transition: none !important; z-index: 0 !important; }',
    'html.lectern-print .lectern-page > .slide-number { position: absolute; z-index: 2; }',
    'html.lectern-print .lectern-notes-sheet { box-sizing: border-box; width: ' + width + 'px; min-height: ' + height + 'px; padding: 48px 64px; text-align: left; color: var(--r-main-color, #222); font-family: var(--r-main-font, sans-serif); font-size: 24px; line-height: 1.5; }',
    'html.lectern-print .lectern-notes-title { margin: 0 0 1em; font-size: 0.8em; color: var(--lectern-muted, #666); }',
    'html.lectern-print .lectern-handout-sheet { box-sizing: border-box; display: flex; flex-direction: column; width: ' + content.width + 'px; height: ' + content.height + 'px; overflow: hidden; background: #fff; color: #111; text-align: left; font-family: var(--r-main-font, sans-serif); }',
    'html.lectern-print .lectern-handout-sheet.lectern-handout-long { height: auto; min-height: ' + content.height + 'px; overflow: visible; }',
    'html.lectern-print .lectern-handout-header { display: flex; justify-content: space-between; margin: 0 0 8px; font-size: 11px; color: #666; }',
    'html.lectern-print .lectern-handout-slide { flex: none; position: relative; width: ' + width * scale + 'px; height: ' + height * scale + 'px; overflow: hidden; outline: 1px solid #c8ccd0; }',
    'html.lectern-print .lectern-handout-slide .slide-number { display: none; }',
    'html.lectern-print .lectern-handout-slide > .lectern-page { transform: scale(' + scale + '); transform-origin: 0 0; }',
    'html.lectern-print .lectern-handout-notes { flex: 1 1 auto; min-height: 0; margin-top: 20px; overflow: hidden; font-size: 14px; line-height: 1.55; }',
    'html.lectern-print .lectern-handout-long .lectern-handout-notes { overflow: visible; }',
    'html.lectern-print .lectern-handout-notes p { margin: 0 0 0.6em; }'
  ].join('\n')
}


function layout(deck: RevealDeck, options?: {mode?: PrintMode}): PrintLayout {
  const mode = (options && options.mode) || 'slides'
  const config = deck.getConfig()
  const width = typeof config.width === 'number' ? config.width : 1280
  const height = typeof config.height === 'number' ? config.height : 720
  const container = document.querySelector('.reveal .slides')!
  const viewport = deck.getViewportElement ? deck.getViewportElement() : document.body
  const background = viewport ? window.getComputedStyle(viewport).background : ''
  const slides = leaves().filter((section) => !section.closest('.lectern-page'))
  const total = slides.length
  const numbers = Boolean(config.slideNumber)
  const sheets: HTMLElement[] = []
  const deckTitle = document.title

  slides.forEach(function (slide, index) {
    if (deck.loadSlide) deck.loadSlide(slide)
    const page = element('div', 'lectern-page')
    page.setAttribute('data-lectern-slide', slide.id || String(index + 1))
    if (background) page.style.background = background
    const slideBackground = (slide as HTMLElement & {slideBackgroundElement?: HTMLElement}).slideBackgroundElement
    if (slideBackground) page.appendChild(slideBackground)
    page.appendChild(slide)
    for (const fragment of Array.from(slide.querySelectorAll('.fragment:not(.fade-out)'))) fragment.classList.add('visible')
    if (numbers) {
      const number = element('div', 'slide-number lectern-page-number', page)
      number.textContent = index + 1 + ' / ' + total
    }
    const notes = notesOf(slide)

    if (mode === 'handout') {
      const sheet = element('div', 'lectern-sheet lectern-handout-sheet')
      const header = element('div', 'lectern-handout-header', sheet)
      element('span', '', header).textContent = deckTitle
      element('span', '', header).textContent = index + 1 + ' / ' + total
      element('div', 'lectern-handout-slide', sheet).appendChild(page)
      const body = element('div', 'lectern-handout-notes', sheet)
      body.innerHTML = notes
      sheets.push(sheet)
      return
    }

    page.classList.add('lectern-sheet')
    sheets.push(page)
    if (mode === 'notes' && notes) {
      const notesSheet = element('div', 'lectern-sheet lectern-notes-sheet')
      if (background) notesSheet.style.background = background
      element('p', 'lectern-notes-title', notesSheet).textContent = index + 1 + ' / ' + total + ' · ' + titleOf(slide)
      element('div', 'lectern-notes', notesSheet).innerHTML = notes
      sheets.push(notesSheet)
    }
  })

  while (container.firstChild) container.removeChild(container.firstChild)
  for (const sheet of sheets) container.appendChild(sheet)
  const style = element('style', '', document.head)
  style.textContent = css(width, height, mode)
  // Without `print-pdf`, reveal.css's `@media print` rules restyle every slide.
  document.documentElement.classList.add('lectern-print', 'print-pdf')
  window.scrollTo(0, 0)
  return {width: mode === 'handout' ? a4.width : width, height: mode === 'handout' ? a4.height : height, slides: total, sheets: sheets.length}
}

function fitHandouts(): number {
  let long = 0
  for (const notes of Array.from(document.querySelectorAll<HTMLElement>('.lectern-handout-notes'))) {
    let size = 14
    while (notes.scrollHeight > notes.clientHeight + 1 && size > notesMinimum) {
      size -= 0.5
      notes.style.fontSize = size + 'px'
    }
    if (notes.scrollHeight > notes.clientHeight + 1) {
      // It flows onto another page anyway: keep it readable.
      notes.style.fontSize = notesFlowing + 'px'
      notes.parentElement!.classList.add('lectern-handout-long')
      long++
    }
  }
  return long
}

function imagesLoaded(): Promise<unknown> {
  return Promise.all(
    Array.from(document.querySelectorAll<HTMLImageElement>('.lectern-sheet img'), function (image) {
      if (image.complete) return null
      return new Promise(function (resolve) {
        image.addEventListener('load', resolve)
        image.addEventListener('error', resolve)
      })
    })
  )
}

let deck: RevealDeck | undefined

const plugin: PrintPlugin = {
  id: 'lectern-print',
  init(given) {
    deck = given
  },
  layout: (options) => layout(deck!, options),
  fitHandouts,
  imagesLoaded
}

registerPlugin(plugin)
