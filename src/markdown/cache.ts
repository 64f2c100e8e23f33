/**
 * A cache of parsed sections, keyed by a hash of their text, so a rebuild
 * (or a live reload) parses only the sections that changed.
 */
import {createRequire} from 'node:module'
import type {RootContent} from 'mdast'

/** A section's parsed top-level nodes, positioned as if the section started the file. */
export interface CachedSection {
  /** Top-level nodes; never handed out, only copies of them. */
  nodes: RootContent[]
}

/** Parsed sections by content; give the same cache to renders of the same deck. */
export interface ParseCache {
  /** The section parsed from `text`, if cached; marks it recently used. */
  get(text: string): CachedSection | undefined
  /** Remember the nodes parsed from `text`. */
  set(text: string, section: CachedSection): void
  /** Number of cached sections. */
  readonly size: number
  /** Lookups answered from the cache since it was created. */
  readonly hits: number
  /** Lookups that were not. */
  readonly misses: number
  /** Whether `get` gives a copy the caller may change and `set` keeps a copy: the parser then copies nothing (default: `false`). */
  readonly copies?: boolean | undefined
}

export interface ParseCacheOptions {
  /** Most sections kept; the least recently used go first (default: `20000`). */
  maxSections?: number | null | undefined
}

/** Create an empty cache of parsed sections (least recently used go first). */
export function createParseCache(options?: Readonly<ParseCacheOptions> | null): ParseCache {
  const maxSections = options?.maxSections ?? 20_000
  const entries = new Map<string, CachedSection>()
  let hits = 0
  let misses = 0

  return {
    get(text) {
      const key = hashText(text)
      const section = entries.get(key)
      if (!section) {
        misses++
        return undefined
      }
      hits++
      // Map order is insertion order: re-inserting makes it the most recent.
      entries.delete(key)
      entries.set(key, section)
      return section
    },
    set(text, section) {
      const key = hashText(text)
      entries.delete(key)
      entries.set(key, section)
      while (entries.size > maxSections) entries.delete(entries.keys().next().value!)
    },
    get size() {
      return entries.size
    },
    get hits() {
      return hits
    },
    get misses() {
      return misses
    }
  }
}

/** The cache key of a section's text. */
export function hashText(text: string): string {
  // `node:crypto` loads on the first use: builds of small decks never hash.
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')
  return crypto.createHash('sha1').update(text).digest('base64')
}

let crypto: typeof import('node:crypto') | undefined
