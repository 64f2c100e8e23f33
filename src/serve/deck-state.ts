/**
 * A served deck between builds: its last good build (the page, the files it
 * may serve, what to watch) and its problems, and the helpers that make one.
 */
import {createHash} from 'node:crypto'
import {existsSync, realpathSync, statSync} from 'node:fs'
import type {ServerResponse} from 'node:http'
import path from 'node:path'
import type {ParseCache} from '../markdown/cache.js'
import {deckExtensions, readDeckText} from '../render/inputs.js'
import type {OutputFile} from '../render/render.js'
import {clientDir} from '../paths.js'
import {isInside} from '../relative-path.js'
import type {DeckInfo} from '../deck/types.js'
import type {Served} from './http.js'
import {toLocalReference} from './request-path.js'

/** A problem shown in the overlay. */
export interface Problem {
  /** `slides/x.md:3:7`. */
  place: string
  reason: string
  ruleId?: string | undefined
}

/** A good build of a deck. */
export interface Good {
  html: string
  info: DeckInfo | undefined
  /** Render assets by path inside the deck. */
  assets: Map<string, Served>
  /** Local files the page references, by path inside the deck, to absolute paths. */
  local: Map<string, string>
  /** Signature of every served path, to tell which changed. */
  signatures: Map<string, string>
  /** Files to watch (markdown, theme, local references). */
  watched: string[]
}

export interface Deck {
  /** URL segment (`''` for the only deck of a file input). */
  name: string
  source: string
  input: string
  /** Folder local references resolve in. */
  folder: string
  /** Path the deck is served at: `/` or `/<name>/`. */
  base: string
  version: number
  good: Good | undefined
  problems: Problem[] | undefined
  clients: Set<ServerResponse>
  timer: NodeJS.Timeout | undefined
  building: Promise<void> | undefined
  /** The build running now: what aborts it, and the signature of the file it read (once read). */
  running: {abort: AbortController; read: string | undefined} | undefined
  dirty: boolean
  removed: boolean
  /** Parsed sections kept between builds, so a save re-parses only what changed. */
  cache: ParseCache
}

/** Attributes whose values name files a page loads. */
const referenceAttribute = /\s(?:src|href|poster|data-src|data-background-image|data-background-video|data-background)="([^"]*)"/g

/**
 * Some editors save by moving the old file away and writing a new one: a
 * missing deck is given this long to come back before it counts as gone.
 */
export const returnMs = 150

/** What changes when a file is saved again: its modification time and size (`''` when it cannot be read). */
export function fileSignature(file: string): string {
  try {
    const stats = statSync(file)
    return `${stats.mtimeMs}:${stats.size}`
  } catch {
    return ''
  }
}

/** Read a deck, giving a file that is missing a moment to be saved back. */
export async function readWhenSaved(source: string, input: string): Promise<string> {
  try {
    return readDeckText(source, input)
  } catch (error) {
    if (existsSync(source)) throw error
    await new Promise((resolve) => setTimeout(resolve, returnMs))
    return readDeckText(source, input)
  }
}

/** A good build: the page, the files it may load, and what to watch. */
export function toGood(deck: Deck, html: string, outputs: OutputFile[], info: DeckInfo | undefined, themeFiles: ReadonlyArray<string>): Good {
  const assets = new Map<string, Served>()
  const signatures = new Map<string, string>()
  const watched = new Set([deck.source, ...themeFiles])
  const client = clientDir()
  for (const output of outputs) {
    if (assets.has(output.path)) continue
    if (output.from) {
      // The deck's own files (images, a theme's fonts) are watched; installed packages and lectern's page runtime are not.
      if (!output.from.split(path.sep).includes('node_modules') && path.dirname(output.from) !== client) watched.add(output.from)
      assets.set(output.path, {from: output.from})
      signatures.set(output.path, `${output.from}:${statSignature(output.from)}`)
    } else {
      const content = Buffer.from(output.content ?? '')
      const etag = `"${createHash('sha1').update(content).digest('base64url')}"`
      assets.set(output.path, {content, etag})
      signatures.set(output.path, etag)
    }
  }
  const local = new Map<string, string>()
  for (const match of html.matchAll(referenceAttribute)) {
    const key = toLocalReference(decodeEntities(match[1]))
    if (!key || assets.has(key) || local.has(key)) continue
    const file = path.join(deck.folder, ...key.split('/'))
    local.set(key, file)
    signatures.set(key, statSignature(file))
    watched.add(file)
  }
  return {html, info, assets, local, signatures, watched: [...watched]}
}

/** Tell pages their version, so one that missed an update asks for it. */
export function withVersion(html: string, version: number): string {
  const meta = `<meta name="lectern-version" content="${version}">`
  // After the charset, which must come first.
  return /<meta charset="utf-8">/i.test(html) ? html.replace(/<meta charset="utf-8">/i, (charset) => charset + meta) : html.replace(/<head>/i, `<head>${meta}`)
}

/** A file's size and modification time, or `missing`. */
function statSignature(file: string): string {
  try {
    const stats = statSync(file)
    return `${stats.size}:${stats.mtimeMs}`
  } catch {
    return 'missing'
  }
}

/** Whether a file, symbolic links resolved, is inside a folder. */
export function isInsideResolved(file: string, folder: string): boolean {
  try {
    const real = realpathSync(file)
    const realFolder = realpathSync(folder)
    return real !== realFolder && isInside(real, realFolder)
  } catch {
    return false
  }
}

export function isDeckFile(file: string): boolean {
  const name = path.basename(file)
  return !name.startsWith('.') && (deckExtensions as ReadonlyArray<string>).includes(path.extname(name).toLowerCase())
}

function decodeEntities(value: string): string {
  return value.replace(/&(#x[\da-f]+|#\d+|amp|quot|apos|lt|gt);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase()
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16))
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10))
    return {amp: '&', quot: '"', apos: "'", lt: '<', gt: '>'}[lower] ?? ''
  })
}
