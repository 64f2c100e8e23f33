/**
 * The inline side of the page as PowerPoint runs: text with its bold,
 * italic, code, link and script properties, and the two blocks made only of
 * runs — a table's cells and a code block's highlighted lines. Pure hast in,
 * data out, like `pptx-slides.ts`, which calls it.
 */
import type {Element, ElementContent, Root, RootContent} from 'hast'
import {toString} from 'hast-util-to-string'

/** A run of text with one set of properties. */
export interface PptxRun {
  text: string
  bold?: boolean
  italic?: boolean
  code?: boolean
  strike?: boolean
  /** Link target (`https://…`, `mailto:…`). */
  link?: string
  /** highlight.js scope of a code token (`keyword`, `string`, …). */
  token?: string
  superscript?: boolean
  subscript?: boolean
  /** A line break inside the paragraph. */
  break?: boolean
}

/** A table: rows of cells of runs. */
export interface PptxTable {
  rows: PptxRun[][][]
  /** Rows of the table's head. */
  header: number
  align: Array<'left' | 'center' | 'right'>
}

/** A code block: lines of runs, each token's highlight.js scope kept. */
export interface PptxCode {
  lines: PptxRun[][]
  lang: string | undefined
}

/** The properties inherited by the runs inside an element. */
export interface Style {
  bold?: boolean
  italic?: boolean
  code?: boolean
  strike?: boolean
  link?: string
  superscript?: boolean
  subscript?: boolean
}

/** Elements that only style their text, and the style each adds. */
const emphasisOf: Readonly<Record<string, Partial<Style>>> = {
  strong: {bold: true},
  b: {bold: true},
  em: {italic: true},
  i: {italic: true},
  code: {code: true},
  kbd: {code: true},
  samp: {code: true},
  del: {strike: true},
  s: {strike: true},
  sup: {superscript: true},
  sub: {subscript: true}
}

/** The runs of inline content, styled as its elements say. */
export function toRuns(nodes: ElementContent[], style: Style): PptxRun[] {
  const runs: PptxRun[] = []
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = style.code ? node.value : node.value.replace(/\s+/g, ' ')
      if (text) runs.push({text, ...style})
      continue
    }
    if (node.type !== 'element') continue
    if (hasClass(node, 'katex')) {
      // To do: inline math as a picture; a text box cannot hold one inside its lines, so its TeX stays editable text.
      runs.push({text: toTex(node), ...style, italic: true})
      continue
    }
    const emphasis = emphasisOf[node.tagName]
    if (emphasis) {
      runs.push(...toRuns(node.children, {...style, ...emphasis}))
      continue
    }
    switch (node.tagName) {
      case 'br':
        runs.push({text: '', break: true})
        break
      case 'a': {
        const href = typeof node.properties.href === 'string' ? node.properties.href : undefined
        runs.push(...toRuns(node.children, {...style, link: href && /^(https?:|mailto:|#)/.test(href) ? href : style.link}))
        break
      }
      case 'img':
        if (node.properties.alt) runs.push({text: String(node.properties.alt), ...style})
        break
      case 'input':
        // A task list's checkbox.
        runs.push({text: node.properties.checked ? '☑ ' : '☐ ', ...style})
        break
      default:
        runs.push(...toRuns(node.children, style))
    }
  }
  return joinRuns(runs)
}

/** Neighbouring runs with the same properties are one run. */
export function joinRuns(runs: PptxRun[]): PptxRun[] {
  const joined: PptxRun[] = []
  for (const run of runs) {
    const last = joined.at(-1)
    if (last && !last.break && !run.break && sameStyle(last, run)) last.text += run.text
    else joined.push({...run})
  }
  return joined
}

function sameStyle(a: PptxRun, b: PptxRun): boolean {
  const keys = ['bold', 'italic', 'code', 'strike', 'link', 'token', 'superscript', 'subscript'] as const
  return keys.every((key) => a[key] === b[key])
}

/** Drop space at the ends of a paragraph, and breaks left at its ends. */
export function trimRuns(runs: PptxRun[]): PptxRun[] {
  const result = runs.map((run) => ({...run}))
  while (result[0] && (result[0].break || !result[0].text.trim())) result.shift()
  while (result.at(-1) && (result.at(-1)!.break || !result.at(-1)!.text.trim())) result.pop()
  if (result[0]) result[0].text = result[0].text.trimStart()
  if (result.at(-1)) result.at(-1)!.text = result.at(-1)!.text.trimEnd()
  return result
}

/** A table's rows of cells of runs, its header rows and column alignment. */
export function toTable(table: Element): PptxTable {
  const rows: PptxRun[][][] = []
  const align: Array<'left' | 'center' | 'right'> = []
  let header = 0
  const visitRows = (node: Element, inHead: boolean) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'tr') {
        const cells = child.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'))
        cells.forEach((cell, index) => {
          const value = String(cell.properties.align ?? /text-align:\s*(\w+)/.exec(String(cell.properties.style ?? ''))?.[1] ?? '')
          if (value === 'center' || value === 'right' || value === 'left') align[index] ??= value
        })
        rows.push(cells.map((cell) => trimRuns(toRuns(cell.children, cell.tagName === 'th' ? {bold: true} : {}))))
        if (inHead) header++
      } else {
        visitRows(child, child.tagName === 'thead' || inHead)
      }
    }
  }
  visitRows(table, false)
  const width = Math.max(0, ...rows.map((row) => row.length))
  return {rows, header, align: Array.from({length: width}, (_, index) => align[index] ?? 'left')}
}

/** A code block's lines of highlighted runs. */
export function toCode(pre: Element): PptxCode {
  const code = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code') ?? pre
  const lang = typeof pre.properties.dataLang === 'string' ? pre.properties.dataLang : undefined
  const runs: PptxRun[] = []
  const walk = (nodes: ElementContent[], token: string | undefined) => {
    for (const node of nodes) {
      if (node.type === 'text') runs.push({text: node.value, code: true, token})
      else if (node.type === 'element') {
        const scope = classes(node).find((name) => name.startsWith('hljs-'))?.slice(5).split(/[_.]/)[0]
        walk(node.children, scope ?? token)
      }
    }
  }
  walk(code.children, undefined)
  // Split into lines at newlines, keeping each token's scope.
  const lines: PptxRun[][] = [[]]
  for (const run of runs) {
    run.text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([])
      if (part) lines.at(-1)!.push({...run, text: part})
    })
  }
  while (lines.length > 1 && lines.at(-1)!.length === 0) lines.pop()
  return {lines: lines.map(joinRuns), lang}
}

/** The TeX source KaTeX keeps in its MathML annotation. */
export function toTex(node: Element): string {
  let tex: string | undefined
  const walk = (current: Element | Root) => {
    for (const child of current.children as RootContent[]) {
      if (tex !== undefined || child.type !== 'element') continue
      if (child.tagName === 'annotation') tex = toString(child)
      else walk(child)
    }
  }
  walk(node)
  return (tex ?? toString(node)).trim()
}

/** The element's class names. */
export function classes(node: Element): string[] {
  const value = node.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

/** Whether the element has a class. */
export function hasClass(node: Element, name: string): boolean {
  return classes(node).includes(name)
}
