/**
 * rehype plugin: a pandoc / Quarto column's width (`::: {.column width="40%"}`,
 * written as `data-width`) becomes its flex basis. It runs after sanitizing,
 * and writes `style` only from a width that is a plain CSS length, so the
 * page's style is lectern's, never the author's text.
 */
import type {Element, Root} from 'hast'
import {hasClassName} from '../tree/has-class-name.js'
import {columnWidth} from '../slides/fenced-divs.js'
import {eachNode} from '../tree/some-node.js'

/** Set `flex: 0 0 <width>` on `.column` elements with a valid `data-width`. */
export default function rehypeColumns() {
  return function (tree: Root): undefined {
    eachNode(tree, (any) => {
      if (any.type !== 'element') return undefined
      const node = any as Element
      const width = node.properties.dataWidth
      if (typeof width !== 'string' || !hasClassName(node, 'column')) return undefined
      if (!columnWidth.test(width.trim())) return undefined
      const style = typeof node.properties.style === 'string' && node.properties.style.trim() ? `${node.properties.style.trim().replace(/;?$/, ';')} ` : ''
      node.properties.style = `${style}flex: 0 1 ${width.trim()};`
      return undefined
    })
  }
}
