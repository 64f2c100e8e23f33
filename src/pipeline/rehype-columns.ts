/**
 * rehype plugin: a pandoc / Quarto column's width (`::: {.column width="40%"}`,
 * written as `data-width`) becomes its flex basis. It runs after sanitizing,
 * and writes `style` only from a width that is a plain CSS length, so the
 * page's style is lectern's, never the author's text.
 */
import type {Root} from 'hast'
import {visit} from 'unist-util-visit'
import {hasClassName} from './has-class-name.js'
import {columnWidth} from './slides/fenced-divs.js'

/** Set `flex: 0 0 <width>` on `.column` elements with a valid `data-width`. */
export default function rehypeColumns() {
  return function (tree: Root): undefined {
    visit(tree, 'element', (node) => {
      const width = node.properties.dataWidth
      if (typeof width !== 'string' || !hasClassName(node, 'column')) return
      if (!columnWidth.test(width.trim())) return
      const style = typeof node.properties.style === 'string' && node.properties.style.trim() ? `${node.properties.style.trim().replace(/;?$/, ';')} ` : ''
      node.properties.style = `${style}flex: 0 1 ${width.trim()};`
    })
  }
}
