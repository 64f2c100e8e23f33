/**
 * Existence checks over a whole tree, without unist-util-visit's bookkeeping
 * (the ancestors list of every node): the lazy plugins and the build ask
 * them of every deck.
 */
import type {Node} from 'unist'

/** Whether `tree` or a node in it (by `children`, depth first) passes `test`. */
export function someNode(tree: Node, test: (node: Node) => boolean): boolean {
  if (test(tree)) return true
  const children = (tree as {children?: unknown}).children
  if (!Array.isArray(children)) return false
  for (const child of children as Node[]) if (someNode(child, test)) return true
  return false
}
