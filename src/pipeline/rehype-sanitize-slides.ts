/**
 * rehype plugin: make untrusted HTML safe with rehype-sanitize, and warn at
 * its place about every element and attribute that was removed. Skipped when
 * raw HTML is allowed (`--allow-html`, or front matter `html: true`).
 */
import type {Element, Root, RootContent} from 'hast'
import rehypeSanitize from 'rehype-sanitize'
import type {VFile} from 'vfile'
import {sanitizeSchema, strippedTagNames} from '../safety/sanitize-schema.js'
import {createSanitizedCheck} from './sanitized-already.js'

export interface Options {
  /** Keep raw HTML as written, for trusted authors; `undefined` lets front matter `html` decide (default: `undefined`). */
  allowHtml?: boolean | null | undefined
}

const emptyOptions: Readonly<Options> = {}

/**
 * Property that pairs elements before and after sanitizing: a `data-*`
 * attribute, which the schema lets through unchanged. (A mark in
 * `element.data` would do too, but the sanitizer deep-copies every `data`.)
 * Added last and deleted first, so the objects keep their fast shape.
 */
const marker = 'dataLecternSanitizeMark'

/** Remove scripts, event handlers, unsafe URLs and embedded pages, with a warning each. */
export default function rehypeSanitizeSlides(options?: Readonly<Options> | null) {
  const allowHtml = (options || emptyOptions).allowHtml
  const sanitize = rehypeSanitize(sanitizeSchema)
  const isSanitized = createSanitizedCheck(sanitizeSchema)

  return function (tree: Root, file: VFile): Root | undefined {
    // front matter < an explicit option (the command line)
    if (allowHtml ?? file.data.meta?.html ?? false) return undefined
    // Nothing to remove, nothing to report: the tree stays as it is.
    if (isSanitized(tree)) return undefined
    mark(tree.children)
    const result = sanitize(tree)
    const kept = new Map<number, Element>()
    collect(result.children, kept)
    report(tree.children, kept, file)
    return result
  }
}

/** Number every element in document order, from `next` on; returns the number after the last. */
function mark(nodes: ReadonlyArray<RootContent>, next = 0): number {
  for (const node of nodes) {
    if (node.type !== 'element') continue
    node.properties[marker] = next++
    next = mark(node.children, next)
  }
  return next
}

/** Surviving elements by number; the marks are removed from the result. */
function collect(nodes: ReadonlyArray<RootContent>, kept: Map<number, Element>): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue
    const id = node.properties[marker]
    if (typeof id === 'number') {
      kept.set(id, node)
      delete node.properties[marker]
    }
    collect(node.children, kept)
  }
}

/**
 * Warn about removed elements and attributes. Inside an element that was
 * unwrapped (`<svg>`), its unknown descendants are not repeated.
 */
function report(nodes: ReadonlyArray<RootContent>, kept: ReadonlyMap<number, Element>, file: VFile, inRemoved = false): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue
    const id = node.properties[marker]
    delete node.properties[marker]
    const safe = typeof id === 'number' ? kept.get(id) : undefined
    if (!safe) {
      const stripped = strippedTagNames.includes(node.tagName)
      if (stripped || !inRemoved) {
        warn(file, node, `Unexpected \`<${node.tagName}>\` in HTML, expected safe HTML: removed it${stripped ? ' and its content' : ''}`)
      }
      if (!stripped) report(node.children, kept, file, true)
      continue
    }
    for (const [key, value] of Object.entries(node.properties)) {
      if (value === undefined || value === null || String(safe.properties[key]) === String(value)) continue
      warn(file, node, `Unexpected \`${toAttribute(key)}\` on \`<${node.tagName}>\` in HTML, expected a safe attribute: removed it`)
    }
    report(node.children, kept, file, inRemoved)
  }
}

function warn(file: VFile, node: Element, reason: string): void {
  file.message(`${reason} (\`--allow-html\` keeps HTML from a trusted author)`, {
    place: node.position,
    ruleId: 'unsafe-html',
    source: 'lectern'
  })
}

/** A hast property name as the attribute an author wrote: `onError` → `onerror`, `dataSrc` → `data-src`. */
export function toAttribute(key: string): string {
  if (key === 'className') return 'class'
  if (key === 'htmlFor') return 'for'
  if (/^data[A-Z]/.test(key)) return `data${key.slice(4).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
  if (/^aria[A-Z]/.test(key)) return `aria-${key.slice(4).toLowerCase()}`
  return key.toLowerCase()
}
