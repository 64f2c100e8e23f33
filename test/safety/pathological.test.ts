/**
 * Pathological input through the built bin: each builds or is refused with
 * a clear message at its place, never a hang, a stack overflow or a crash.
 * Time and peak memory are printed, not asserted.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {toString} from 'hast-util-to-string'
import {afterAll, describe, expect, it} from 'vitest'
import {cli, temporaryFolder} from '../util/fixtures.js'

const work = temporaryFolder()
afterAll(() => work.remove())

const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined

/** Build one file with the bin, under a time limit; measure wall time and peak RSS. */
function buildFile(name: string, content: string) {
  writeFileSync(path.join(work.dir, name), content)
  const argv = [process.execPath, cli, 'build', name, '-o', 'out', '-q']
  const start = performance.now()
  const result = spawnSync(gnuTime ?? argv[0], gnuTime ? ['-f', 'lectern-rss-kb=%M', ...argv] : argv.slice(1), {
    cwd: work.dir,
    encoding: 'utf8',
    timeout: 90_000
  })
  const seconds = (performance.now() - start) / 1000
  const rss = /lectern-rss-kb=(\d+)/.exec(result.stderr)?.[1]
  const stderr = result.stderr.replace(/lectern-rss-kb=\d+\n?/, '').replace(/^Command exited with non-zero status \d+\n/m, '')
  console.log(`${name} (${(content.length / 1024).toFixed(0)} KB): exit ${result.status}, ${seconds.toFixed(1)} s, peak RSS ${rss ? `${Math.round(Number(rss) / 1024)} MB` : 'not measured'}`)
  return {status: result.status, signal: result.signal, lines: stderr.split('\n').filter(Boolean), stderr}
}

function expectRefused(result: ReturnType<typeof buildFile>, pattern: RegExp) {
  expect(result.signal).toBeNull()
  expect(result.lines).toEqual([expect.stringMatching(pattern)])
  expect(result.stderr).not.toMatch(/\n\s+at |internal error|call stack/)
  expect(result.status).toBe(1)
}

describe('pathological input', () => {
  it('should refuse a 10 MB article', () => {
    const section = '\n## Section\n\nProse to move to the notes, sentence after sentence.\n\n- one\n- two\n'
    expectRefused(buildFile('huge.md', '# Huge\n' + section.repeat(Math.ceil((10 * 1024 * 1024) / section.length))), /^huge\.md:1:1: error: Unexpected file larger than 2 MB/)
  })

  it('should refuse 10,000 nested block quotes, at the quote past the limit', () => {
    expectRefused(buildFile('quotes.md', '# Deep\n\n## Quotes\n\n' + '>'.repeat(10_000) + ' deep\n'), /^quotes\.md:5:101: error: Unexpected block quotes or lists nested 10000 deep, expected at most 100 levels; flatten the content \(too-deep\)$/)
    expectRefused(buildFile('quotes-spaced.md', '# Deep\n\n' + '> '.repeat(10_000) + 'deep\n'), /^quotes-spaced\.md:3:201: error: .*nested 10000 deep/)
  })

  it('should refuse 10,000 nested lists, by markers or by indentation', () => {
    expectRefused(buildFile('lists.md', '# Deep\n\n## Lists\n\n' + '- '.repeat(10_000) + 'item\n'), /^lists\.md:5:201: error: Unexpected block quotes or lists nested 10000 deep/)
    const indented = Array.from({length: 1000}, (_, depth) => `${'  '.repeat(depth)}- item ${depth}`).join('\n')
    expectRefused(buildFile('indented.md', `# Deep\n\n${indented}\n`), /^indented\.md:\d+:\d+: error: Unexpected block quotes or lists nested \d+ deep.*\(too-deep\)$/)
  })

  it('should refuse 10,000 nested emphasis, links and HTML elements', () => {
    expectRefused(buildFile('emphasis.md', '# Deep\n\n' + '*a '.repeat(10_000) + 'x' + ' a*'.repeat(10_000) + '\n'), /^emphasis\.md:3:301: error: Unexpected emphasis or link brackets nested 101 deep/)
    expectRefused(buildFile('links.md', '# Deep\n\n' + '['.repeat(10_000) + 'x' + '](y)'.repeat(10_000) + '\n'), /^links\.md:3:101: error: Unexpected emphasis or link brackets/)
    expectRefused(buildFile('html.md', '# Deep\n\n' + '<div>'.repeat(10_000) + 'x' + '</div>'.repeat(10_000) + '\n'), /^html\.md:3:2501: error: Unexpected HTML elements nested 501 deep/)
  })

  it('should refuse 16,000 alternating emphasis delimiters (64 KB) within seconds, at their place', () => {
    const start = performance.now()
    expectRefused(buildFile('alternating.md', '# Slow\n\n## Run\n\n' + '*_'.repeat(16_000) + 'x' + '_*'.repeat(16_000) + '\n'), /^alternating\.md:5:1: error: Unexpected emphasis or link brackets nested 32000 deep, expected at most 100 levels; flatten the content \(too-deep\)$/)
    expectRefused(buildFile('stars.md', '# Slow\n\n' + '*'.repeat(32_000) + 'x' + '*'.repeat(32_000) + '\n'), /^stars\.md:3:1: error: Unexpected emphasis or link brackets nested 16000 deep/)
    expectRefused(buildFile('intraword.md', '# Slow\n\n' + '大模型*训练*'.repeat(8000) + '\n'), /^intraword\.md:3:\d+: error: Unexpected 5001 unpaired or ambiguous emphasis delimiters in one paragraph.*\(too-deep\)$/)
    // Before the scan knew them, the first took 19 s at half this size and ignored `kill`.
    expect(performance.now() - start).toBeLessThan(30_000)
  })

  it('should build a 50,000-character line, English or Chinese, keeping all of it', () => {
    const english = Array.from({length: 10_000}, (_, index) => `w${index}`).join(' ').slice(0, 50_000)
    const chinese = '大模型是指参数规模巨大的深度学习模型'.repeat(2800).slice(0, 50_000)
    for (const [name, line] of [['long-en.md', english], ['long-zh.md', chinese]] as const) {
      const result = buildFile(name, `# Long\n\n## Line\n\n${line}\n\n- shown\n`)
      expect(result.lines).toEqual([])
      expect(result.status).toBe(0)
      const html = readFileSync(path.join(work.dir, 'out', name.replace('.md', ''), 'index.html'), 'utf8')
      const text = toString(fromHtml(html)).replace(/\s+/g, '')
      expect(text).toContain(line.replace(/\s+/g, '').slice(0, 20_000))
      expect(text).toContain(line.replace(/\s+/g, '').slice(-20_000))
    }
  })
})
