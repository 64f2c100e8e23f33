/**
 * What `lectern check` measures in the page: the plugin `lectern-measure`,
 * added to a built deck once reveal.js is ready and lectern.js has fitted it,
 * and the shape of what its `measure()` returns.
 */
import {registerPlugin, type Plugin, type RevealDeck} from './reveal.js'
import {isNotes, leaves, safeArea, show} from './slides.js'

/** An element's source place, as `data-lectern-position` wrote it (`"12:3"`). */
export type Place = string | null

/** A text element whose colours were compared. */
export interface MeasuredContrast {
  place: Place
  /** Contrast ratio, such as `3.2`. */
  ratio: number
  /** Ratio required: 4.5, or 3 for large text. */
  required: number
  foreground: string
  background: string
  text: string
}

/** A text element drawn smaller than the readable minimum. */
export interface MeasuredSmallText {
  place: Place
  /** Font size in canvas pixels, the slide's own scaling included. */
  size: number
  text: string
}

/** One slide (a leaf `<section>`) as measured. */
export interface MeasuredSlide {
  /** Position among all slides, from 0. */
  index: number
  id: string
  /** `data-source-line` of the section. */
  line: number | null
  kind: string | null
  /** Scale the page runtime applied (1 when none). */
  scale: number
  /** Pixels the content reaches past the bottom edge of the safe area (0 when it fits). */
  overflowY: number
  /** Pixels the content reaches past the right edge. */
  overflowX: number
  /** The innermost element crossing an edge, if any. */
  overflowPlace: Place
  /** Height the content takes, in canvas pixels (scaled as shown). */
  contentHeight: number
  /** Height available to content. */
  availableHeight: number
  /** Whether the slide shows something besides its title. */
  hasContent: boolean
  /** Length of its speaker notes' text. */
  notesLength: number
  images: Array<{src: string; alt: string | null; place: Place; broken: boolean}>
  links: Array<{href: string; place: Place}>
  small: MeasuredSmallText[]
  contrast: MeasuredContrast[]
  /** Direct children of the slide and their heights (margins included), for calibrating the estimator. */
  blocks: Array<{tag: string; place: Place; height: number}>
}

/** What the page holds, as measured. */
export interface MeasuredDeck {
  slides: MeasuredSlide[]
  /** Every `id` in the page. */
  ids: string[]
  /** Number of vertical slides under each horizontal one (1 for a lone slide). */
  stacks: number[]
  /** Canvas size reveal.js lays slides out in. */
  width: number
  height: number
  /** The readable minimum it measured against, in canvas pixels. */
  minimumFontSize: number
}

/** Settings `measure()` takes. */
export interface MeasureSettings {
  /** Smallest font size in canvas pixels that is still readable. */
  minimumFontSize: number
}

/** The measuring plugin. */
export interface MeasurePlugin extends Plugin {
  /** Measure every slide of the deck. */
  measure(settings: MeasureSettings): MeasuredDeck
}

