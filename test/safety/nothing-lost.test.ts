/**
 * Nothing lost: a failed or interrupted build leaves the previous output as
 * it was, nothing is written outside the output folder, inputs never change.
 */
import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, watch, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {cleanUpInterrupted, cleanUpStale, temporaryToken} from '../../src/output/interrupted.js'
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

describe('interrupted while rendering', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`should end within 2 s of ${signal} while a long synchronous parse runs, writing nothing`, async () => {
      const cwd = path.join(work.dir, `render-${signal}`)
      mkdirSync(cwd, {recursive: true})
      // One paragraph of ordinary emphasis, half a megabyte: seconds of micromark on the main thread.
      const line = signal === 'SIGTERM' ? '*strong point* _aside_ **key** text 大模型\n' : '**重点** 和 *强调*, then _more_ words\n'
      writeFileSync(path.join(cwd, 'slow.md'), '# Slow\n\n## Paragraph\n\n' + line.repeat(12_000))
      const child = spawn(process.execPath, [cli, 'build', 'slow.md', '-q', '--no-cache'], {cwd, stdio: 'ignore'})
      const exit = new Promise<{code: number | null; signal: string | null}>((resolve) => child.on('exit', (code, by) => resolve({code, signal: by})))
      await new Promise((resolve) => setTimeout(resolve, 1500))
      // Still rendering: the build has not ended by itself.
      expect(child.exitCode).toBeNull()
      const sent = performance.now()
      child.kill(signal)
      const ended = await exit
      // Before, the signal waited for the parse: 17 s.
      expect(performance.now() - sent).toBeLessThan(2000)
      expect(ended).toEqual({code: null, signal})
      expect(existsSync(path.join(cwd, 'dist')) ? readdirSync(path.join(cwd, 'dist')) : []).toEqual([])
    }, 60_000)
  }
})

describe('cleanUpStale', () => {
  it('should remove what builds that no longer run left behind, once it is old, and nothing else', async () => {
    const out = path.join(work.dir, 'stale')
    mkdirSync(path.join(out, 'a'), {recursive: true})
    // A process that has ended: its id is free until reused.
    const gone = spawn(process.execPath, ['-e', ''])
    const pid = await new Promise<number>((resolve) => gone.on('exit', () => resolve(gone.pid!)))
    const token = temporaryToken().replace(/^\d+/, String(pid))
    const mine = temporaryToken()
    const names = {
      emptyTemporary: `.lectern-tmp-lecture-1-${token}`,
      temporaryFile: `.lectern-tmp-${token}-deck.html`,
      movedAside: `.lectern-old-b-${token}`,
      running: `.lectern-tmp-c-${mine}`,
      recent: `.lectern-tmp-d-${pid}-${Date.now().toString(16)}`
    }
    for (const name of [names.emptyTemporary, names.movedAside, names.running, names.recent]) mkdirSync(path.join(out, name))
    writeFileSync(path.join(out, names.movedAside, 'index.html'), 'previous b')
    writeFileSync(path.join(out, names.temporaryFile), 'half')
    const old = new Date(Date.now() - 10 * 60_000)
    for (const name of [names.emptyTemporary, names.temporaryFile, names.movedAside, names.running]) utimesSync(path.join(out, name), old, old)
    expect(cleanUpStale(out).sort()).toEqual([names.emptyTemporary, names.movedAside, names.temporaryFile, names.recent].sort())
    expect(readdirSync(out).sort()).toEqual([names.running, 'a', 'b'].sort())
    expect(readFileSync(path.join(out, 'b', 'index.html'), 'utf8')).toBe('previous b')
  })

  it('should run at the start of a build', () => {
    const cwd = path.join(work.dir, 'stale-build')
    writeDecks(path.join(cwd, 'slides'), 1, 'v1')
    const leftover = path.join(cwd, 'dist', '.lectern-tmp-deck-0-999999999-19aeb0c4d5e0')
    mkdirSync(leftover, {recursive: true})
    const old = new Date(Date.now() - 10 * 60_000)
    utimesSync(leftover, old, old)
    expect(runCli(['build', 'slides', '-q'], {cwd}).status).toBe(0)
    expect(readdirSync(path.join(cwd, 'dist'))).toEqual(['deck-0'])
  })
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
