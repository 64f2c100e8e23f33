/**
 * Parsed sections kept on disk between runs of `lectern build`, so that
 * rebuilding a large deck parses only the sections that changed. One file
 * a deck (named by a hash of its path) holds the sections of its last build,
 * a line each: a hash of the section's text, then its nodes as JSON. Its
 * first line names the lectern bundle that parsed them: another lectern
 * (another parser) never reads them.
 *
 * Sections are kept from a deck's second build on: its first build writes
 * only the file's first line, so a deck built once (in CI, say) never pays
 * for hashing and writing its sections.
 *
 * The store is a convenience: a file that cannot be read is ignored, one that
 * cannot be written is not written, and the build goes on either way.
 */
import {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {RootContent} from 'mdast'
import {hashText, type CachedSection, type ParseCache} from './cache.js'

declare const __LECTERN_BUILD_ID__: string | undefined

/** The id of this lectern's bundle (a hash of its sources and locked dependencies); unset when running from the sources, which keeps no store. */
export const buildId: string | undefined = typeof __LECTERN_BUILD_ID__ === 'string' ? __LECTERN_BUILD_ID__ : undefined

/** The sections of one deck: a cache to render with (none at a deck's first build), and `save()` to keep what the render used. */
export interface SectionStore {
  cache: ParseCache | undefined
  /** Write the sections the render looked up or parsed, if they differ from what was read; at a first build, only that the deck was built. */
  save(): void
}

/** The first line of a store file; then a line a section: its key, a space, its nodes as JSON. */
const header = 'lectern-sections'

/** Open the store of a deck file in a cache folder; `undefined` without a build id. */
export function openSectionStore(deckFile: string, folder: string, id: string | undefined = buildId): SectionStore | undefined {
  if (!id) return undefined
  // Two decks whose paths share a name only evict each other's sections: they are found by content.
  const file = path.join(folder, `sections-${nameHash(path.resolve(deckFile))}.txt`)
  const first = `${header} ${id}`
  let lines: string[]
  try {
    lines = readFileSync(file, 'utf8').split('\n')
  } catch {
    // Built for the first time (or unreadable): say so, and keep nothing yet.
    return {cache: undefined, save: () => write(folder, file, first)}
  }
  // Sections as JSON text: parsed when used, written back as read.
  const stored = new Map<string, string>()
  // Another lectern's sections are not read: its parser may differ.
  if (lines[0] === first) {
    for (const line of lines.slice(1)) {
      const space = line.indexOf(' ')
      if (space > 0) stored.set(line.slice(0, space), line.slice(space + 1))
    }
  }
  const used = new Map<string, string>()
  let hits = 0
  let misses = 0
  const cache: ParseCache = {
    copies: true,
    get(text) {
      const key = hashText(text)
      const json = stored.get(key) ?? used.get(key)
      let nodes: unknown
      try {
        nodes = json === undefined ? undefined : JSON.parse(json)
      } catch {
        nodes = undefined
      }
      if (json === undefined || !Array.isArray(nodes)) {
        misses++
        return undefined
      }
      hits++
      used.set(key, json)
      return {nodes: nodes as RootContent[]}
    },
    set(text, section: CachedSection) {
      used.set(hashText(text), JSON.stringify(section.nodes))
    },
    get size() {
      return used.size
    },
    get hits() {
      return hits
    },
    get misses() {
      return misses
    }
  }
  return {
    cache,
    save() {
      // Nothing new, nothing dropped: the file already holds these sections.
      if (misses === 0 && used.size === stored.size) return
      write(folder, file, [first, ...[...used].map(([key, json]) => `${key} ${json}`)].join('\n'))
    }
  }
}

/** Replace a file whole, or leave it as it was. */
function write(folder: string, file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`
  try {
    mkdirSync(folder, {recursive: true})
    writeFileSync(temporary, text)
    renameSync(temporary, file)
  } catch {
    try {
      rmSync(temporary, {force: true})
    } catch {
      // Nothing was written there either.
    }
  }
}

/** A short name for a path (FNV-1a, 32 bits): no need for crypto to name a file. */
function nameHash(value: string): string {
  let hash = 0x811c9dc5
  for (let index = 0; index < value.length; index++) hash = Math.imul(hash ^ value.charCodeAt(index), 0x01000193)
  return (hash >>> 0).toString(16).padStart(8, '0')
}
