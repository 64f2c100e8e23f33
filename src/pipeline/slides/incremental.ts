/**
 * Front matter `incremental: true`: the lists a slide shows appear item by
 * item (reveal.js fragments), as pandoc's and Quarto's option does.
 */
import type {ListItem} from 'mdast'
import {SKIP, visit} from 'unist-util-visit'
import type {Slide} from '../types.js'
import {isNonIncremental} from './fenced-divs.js'

/** Make every list item a slide shows (notes and `::: nonincremental` divs aside) a fragment. */
export function makeIncremental(slide: Slide): void {
  visit(slide, (node) => {
    if (node.type === 'notes' || isNonIncremental(node)) return SKIP
    if (node.type !== 'listItem') return
    const data = ((node as ListItem).data ??= {})
    const properties = (data.hProperties ??= {})
    // Task list items keep the class the default handler would have given them.
    const existing = Array.isArray(properties.className)
      ? (properties.className as string[])
      : typeof (node as ListItem).checked === 'boolean' ? ['task-list-item'] : []
    if (!existing.includes('fragment')) properties.className = [...existing, 'fragment']
  })
}
