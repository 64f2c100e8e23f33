/**
 * mdast-util-to-hast handlers for the nodes `remarkSlides` creates: a slide is
 * a `<section>`, a stack a `<section>` of sections, notes an `<aside>`.
 * What reveal.js needs beyond that is `rehypeReveal`'s job.
 */
import type {Element, ElementContent, Properties} from 'hast'
import type {Handler, State} from 'mdast-util-to-hast'
import {find, html} from 'property-information'
import type {Notes, Slide, SlideData, Stack} from '../deck/types.js'

/**
 * Property that carries a slide's data to `rehypeReveal`, which removes it.
 * A property, not `data`, so it survives `rehype-raw` re-parsing the tree.
 */
export const slideDataProperty = 'dataLecternSlide'

/** Read (and remove) the slide data a handler left on a `<section>`. */
export function takeSlideData(node: Element): SlideData | undefined {
  const value = node.properties[slideDataProperty]
  if (typeof value !== 'string') return undefined
  delete node.properties[slideDataProperty]
  return JSON.parse(value) as SlideData
}

/** Handlers to pass to `remark-rehype` as `handlers`. */
export const slideHandlers: Record<'slide' | 'stack' | 'notes', Handler> = {
  slide(state: State, node: Slide): Element {
    const properties = {...toProperties(node.data?.attributes), [slideDataProperty]: JSON.stringify(node.data ?? {})}
    return toElement(state, node, 'section', properties, state.all(node) as ElementContent[])
  },
  stack(state: State, node: Stack): Element {
    return toElement(state, node, 'section', {}, state.all(node) as ElementContent[])
  },
  notes(state: State, node: Notes): Element {
    return toElement(state, node, 'aside', {className: ['notes']}, state.wrap(state.all(node) as ElementContent[], true))
  }
} as Record<'slide' | 'stack' | 'notes', Handler>

/** An element standing for `node`, its position copied (as remark-rehype's own handlers do). */
function toElement(state: State, node: Slide | Stack | Notes, tagName: string, properties: Properties, children: ElementContent[]): Element {
  const result: Element = {type: 'element', tagName, properties, children}
  state.patch(node, result)
  return result
}

/**
 * Attribute names as written (`data-background`) to hast properties
 * (`dataBackground`), the names the sanitizer's schema is written in.
 */
function toProperties(attributes: Record<string, string> | undefined): Properties {
  const properties: Properties = {}
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (name === 'class') properties.className = value.split(/\s+/).filter(Boolean)
    else properties[find(html, name).property] = value
  }
  return properties
}
