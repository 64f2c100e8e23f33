/**
 * Parse a large markdown file section by section: split it at top-level
 * headings (outside code, math, HTML blocks, directives and front matter),
 * parse groups of sections on this thread and on a worker thread at once,
 * shift positions back to whole-file lines and offsets, and join the pieces
 * into one tree equal to what `processor.parse(file)` gives. Parsed sections
 * can be cached by content, so a rebuild parses only what changed.
 *
 * micromark's time grows faster than the text on one large document (its
 * event list is spliced as a whole), so small groups are faster even on one
 * thread.
 */
import {existsSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {Worker} from 'node:worker_threads'
import type {Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {packageRoot} from '../paths.js'
import type {ParseCache} from './cache.js'
import {syntaxOf} from './syntax-of.js'
import {nextTurn} from '../next-turn.js'

/** Something that parses markdown text: a unified processor. */
export interface MarkdownParser {
  parse(file: string | VFile): unknown
  data(key: string): unknown
}

export interface ParseOptions {
  /** Parsed sections to reuse and to fill (default: none). */
  cache?: ParseCache | null | undefined
  /** Parse on a worker thread too: `true`, `false`, or unset to decide by size and cores (default: `undefined`). */
  worker?: boolean | null | undefined
  /** Characters of sections to parse in one call (default: `groupLength`). */
  groupLength?: number | null | undefined
  /** Parse large files on a worker thread only, so this thread stays free to answer requests (default: `false`). */
  offThread?: boolean | null | undefined
  /** Stop parsing when aborted: the worker ends and the promise rejects with the signal's reason; sections parsed so far stay cached (default: none). */
  signal?: AbortSignal | null | undefined
}

/** A top-level section of a markdown file. */
export interface Section {
  /** Offset of its first character. */
  start: number
  /** Offset after its last character. */
  end: number
  /** Line of its first character (1-based). */
  line: number
}

/** Below this many characters a file is parsed whole (unless a cache is given). */
export const minSectionedLength = 16_000
/** Sections are parsed in groups of about this many characters: small enough to avoid micromark's large-document cost, large enough to amortise a parse call. */
export const groupLength = 2_000
/** With fewer cores, a worker thread competes with V8's own threads and slows the build. */
export const minWorkerCores = 4
/** With this many characters to parse, a worker thread pays for its start-up. */
export const minWorkerLength = 96_000
/** Off the main thread, the event loop runs after joining this many sections (a few milliseconds of copying). */
const yieldSections = 200

/** Parse markdown into one mdast tree, by sections when the file is large; the tree equals `processor.parse(file)`. */
export async function parseMarkdown(processor: MarkdownParser, file: VFile, options?: Readonly<ParseOptions> | null): Promise<Root> {
  const settings = options || {}
  // As the parser reads it: a Uint8Array value is decoded as UTF-8.
  const value = String(file)
  const cache = settings.cache ?? undefined
  const maxGroup = settings.groupLength ?? groupLength
  const signal = settings.signal ?? undefined
  const offThread = settings.offThread === true
  signal?.throwIfAborted()
  const whole = async (): Promise<Root> => {
    if (!offThread || value.length < minSectionedLength) return processor.parse(file) as Root
    // The file as one text, as `processor.parse` reads it.
    const [tree] = await parseTexts(processor, [value], true, {thisThread: false, signal})
    return tree
  }
  // A byte order mark shifts micromark's offsets; definitions and footnotes
  // are shared between sections: both are parsed whole.
  if ((!cache && value.length < minSectionedLength) || value.charCodeAt(0) === 0xfeff || value.includes(']:')) return whole()

  const sections = splitSections(value)
  if (sections.length < 2 && !cache) return whole()

  // Cached sections are reused; the others are parsed in groups of neighbours.
  const parsed: Array<RootContent[] | undefined> = sections.map((section) => cache?.get(value.slice(section.start, section.end))?.nodes)
  const groups: Group[] = []
  for (const [index, section] of sections.entries()) {
    if (parsed[index]) continue
    const last = groups.at(-1)
    if (last && last.to === index && section.start - sections[last.from].start < maxGroup) last.to = index + 1
    else groups.push({from: index, to: index + 1})
  }
  const texts = groups.map((group) => groupText(value, sections, group))
  const missing = texts.reduce((sum, text) => sum + text.length, 0)
  // A second thread pays only when a core is idle; on a busy machine it adds work.
  // V8's own threads (concurrent GC, background compiles) keep a second core
  // busy already: on two cores a worker made a 1,000-slide build 100 ms slower.
  const cores = os.availableParallelism()
  // Off the main thread, what parses in milliseconds (a small deck, a few changed sections) still parses here.
  const away = offThread && missing >= minSectionedLength
  const useWorker = away || (settings.worker ?? (missing >= minWorkerLength && cores >= minWorkerCores && os.loadavg()[0] < cores - 1.5))
  let split = true
  // Each group is placed (and cached) as soon as it is parsed, so a parse that is aborted keeps what it did.
  const place = (index: number, tree: Root): void => {
    const group = groups[index]
    const pieces = split ? toSectionNodes(tree, sections, group, group.to < sections.length) : undefined
    if (!pieces) {
      split = false
      return
    }
    for (const [offset, nodes] of pieces.entries()) {
      const at = group.from + offset
      parsed[at] = nodes
      if (cache) cache.set(value.slice(sections[at].start, sections[at].end), {nodes})
    }
  }
  await parseTexts(processor, texts, useWorker, {thisThread: !away, signal, onTree: place})
  if (!split) return whole()

  const children: RootContent[] = []
  for (const [index, section] of sections.entries()) {
    if (offThread && index > 0 && index % yieldSections === 0) await nextTurn(signal)
    const shift = {line: section.line - 1, offset: section.start}
    // Cached nodes stay pristine: the pipeline changes the tree it is given (a cache that hands out copies needs none).
    for (const node of parsed[index]!) children.push(cache && !cache.copies ? cloneShifted(node, shift) : shiftInPlace(node, shift))
  }
  return {type: 'root', children, position: {start: {line: 1, column: 1, offset: 0}, end: endPoint(value)}}
}

/** Split markdown at top-level headings that follow a blank line, outside fenced code, math, HTML blocks, directive containers and front matter. */
export function splitSections(value: string): Section[] {
  const starts: Array<{start: number; line: number}> = [{start: 0, line: 1}]
  let offset = 0
  let line = 1
  let previousBlank = false
  let frontMatter = /^(?:---|\+\+\+)[ \t]*(?:\r?\n|\r)/.test(value)
  let fence: RegExp | undefined
  let htmlEnd: RegExp | undefined
  let directives = 0

  while (offset < value.length) {
    let end = offset
    while (end < value.length && value[end] !== '\n' && value[end] !== '\r') end++
    const text = value.slice(offset, end)
    const next = value[end] === '\r' && value[end + 1] === '\n' ? end + 2 : end + 1

    if (frontMatter) {
      if (line > 1 && /^(?:---|\+\+\+|\.\.\.)[ \t]*$/.test(text)) frontMatter = false
    } else if (fence) {
      if (fence.test(text)) fence = undefined
    } else if (htmlEnd) {
      if (htmlEnd.test(text)) htmlEnd = undefined
    } else {
      if (previousBlank && directives === 0 && offset > 0 && /^#{1,6}(?:[ \t]|$)/.test(text)) starts.push({start: offset, line})
      let match: RegExpExecArray | null
      if ((match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(text)) && !(match[1][0] === '`' && match[2].includes('`'))) {
        fence = new RegExp(`^ {0,3}${match[1][0] === '`' ? '`' : '~'}{${match[1].length},}[ \\t]*$`)
      } else if ((match = /^ {0,3}(\${2,})([^$]*)$/.exec(text))) {
        fence = new RegExp(`^ {0,3}\\\${${match[1].length},}[ \\t]*$`)
      } else if ((match = /^ {0,3}<(!--|\?|!\[CDATA\[|![A-Za-z]|(?:script|pre|style|textarea)(?=[\s>]|$))/i.exec(text))) {
        htmlEnd = htmlEndOf(match[1])
        if (htmlEnd.test(text.slice(match[0].length))) htmlEnd = undefined
      } else if (/^ {0,3}:{3,}[ \t]*[A-Za-z{]/.test(text)) {
        directives++
      } else if (directives > 0 && /^ {0,3}:{3,}[ \t]*$/.test(text)) {
        directives--
      }
    }

    previousBlank = /^[ \t]*$/.test(text)
    offset = next
    line++
  }

  return starts.map((start, index) => ({...start, end: index + 1 < starts.length ? starts[index + 1].start : value.length}))
}

interface Group {
  /** Index of its first section. */
  from: number
  /** Index after its last section. */
  to: number
}

/** The text of a group, plus the first line of the next section so the parse can show the group ended at top level. */
function groupText(value: string, sections: Section[], group: Group): string {
  const start = sections[group.from].start
  const end = sections[group.to - 1].end
  if (group.to >= sections.length) return value.slice(start, end)
  let lineEnd = end
  while (lineEnd < value.length && value[lineEnd] !== '\n' && value[lineEnd] !== '\r') lineEnd++
  return value.slice(start, lineEnd)
}

/**
 * The top-level nodes of each section of a group, positioned relative to the
 * section; `undefined` when a section does not start a top-level node (the
 * split was wrong: something open ran on).
 */
function toSectionNodes(tree: Root, sections: Section[], group: Group, hasNext: boolean): RootContent[][] | undefined {
  const base = sections[group.from]
  let children = tree.children
  if (hasNext) {
    const last = children.at(-1)
    if (!last || last.type !== 'heading' || last.position?.start.offset !== sections[group.to - 1].end - base.start) return undefined
    children = children.slice(0, -1)
  }
  const pieces: RootContent[][] = []
  let index = 0
  for (let at = group.from; at < group.to; at++) {
    const section = sections[at]
    const start = section.start - base.start
    const end = section.end - base.start
    const nodes: RootContent[] = []
    if (at > group.from && children[index]?.position?.start.offset !== start) return undefined
    while (index < children.length && (children[index].position?.start.offset ?? 0) < end) nodes.push(children[index++])
    const shift = {line: -(section.line - base.line), offset: -start}
    for (const node of nodes) shiftInPlace(node, shift)
    pieces.push(nodes)
  }
  return index === children.length ? pieces : undefined
}

export interface ParseTextsOptions {
  /** Parse on this thread too; `false` leaves every text to the worker, except those it could not parse (default: `true`). */
  thisThread?: boolean | undefined
  /** Stop when aborted: the worker ends and the promise rejects with the signal's reason (default: none). */
  signal?: AbortSignal | undefined
  /** Called with each tree as it is parsed, in any order (default: none). */
  onTree?: ((index: number, tree: Root) => void) | undefined
}

/**
 * Parse texts on this thread and, if asked, on a worker thread, each taking
 * the next text not yet taken.
 */
export async function parseTexts(
  processor: MarkdownParser,
  texts: string[],
  useWorker: boolean,
  options?: Readonly<ParseTextsOptions>
): Promise<Root[]> {
  const signal = options?.signal
  const onTree = options?.onTree
  // Not `new Array(n)`: `every` skips the holes of a sparse array.
  const trees: Array<Root | undefined> = Array.from({length: texts.length}, () => undefined)
  const counter = new Int32Array(new SharedArrayBuffer(4))
  const workerFile = path.join(packageRoot(), 'lib', 'parse-worker.js')
  let finished: Promise<void> | undefined
  let worker: Worker | undefined
  let onAbort: (() => void) | undefined

  if (useWorker && texts.length > 0 && existsSync(workerFile)) {
    // Loaded only here: most decks never start a thread.
    const threads = await import('node:worker_threads')
    worker = new threads.Worker(workerFile, {workerData: {texts, counter: counter.buffer}})
    worker.unref()
    const syntax = syntaxOf(processor)
    let refused = false
    finished = new Promise((resolve) => {
      const done = () => resolve()
      worker!.on('message', (message: {syntax: string} | {index: number; json: string} | {done: true}) => {
        if ('done' in message) return done()
        // A worker whose syntax differs from the processor's (a plugin added to
        // the chain but not to syntax.ts) is not trusted: this thread parses its texts.
        if ('syntax' in message) refused = message.syntax !== syntax
        else if (!refused && !signal?.aborted) {
          const tree = JSON.parse(message.json) as Root
          trees[message.index] = tree
          onTree?.(message.index, tree)
        }
        if (trees.every(Boolean)) done()
      })
      // A worker that cannot start or fails leaves its texts to this thread.
      worker!.on('error', done)
      worker!.on('exit', done)
      // A parse no longer wanted ends its worker at once.
      onAbort = done
      signal?.addEventListener('abort', onAbort, {once: true})
    })
  }

  try {
    const parse = (index: number): void => {
      const tree = processor.parse(texts[index]) as Root
      trees[index] = tree
      onTree?.(index, tree)
    }
    while (options?.thisThread !== false || !worker) {
      signal?.throwIfAborted()
      const index = Atomics.add(counter, 0, 1)
      if (index >= texts.length) break
      parse(index)
    }
    if (worker && finished && !trees.every(Boolean)) await finished
    signal?.throwIfAborted()
    for (const index of texts.keys()) if (!trees[index]) parse(index)
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort)
    if (worker) void worker.terminate()
  }
  return trees as Root[]
}

interface Shift {
  line: number
  offset: number
}

/** Move a node's positions (and its descendants') by whole lines and offsets, in place. */
function shiftInPlace<T extends object>(node: T, shift: Readonly<Shift>): T {
  const value = node as {position?: {start: Point; end: Point}; children?: object[]}
  if (value.position) {
    shiftPoint(value.position.start, shift)
    shiftPoint(value.position.end, shift)
  }
  if (value.children) for (const child of value.children) shiftInPlace(child, shift)
  return node
}

interface Point {
  line: number
  column: number
  offset?: number | undefined
}

function shiftPoint(point: Point, shift: Readonly<Shift>): void {
  point.line += shift.line
  if (point.offset !== undefined) point.offset += shift.offset
}

/** A deep copy of a node with its positions moved. */
function cloneShifted<T>(value: T, shift: Readonly<Shift>): T {
  if (Array.isArray(value)) return value.map((item) => cloneShifted(item, shift)) as T
  if (value === null || typeof value !== 'object') return value
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    if (key === 'position' && item) {
      const position = item as {start: Point; end: Point}
      copy.position = {start: movedPoint(position.start, shift), end: movedPoint(position.end, shift)}
    } else {
      copy[key] = cloneShifted(item, shift)
    }
  }
  return copy as T
}

function movedPoint(point: Point, shift: Readonly<Shift>): Point {
  const moved: Point = {line: point.line + shift.line, column: point.column}
  if (point.offset !== undefined) moved.offset = point.offset + shift.offset
  return moved
}

/** What ends an HTML block that blank lines do not end (CommonMark kinds 1 to 5). */
function htmlEndOf(opening: string): RegExp {
  if (opening === '!--') return /-->/
  if (opening === '?') return /\?>/
  if (opening === '![CDATA[') return /]]>/
  if (opening.startsWith('!')) return />/
  return /<\/(?:script|pre|style|textarea)>/i
}

/** The point after the last character, as micromark gives it for the root. */
function endPoint(value: string): {line: number; column: number; offset: number} {
  let line = 1
  let lineStart = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === 10 || code === 13) {
      if (code === 13 && value.charCodeAt(index + 1) === 10) index++
      line++
      lineStart = index + 1
    }
  }
  return {line, column: value.length - lineStart + 1, offset: value.length}
}
