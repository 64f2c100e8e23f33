/**
 * Nothing lost: a failed or interrupted build leaves the previous output as
 * it was, nothing is written outside the output folder, inputs never change.
 */
import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, watch, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {cleanUpInterrupted} from '../../src/output/interrupted.js'
import {cli, runCli, temporaryFolder} from '../util/fixtures.js'

const work = temporaryFolder()
afterAll(() => work.remove())

/** Every file under a folder (or `undefined` when missing) with its SHA-256, skipping `skip`. */
function snapshot(folder: string, skip: string[] = []): Record<string, string> | undefined {
  if (!existsSync(folder)) return undefined
  const result: Record<string, string> = {}
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name)
      if (skip.includes(full)) continue
      if (statSync(full).isDirectory()) walk(full)
      else result[path.relative(folder, full)] = createHash('sha256').update(readFileSync(full)).digest('hex')
    }
  }
  walk(folder)
  return result
}

/** A deck of some shape, tagged with a version so builds differ. */
function deck(index: number, version: string): string {
  const shapes = [
    `# Deck ${index} ${version}\n\n## Part\n\nProse for the notes.\n\n- one\n- two\n`,
    `# 第${index}讲 ${version}\n\n## 表格\n\n| 甲 | 乙 |\n| - | - |\n| 1 | 2 |\n\n## 代码\n\n\`\`\`js\nconsole.log(${index})\n\`\`\`\n`,
    `---\ntitle: Explicit ${index} ${version}\n---\n\n# One\n\n---\n\n## Two\n\n- a\n- b\n\nNote: say it\n`
  ]
  return shapes[index % shapes.length]
}

function writeDecks(folder: string, count: number, version: string): void {
  mkdirSync(folder, {recursive: true})
  for (let index = 0; index < count; index++) writeFileSync(path.join(folder, `deck-${index}.md`), deck(index, version))
}

const leftovers = (folder: string) => readdirSync(folder).filter((name) => name.startsWith('.lectern-'))

describe('nothing lost', () => {
  it('should leave the previous output byte-identical when a deck has an error', () => {
    const cwd = path.join(work.dir, 'error')
    writeDecks(path.join(cwd, 'slides'), 2, 'v1')
    expect(runCli(['build', 'slides', '-q'], {cwd}).status).toBe(0)
    const before = snapshot(path.join(cwd, 'dist'))
    // deck-0 breaks (invalid YAML), deck-1 changes: deck-0's output stays, deck-1's is replaced.
    writeFileSync(path.join(cwd, 'slides', 'deck-0.md'), '---\ntitle: [broken\n---\n\n# Broken v2\n')
    writeFileSync(path.join(cwd, 'slides', 'deck-1.md'), deck(1, 'v2'))
    const result = runCli(['build', 'slides', '-q'], {cwd})
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^slides\/deck-0\.md:2:\d+: error: /)
    const after = snapshot(path.join(cwd, 'dist'))!
    const deck0 = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).filter(([name]) => name.startsWith('deck-0')))
    expect(deck0(after)).toEqual(deck0(before!))
    expect(after['deck-1/index.html']).not.toBe(before!['deck-1/index.html'])
    expect(leftovers(path.join(cwd, 'dist'))).toEqual([])
  })

  it('should write nothing outside the output folder and never change its inputs', () => {
    const cwd = path.join(work.dir, 'inside')
    writeDecks(path.join(cwd, 'slides'), 3, 'v1')
    writeFileSync(path.join(cwd, 'notes.txt'), 'not a deck')
    const out = path.join(cwd, 'out')
    const before = snapshot(cwd)
    expect(runCli(['build', 'slides', '-o', 'out', '-q'], {cwd}).status).toBe(0)
    expect(runCli(['build', 'slides/deck-1.md', '-o', 'out', '--single-file', '-q'], {cwd}).status).toBe(0)
    expect(snapshot(cwd, [out])).toEqual(before)
    expect(readdirSync(out).sort()).toEqual(['deck-0', 'deck-1', 'deck-1.html', 'deck-2'])
  })

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`should leave no temporary folder and the previous output intact on ${signal}`, async () => {
      const cwd = path.join(work.dir, signal)
      const slides = path.join(cwd, 'slides')
      const out = path.join(cwd, 'dist')
      writeDecks(slides, 8, 'v1')
      expect(runCli(['build', 'slides', '-q'], {cwd}).status).toBe(0)
      const v1 = snapshot(out)!
      // What a finished v2 build gives, for comparison.
      writeDecks(slides, 8, 'v2')
      expect(runCli(['build', 'slides', '-o', 'reference', '-q'], {cwd}).status).toBe(0)
      const v2 = snapshot(path.join(cwd, 'reference'))!
      const inputs = snapshot(slides)

      const child = spawn(process.execPath, [cli, 'build', 'slides', '-q'], {cwd, stdio: 'ignore'})
      let interrupted = false
      // Interrupt the moment a temporary folder appears, mid-write.
      const watcher = watch(out, (_event, name) => {
        if (!interrupted && name?.startsWith('.lectern-tmp-')) {
          interrupted = true
          child.kill(signal)
        }
      })
      const code = await new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)))
      watcher.close()
      expect(interrupted).toBe(true)
      expect(code).toBe(signal === 'SIGINT' ? 130 : 143)
      expect(leftovers(out)).toEqual([])
      const after = snapshot(out)!
      let old = 0
      let replaced = 0
      for (let index = 0; index < 8; index++) {
        const pick = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).filter(([name]) => name.startsWith(`deck-${index}/`)))
        const now = pick(after)
        // Each deck is whole: the previous output, or the new one, never a mix.
        if (JSON.stringify(now) === JSON.stringify(pick(v1))) old++
        else if (JSON.stringify(now) === JSON.stringify(pick(v2))) replaced++
      }
      expect(old + replaced).toBe(8)
      expect(old).toBeGreaterThan(0)
      expect(snapshot(slides)).toEqual(inputs)
    }, 120_000)
  }
})

describe('cleanUpInterrupted', () => {
  it('should remove this process\'s temporary output and put back what it moved aside', () => {
    const out = path.join(work.dir, 'cleanup')
    mkdirSync(path.join(out, '.lectern-tmp-a-123-0badcafe', 'assets'), {recursive: true})
    writeFileSync(path.join(out, '.lectern-tmp-123-0badcafe-b.html'), 'half')
    mkdirSync(path.join(out, '.lectern-old-a-123-0badcafe'))
    writeFileSync(path.join(out, '.lectern-old-a-123-0badcafe', 'index.html'), 'previous a')
    mkdirSync(path.join(out, 'c'))
    mkdirSync(path.join(out, '.lectern-old-c-123-0badcafe'))
    // Another process's work is left alone.
    mkdirSync(path.join(out, '.lectern-tmp-d-456-0badcafe'))
    expect(cleanUpInterrupted(out, 123).sort()).toEqual([
      '.lectern-old-a-123-0badcafe',
      '.lectern-old-c-123-0badcafe',
      '.lectern-tmp-123-0badcafe-b.html',
      '.lectern-tmp-a-123-0badcafe'
    ])
    expect(readdirSync(out).sort()).toEqual(['.lectern-tmp-d-456-0badcafe', 'a', 'c'])
    expect(readFileSync(path.join(out, 'a', 'index.html'), 'utf8')).toBe('previous a')
  })
})
