/**
 * rehype plugin: write the markdown `line:column` each element inside a slide
 * came from as `data-lectern-position`, so a browser measuring the page (see
 * `lectern check`) can point at the source of what it finds.
 */
import type {Element, Root} from 'hast'
import {visit} from 'unist-util-visit'

/** Attribute (as a hast property) that carries an element's source place. */
export const positionProperty = 'dataLecternPosition'

/** Mark every element that has a source position with its `line:column`. */
export default function rehypePositions() {
  return function (tree: Root): undefined {
    visit(tree, 'element', function (node: Element) {
      const start = node.position?.start
      if (start && node.properties[positionProperty] === undefined) {
        node.properties[positionProperty] = `${start.line}:${start.column}`
      }
    })
  }
}
