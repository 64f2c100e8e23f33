/**
 * The shape of src/: which folder may import which, and that defaults are
 * applied in src/config/ only. Read from the sources' own import lines, so a
 * new file that breaks a rule fails here, not in review.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src')

/** Every source file, relative to src/, with `/`. */
function sources(): string[] {
  return readdirSync(src, {recursive: true, encoding: 'utf8'})
    .filter((name) => /\.(ts|js|mjs)$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => name.split(path.sep).join('/'))
}

/** The files under src/ a source imports (relative imports only), relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(src, file), 'utf8')
  const found: string[] = []
  for (const match of text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
    found.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1])).replace(/\.js$/, '.ts'))
  }
  return found
}

/** The top folder of a path under src/ (`''` for a file at the top). */
function folderOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.indexOf('/')) : ''
}

/** What a user runs: each a folder of its own. */
const entryPoints = ['build', 'serve', 'check', 'export', 'import', 'gallery']

/** The core every entry point builds on, in the order imports may point (a folder imports only folders before it, and the shared top-level files). */
const layers = ['tree', 'deck', 'config', 'safety', 'markdown', 'slides', 'pipeline', 'themes', 'render', 'output']

describe('the folders of src/', () => {
  const files = sources()

  it('should have no entry point import another', () => {
    const crossings: string[] = []
    for (const file of files) {
      const from = folderOf(file)
      if (!entryPoints.includes(from)) continue
      for (const target of importsOf(file)) {
        const to = folderOf(target)
        if (to !== from && entryPoints.includes(to)) crossings.push(`${file} → ${target}`)
      }
    }
    expect(crossings).toEqual([])
  })

  it('should have the core import only what comes before it', () => {
    const backwards: string[] = []
    for (const file of files) {
      const from = folderOf(file)
      const rank = layers.indexOf(from)
      if (rank < 0) continue
      for (const target of importsOf(file)) {
        const to = folderOf(target)
        if (to === from || to === '') continue
        // The renderer reads `.txt` and `.html` decks through the importer: that one library use of an entry point is allowed.
        if (from === 'render' && target.startsWith('import/')) continue
        if (layers.indexOf(to) < 0 || layers.indexOf(to) > rank) backwards.push(`${file} → ${target}`)
      }
    }
    expect(backwards).toEqual([])
  })

  it('should keep the deck model free of the rest of lectern', () => {
    const outside = files
      .filter((file) => folderOf(file) === 'deck')
      .flatMap((file) => importsOf(file).filter((target) => folderOf(target) !== 'deck').map((target) => `${file} → ${target}`))
    expect(outside).toEqual([])
  })

  it('should apply defaults only in src/config/', () => {
    // The values of `defaults`, as code (comments and help text aside), and the working folder.
    const literals = [/\?\?\s*'dist'/, /(?:outDir|default)\W+'dist'/, /[?|]{2}\s*60_?000\b/, /[?|]{2}\s*3000\b/, /'127\.0\.0\.1'/, /process\.cwd\(\)/]
    const found: string[] = []
    for (const file of files) {
      // The command line is the process: it names paths relative to the folder it runs in.
      if (folderOf(file) === 'config' || folderOf(file) === 'cli' || file === 'bundle.mjs') continue
      const lines = readFileSync(path.join(src, file), 'utf8').split('\n')
      lines.forEach((line, index) => {
        const code = line.replace(/\/\/.*$/, '')
        if (/^\s*(\*|\/\*\*)/.test(code)) return
        for (const literal of literals) if (literal.test(code)) found.push(`${file}:${index + 1}: ${line.trim()}`)
      })
    }
    expect(found).toEqual([])
  })

  it('should keep every source file under 400 lines', () => {
    const long = files
      .map((file) => ({file, lines: readFileSync(path.join(src, file), 'utf8').split('\n').length}))
      .filter(({lines}) => lines > 400)
      .map(({file, lines}) => `${file}: ${lines}`)
    expect(long).toEqual([])
  })
})