/** Measure every slide of a lectern deck. */
function measureDeck(reveal: RevealDeck, settings: MeasureSettings): MeasuredDeck {
  const config = reveal.getConfig() as {width: number; height: number}
  const horizontals = Array.prototype.slice.call(document.querySelectorAll('.reveal .slides > section')) as HTMLElement[]
  const stacks = horizontals.map(function (section) {
    const inner = section.querySelectorAll(':scope > section').length
    return inner > 0 ? inner : 1
  })
  const ids = (Array.prototype.slice.call(document.querySelectorAll('[id]')) as HTMLElement[]).map(function (element) {
    return element.id
  })

  const canvas = document.createElement('canvas')
  canvas.width = 1
  canvas.height = 1
  const context = canvas.getContext('2d', {willReadFrequently: true})!

  function toRgba(color: string): number[] {
    context.clearRect(0, 0, 1, 1)
    context.fillStyle = '#000'
    context.fillStyle = color
    context.fillRect(0, 0, 1, 1)
    const data = context.getImageData(0, 0, 1, 1).data
    return [data[0], data[1], data[2], data[3] / 255]
  }

  function over(top: number[], bottom: number[]): number[] {
    const alpha = top[3] + bottom[3] * (1 - top[3])
    if (alpha === 0) return [0, 0, 0, 0]
    return [0, 1, 2]
      .map(function (i) {
        return (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / alpha
      })
      .concat([alpha])
  }

  function luminance(rgb: number[]): number {
    const channel = rgb.slice(0, 3).map(function (value) {
      const c = value / 255
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)
    })
    return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2]
  }

  function hex(rgb: number[]): string {
    return (
      '#' +
      rgb
        .slice(0, 3)
        .map(function (v) {
          return ('0' + Math.round(v).toString(16)).slice(-2)
        })
        .join('')
    )
  }

  // The colour behind everything: the page, then the slide's own background.
  function baseBackground(section: HTMLElement): number[] | null {
    let base = [255, 255, 255, 1]
    const viewport = document.querySelector('.reveal-viewport') || document.body
    for (const element of [document.documentElement, document.body, viewport as HTMLElement]) {
      const style = getComputedStyle(element)
      if (style.backgroundImage !== 'none') return null
      base = over(toRgba(style.backgroundColor), base)
    }
    const background = reveal.getSlideBackground ? reveal.getSlideBackground(section) : undefined
    if (background) {
      const style = getComputedStyle(background)
      if (style.backgroundImage !== 'none' || background.querySelector('video, iframe')) return null
      base = over(toRgba(style.backgroundColor), base)
      const content = background.querySelector('.slide-background-content') as HTMLElement | null
      if (content) {
        const inner = getComputedStyle(content)
        if (inner.backgroundImage !== 'none') return null
        base = over(toRgba(inner.backgroundColor), base)
      }
    }
    return base
  }

  function backgroundOf(element: HTMLElement, section: HTMLElement, base: number[]): number[] | null {
    const layers: number[][] = []
    let current: HTMLElement | null = element
    while (current) {
      const style = getComputedStyle(current)
      if (style.backgroundImage !== 'none') return null
      layers.push(toRgba(style.backgroundColor))
      if (current === section) break
      current = current.parentElement
    }
    let color = base
    for (let i = layers.length - 1; i >= 0; i--) color = over(layers[i], color)
    return color
  }

  function ownText(element: HTMLElement): string {
    let text = ''
    for (const node of Array.prototype.slice.call(element.childNodes) as Node[]) {
      if (node.nodeType === 3) text += node.nodeValue
    }
    return text.replace(/\s+/g, ' ').trim()
  }

  function placeOf(element: Element | null): Place {
    let current: Element | null = element
    while (current) {
      const value = current.getAttribute('data-lectern-position')
      if (value) return value
      if (current.tagName === 'SECTION') return null
      current = current.parentElement
    }
    return null
  }

  const slides: MeasuredSlide[] = []
  leaves().forEach(function (section, index) {
    const restore = show([section])
    const area = safeArea(section)
    const rect = area.box
    const zoom = area.zoom
    const top = rect.top + area.top * zoom
    const bottom = rect.top + area.bottom * zoom
    const right = rect.left + area.right * zoom
    // Past the content box: the slide's padding is a safe margin, not room for content.
    let overflowY = Math.max(0, section.scrollHeight - section.clientHeight)
    let overflowX = Math.max(0, section.scrollWidth - section.clientWidth)

    const shown = (Array.prototype.slice.call(section.children) as HTMLElement[]).filter(function (child) {
      return !isNotes(child) && getComputedStyle(child).display !== 'none'
    })

    for (const child of shown) {
      const box = child.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      overflowY = Math.max(overflowY, (box.bottom - bottom) / zoom)
      overflowX = Math.max(overflowX, (box.right - right) / zoom)
    }
    overflowY = Math.round(overflowY * 10) / 10
    overflowX = Math.round(overflowX * 10) / 10

    // The innermost element that crosses an edge, for a precise line.
    let overflowPlace: Place = null
    if (overflowY > 1 || overflowX > 1) {
      let candidates = shown
      let found: HTMLElement | null = null
      for (let depth = 0; depth < 6 && candidates.length > 0; depth++) {
        let next: HTMLElement | null = null
        for (const child of candidates) {
          const box = child.getBoundingClientRect()
          if (box.bottom > bottom + zoom || box.right > right + zoom) {
            next = child
            break
          }
        }
        if (!next) break
        found = next
        if (getComputedStyle(next).display === 'inline') break
        candidates = Array.prototype.slice.call(next.children) as HTMLElement[]
      }
      overflowPlace = placeOf(found)
    }

    let contentBottom = top
    const blocks: MeasuredSlide['blocks'] = []
    shown.forEach(function (child, i) {
      const box = child.getBoundingClientRect()
      const marginBottom = parseFloat(getComputedStyle(child).marginBottom) || 0
      contentBottom = Math.max(contentBottom, box.bottom)
      const nextBox = shown[i + 1] ? shown[i + 1].getBoundingClientRect() : null
      // Margins collapse between siblings: measure from this top to the next top.
      const height = nextBox ? (nextBox.top - box.top) / zoom : box.height / zoom + marginBottom
      blocks.push({tag: child.tagName.toLowerCase(), place: placeOf(child), height: Math.round(height * 10) / 10})
    })

    const notes = section.querySelector(':scope > aside.notes')
    const notesLength = notes ? (notes.textContent || '').trim().length : 0
    let hasContent = false
    for (const child of shown) {
      if (/^H[1-6]$/.test(child.tagName)) continue
      if ((child.textContent || '').trim() || child.querySelector('img, video, svg, canvas, iframe, table, pre') || /^(IMG|VIDEO|SVG|CANVAS|IFRAME|TABLE|PRE)$/i.test(child.tagName)) {
        hasContent = true
        break
      }
    }

    const images: MeasuredSlide['images'] = []
    // The build shows an image it could not find as `.lectern-missing-image`.
    for (const missing of Array.prototype.slice.call(section.querySelectorAll('.lectern-missing-image')) as HTMLElement[]) {
      images.push({src: missing.getAttribute('title') || '', alt: missing.textContent, place: placeOf(missing), broken: true})
    }
    for (const image of Array.prototype.slice.call(section.querySelectorAll('img')) as HTMLImageElement[]) {
      images.push({
        src: image.getAttribute('src') || '',
        alt: image.getAttribute('alt'),
        place: placeOf(image),
        broken: image.complete && image.naturalWidth === 0
      })
    }
    const links: MeasuredSlide['links'] = []
    for (const link of Array.prototype.slice.call(section.querySelectorAll('a[href]')) as HTMLAnchorElement[]) {
      links.push({href: link.getAttribute('href') || '', place: placeOf(link)})
    }

    const small: MeasuredSmallText[] = []
    const contrast: MeasuredContrast[] = []
    const base = baseBackground(section)
    const scaleValue = Number(section.getAttribute('data-lectern-scale') || '1')
    for (const element of Array.prototype.slice.call(section.querySelectorAll('*')) as HTMLElement[]) {
      if (element.closest('aside.notes, .katex, sup, sub, svg')) continue
      const text = ownText(element)
      if (!text) continue
      const elementStyle = getComputedStyle(element)
      if (elementStyle.display === 'none' || elementStyle.visibility === 'hidden') continue
      const size = parseFloat(elementStyle.fontSize)
      if (size < settings.minimumFontSize - 0.05) {
        small.push({place: placeOf(element), size: Math.round(size * 10) / 10, text: text.slice(0, 40)})
      }
      if (!base) continue
      const background = backgroundOf(element, section, base)
      if (!background) continue
      const foreground = over(toRgba(elementStyle.color), background)
      const a = luminance(foreground)
      const b = luminance(background)
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
      const bold = Number(elementStyle.fontWeight) >= 700
      // WCAG: large text is 18pt (24px), or 14pt (18.67px) bold.
      const required = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5
      if (ratio < required) {
        contrast.push({
          place: placeOf(element),
          ratio: Math.floor(ratio * 100) / 100,
          required,
          foreground: hex(foreground),
          background: hex(background),
          text: text.slice(0, 40)
        })
      }
    }

    slides.push({
      index,
      id: section.id,
      line: section.hasAttribute('data-source-line') ? Number(section.getAttribute('data-source-line')) : null,
      kind: section.getAttribute('data-kind'),
      scale: scaleValue,
      overflowY: overflowY > 1 ? overflowY : 0,
      overflowX: overflowX > 1 ? overflowX : 0,
      overflowPlace,
      contentHeight: Math.round(((contentBottom - top) / zoom) * 10) / 10,
      availableHeight: Math.round(((bottom - top) / zoom) * 10) / 10,
      hasContent,
      notesLength,
      images,
      links,
      small,
      contrast,
      blocks
    })

    restore()
  })

  return {slides, ids, stacks, width: config.width, height: config.height, minimumFontSize: settings.minimumFontSize}
}

let deck: RevealDeck | undefined

const plugin: MeasurePlugin = {
  id: 'lectern-measure',
  init(given) {
    deck = given
  },
  measure: (settings) => measureDeck(deck!, settings)
}

registerPlugin(plugin)
