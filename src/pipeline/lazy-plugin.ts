/**
 * A plugin whose module loads only when a tree needs it, so a deck without
 * code or math never loads highlight.js or KaTeX (most of lectern's start-up
 * time otherwise).
 */
import type {Element, Root} from 'hast'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {someNode} from '../tree/some-node.js'

type Attacher = (this: Processor, ...parameters: any[]) => unknown
type RunTransformer = (tree: Root, file: VFile) => unknown

/** Wrap a plugin module loader: the plugin is attached and run only on trees `needed` accepts. */
export function lazyPlugin(load: () => Promise<{default: Attacher}>, needed: (tree: Root) => boolean, ...parameters: unknown[]) {
  return function (this: Processor) {
    const processor = this
    let transformer: Promise<RunTransformer | undefined> | undefined
    return async function (tree: Root, file: VFile): Promise<Root | undefined> {
      if (!needed(tree)) return undefined
      transformer ??= load().then((module) => module.default.call(processor, ...parameters) as RunTransformer | undefined)
      const run = await transformer
      const result = run ? await run(tree, file) : undefined
      return (result as Root | undefined) ?? undefined
    }
  }
}

/** Whether a hast tree has an element with one of these classes. */
export function hasClass(tree: Root, test: (name: string) => boolean): boolean {
  return someNode(tree, (node) => {
    if (node.type !== 'element') return false
    const classes = (node as Element).properties.className
    return Array.isArray(classes) && classes.some((name) => typeof name === 'string' && test(name))
  })
}

/** Whether a hast tree has raw HTML (from markdown) that must be parsed. */
export function hasRaw(tree: Root): boolean {
  return someNode(tree, (node) => node.type === 'raw')
}
