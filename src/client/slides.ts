/**
 * The slides of a reveal.js page, as lectern's page programs find and
 * measure them: a slide is a leaf `<section>` (a lone slide, or one of a
 * vertical stack); its content is what is not its speaker notes.
 */

const slideSelector = '.reveal .slides section'

/** Whether a section is a slide rather than a stack of slides. */
export function isLeaf(section: Element): boolean {
  return !section.querySelector('section')
}

/** Every slide of the page, in order. */
export function leaves(): HTMLElement[] {
  return Array.prototype.filter.call(document.querySelectorAll(slideSelector), isLeaf) as HTMLElement[]
}

/** The slides of these top-level sections: each one, or the slides of its stack. */
export function leavesOf(roots: ReadonlyArray<Element>): HTMLElement[] {
  const found: HTMLElement[] = []
  for (const root of roots) {
    if (isLeaf(root)) found.push(root as HTMLElement)
    else found.push(...(Array.prototype.filter.call(root.querySelectorAll('section'), isLeaf) as HTMLElement[]))
  }
  return found
}

/** The slide an element is on, if any. */
export function slideOf(element: EventTarget | null): HTMLElement | null {
  const section = element && (element as Element).closest ? (element as Element).closest<HTMLElement>(slideSelector) : null
  return section && isLeaf(section) ? section : null
}

/** Whether a child of a slide is its speaker notes. */
export function isNotes(element: Element): boolean {
  return element.tagName === 'ASIDE' && element.classList.contains('notes')
}

/**
 * Show slides (reveal.js hides those away from the current one, and their
 * stacks) so they can be measured, all in one layout; returns what puts
 * them back as they were.
 */
export function show(sections: ReadonlyArray<HTMLElement>): () => void {
  const parents: HTMLElement[] = []
  const parentDisplays: string[] = []
  const displays = sections.map(function (section) {
    const parent = section.parentElement && section.parentElement.tagName === 'SECTION' ? section.parentElement : null
    if (parent && !parents.includes(parent)) {
      parents.push(parent)
      parentDisplays.push(parent.style.display)
      parent.style.display = 'block'
    }
    const display = section.style.display
    section.style.display = 'block'
    return display
  })
  return function () {
    sections.forEach(function (section, index) {
      section.style.display = displays[index]
    })
    parents.forEach(function (parent, index) {
      parent.style.display = parentDisplays[index]
    })
  }
}

/** Where a slide's content may go: its box on screen, and its content box (padding is a safe margin, not room for content). */
export interface SafeArea {
  /** The slide's box on screen. */
  box: DOMRect
  /** Screen pixels per canvas pixel (reveal.js scales the canvas to the window). */
  zoom: number
  /** Top, bottom and right edge of the content box, in canvas pixels from the slide's top left corner. */
  top: number
  bottom: number
  right: number
}

/** The safe area of a shown slide. */
export function safeArea(section: HTMLElement): SafeArea {
  const style = getComputedStyle(section)
  const box = section.getBoundingClientRect()
  return {
    box,
    zoom: section.offsetWidth > 0 && box.width > 0 ? box.width / section.offsetWidth : 1,
    top: parseFloat(style.paddingTop),
    bottom: section.clientHeight - parseFloat(style.paddingBottom),
    right: section.clientWidth - parseFloat(style.paddingRight)
  }
}
