/**
 * The one class test for hast elements the pipeline and build share.
 */
import type {Element} from 'hast'

/** Whether a hast element has the class `name`. */
export function hasClassName(node: Element, name: string): boolean {
  const value = node.properties.className
  return Array.isArray(value) && value.includes(name)
}
