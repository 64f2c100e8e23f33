/**
 * rehype plugin: write the markdown `line:column` each element inside a slide
 * came from as `data-lectern-position`, so a browser measuring the page (see
 * `lectern check`) can point at the source of what it finds.
 */
import type {Element, Root} from 'hast'
import {eachNode} from '../tree/some-node.js'

/** Attribute (as a hast property) that carries an element's source place. */
export const positionProperty = 'dataLecternPosition'

/** Mark every element that has a source position with its `line:column`. */
export default function rehypePositions() {
  return function (tree: Root): undefined {
    eachNode(tree, (node) => {
      const start = node.position?.start
      if (node.type !== 'element' || !start) return undefined
      const {properties} = node as Element
      if (properties[positionProperty] === undefined) properties[positionProperty] = `${start.line}:${start.column}`
      return undefined
    })
  }
}
