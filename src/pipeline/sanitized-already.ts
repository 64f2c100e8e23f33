/**
 * Whether sanitizing a tree would change nothing, decided without copying
 * it: hast-util-sanitize rebuilds every node (and deep-copies every `data`),
 * which on a deck of a thousand slides costs a tenth of a second, while most
 * decks hold only what markdown makes. The answer comes from the sanitizer
 * itself: each distinct element (its tag and properties) is sanitized once,
 * alone, and must come back as it was.
 *
 * The tree is unchanged by sanitizing when it holds only elements and text
 * (comments, doctypes and raw nodes are removed), every element's tag is
 * allowed where it stands (`ancestors`), every element comes back from the
 * sanitizer with the same properties (nothing removed, nothing added by
 * `required`), and every position is one the sanitizer would copy as is.
 */
import type {Element, ElementContent, Properties, Root} from 'hast'
import {sanitize, type Schema} from 'hast-util-sanitize'

type Point = {line: number; column: number; offset?: number | undefined}

/** A check for one schema; it keeps the verdicts of the elements it has seen. */
export function createSanitizedCheck(schema: Readonly<Schema>): (tree: Root) => boolean {
  const tagNames = new Set(schema.tagNames ?? [])
  const ancestors = schema.ancestors ?? {}
  const verdicts = new Map<string, boolean>()

  /** Whether the sanitizer gives this element back with the same properties. */
  function keepsProperties(node: Element): boolean {
    const key = elementKey(node)
    let verdict = key === undefined ? undefined : verdicts.get(key)
    if (verdict === undefined) {
      // An element that needs an ancestor is tried inside one.
      const alone: Element = {type: 'element', tagName: node.tagName, properties: node.properties, children: []}
      const needs = Object.hasOwn(ancestors, node.tagName) ? ancestors[node.tagName] : undefined
      const probe: Root = {type: 'root', children: [needs ? {type: 'element', tagName: needs[0], properties: {}, children: [alone]} : alone]}
      const result = sanitize(probe, schema) as Root
      const first = result.children[0]
      const back = needs ? (first?.type === 'element' ? first.children[0] : undefined) : first
      verdict = back?.type === 'element' && back.tagName === node.tagName && sameProperties(back.properties, node.properties)
      if (key !== undefined) verdicts.set(key, verdict)
    }
    return verdict
  }

  function allowedHere(name: string, stack: ReadonlyArray<string>): boolean {
    if (name === '*' || !tagNames.has(name)) return false
    const needs = Object.hasOwn(ancestors, name) ? ancestors[name] : undefined
    return !needs || needs.some((ancestor) => stack.includes(ancestor))
  }

  function safe(node: ElementContent, stack: string[]): boolean {
    if (!plainPosition(node.position)) return false
    if (node.type === 'text') return typeof node.value === 'string'
    if (node.type !== 'element' || !allowedHere(node.tagName, stack) || !keepsProperties(node)) return false
    stack.push(node.tagName)
    for (const child of node.children) if (!safe(child, stack)) return false
    stack.pop()
    return true
  }

  return function (tree) {
    if (!plainPosition(tree.position)) return false
    const stack: string[] = []
    for (const child of tree.children) if (child.type === 'doctype' || child.type === 'comment' || !safe(child as ElementContent, stack)) return false
    return true
  }
}

/**
 * A key that tells elements apart as the sanitizer does: by tag, property
 * names, and values with their types (JSON of strings, so no two differ
 * only in how they are written). `undefined` for values that are not
 * primitives or lists of them: such an element is always tried afresh.
 */
function elementKey(node: Element): string | undefined {
  const parts = [node.tagName]
  for (const [name, value] of Object.entries(node.properties)) {
    const encoded = Array.isArray(value) ? listKey(value) : primitiveKey(value)
    if (encoded === undefined) return undefined
    parts.push(name, encoded)
  }
  return JSON.stringify(parts)
}

function listKey(values: ReadonlyArray<unknown>): string | undefined {
  const parts: string[] = []
  for (const value of values) {
    const encoded = primitiveKey(value)
    if (encoded === undefined) return undefined
    parts.push(encoded)
  }
  return `a${JSON.stringify(parts)}`
}

function primitiveKey(value: unknown): string | undefined {
  if (typeof value === 'string') return `s${value}`
  if (typeof value === 'number') return `n${String(value)}`
  if (typeof value === 'boolean') return `b${String(value)}`
  if (value === null) return 'z'
  if (value === undefined) return 'u'
  return undefined
}

/** Same keys, same values (lists item by item). */
function sameProperties(a: Properties, b: Properties): boolean {
  const keys = Object.keys(b)
  if (Object.keys(a).length !== keys.length) return false
  for (const key of keys) {
    const x = a[key]
    const y = b[key]
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((item, index) => item !== y[index])) return false
    } else if (x !== y) return false
  }
  return true
}

/** A position the sanitizer copies as it is: none, or a start and an end of lines and columns from 1. */
function plainPosition(position: {start: Point; end: Point} | undefined): boolean {
  return position === undefined || (plainPoint(position.start) && plainPoint(position.end))
}

function plainPoint(point: Point | undefined): boolean {
  return (
    point !== undefined &&
    typeof point.line === 'number' &&
    point.line > 0 &&
    typeof point.column === 'number' &&
    point.column > 0 &&
    (point.offset === undefined || (typeof point.offset === 'number' && point.offset > -1))
  )
}
