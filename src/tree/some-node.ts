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

/** Call `visitor` on `tree` and each node in it, parents before their children in document order; `false` from it skips that node's children. */
export function eachNode(tree: Node, visitor: (node: Node) => boolean | undefined): void {
  if (visitor(tree) === false) return
  const children = (tree as {children?: unknown}).children
  if (!Array.isArray(children)) return
  for (const child of children as Node[]) eachNode(child, visitor)
}
