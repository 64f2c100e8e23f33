/**
 * The root rule through the built CLI: `--single-file` never inlines a file
 * from outside the project (`/proc/self/environ` with a planted secret),
 * `--allow-fs` lets folders through, and `lectern serve` never serves what
 * the build refused.
 */
import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {cli, runCli, temporaryFolders} from '../util/fixtures.js'

const folder = temporaryFolders('lectern-root-cli-')

/** Every text in a page, and every base64 `data:` URI in it decoded. */
function readable(html: string): string {
  const decoded = [...html.matchAll(/data:[^;,"')]*;base64,([A-Za-z\d+/=]+)/g)].map((match) => Buffer.from(match[1], 'base64').toString('latin1'))
  return [html, ...decoded].join('\n')
}

describe('lectern build and the project root', () => {
  it('should keep `/proc/self/environ` and its secrets out of a single file, warning at its line', () => {
    const dir = folder()
    writeFileSync(path.join(dir, 'chart.png'), 'CHART-PIXELS')
    writeFileSync(path.join(dir, 'talk.md'), '# 秘密 Secrets\n\n## One\n\n![c](/proc/self/environ)\n\n![chart](chart.png)\n')
    const secret = `lectern-secret-${process.pid}-${Date.now()}`
    const result = runCli(['build', 'talk.md', '--single-file', '--out-dir', 'out'], {cwd: dir, env: {LECTERN_TEST_SECRET: secret}})
    expect(result.status).toBe(0)
    expect(result.stderr).toMatch(/^talk\.md:5:1: warning: Unexpected image `\/proc\/self\/environ` outside the project root `.+`, expected a file under it: .* \(outside-root\)$/m)
    const page = readable(readFileSync(path.join(dir, 'out', 'talk.html'), 'utf8'))
    expect(page).not.toContain(secret)
    expect(page).not.toContain('LECTERN_TEST_SECRET')
    // The allowed picture is inlined: the check above reads what the page carries.
    expect(page).toContain('CHART-PIXELS')
  })

  it('should let repeated `--allow-fs` folders through, and nothing else', () => {
    const dir = folder()
    for (const name of ['pics', 'more', 'other', 'deck']) mkdirSync(path.join(dir, name))
    writeFileSync(path.join(dir, 'pics', 'a.png'), 'PICS-A')
    writeFileSync(path.join(dir, 'more', 'b.png'), 'MORE-B')
    writeFileSync(path.join(dir, 'other', 'c.png'), 'OTHER-C')
    writeFileSync(path.join(dir, 'deck', 'talk.md'), '# Allowed\n\n![a](../pics/a.png)\n\n![b](../more/b.png)\n\n![c](../other/c.png)\n')
    const result = runCli(['build', 'talk.md', '--single-file', '-o', 'out', '--allow-fs', '../pics', '--allow-fs', '../more'], {cwd: path.join(dir, 'deck')})
    expect(result.status).toBe(0)
    expect(result.stderr.split('\n').filter((line) => line.includes('(outside-root)'))).toEqual([
      expect.stringMatching(/^talk\.md:7:1: warning: Unexpected image `\.\.\/other\/c\.png` outside the project root/)
    ])
    const page = readable(readFileSync(path.join(dir, 'deck', 'out', 'talk.html'), 'utf8'))
    expect([page.includes('PICS-A'), page.includes('MORE-B'), page.includes('OTHER-C')]).toEqual([true, true, false])
  })

  it('should fail `--frail` on an `outside-root` warning', () => {
    const dir = folder()
    writeFileSync(path.join(dir, 'talk.md'), '# T\n\n![x](/etc/hostname)\n')
    const result = runCli(['build', 'talk.md', '-o', 'out', '--frail'], {cwd: dir})
    expect([result.status, /\(outside-root\)/.test(result.stderr)]).toEqual([1, true])
  })
})

describe('lectern serve and the project root', () => {
  it('should not serve a refused file, by its media name or through a link in the deck folder', async () => {
    const dir = folder()
    const deck = path.join(dir, 'deck')
    mkdirSync(deck)
    const outside = path.join(dir, 'outside.png')
    writeFileSync(outside, 'OUTSIDE-PIXELS')
    writeFileSync(path.join(deck, 'ok.png'), 'OK-PIXELS')
    symlinkSync(outside, path.join(deck, 'linked.png'))
    symlinkSync(outside, path.join(deck, 'linked.txt'))
    writeFileSync(
      path.join(deck, 'talk.md'),
      '# Served\n\n## Pictures\n\n![far](../outside.png)\n\n![linked](linked.png)\n\n![ok](ok.png)\n\n[notes](linked.txt)\n'
    )
    const child = spawn(process.execPath, [cli, 'serve', 'talk.md', '--port', '0'], {cwd: deck, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    try {
      await expect.poll(() => stdout, {timeout: 30_000}).toMatch(/Ctrl-C stops/)
      const url = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)![1]
      expect(stderr.split('\n').filter((line) => line.includes('(outside-root)')).map((line) => line.split(': warning:')[0])).toEqual(['talk.md:5:1', 'talk.md:7:1'])
      const page = await (await fetch(url)).text()
      const served = [...page.matchAll(/src="(assets\/media\/[^"]+)"/g)].map((match) => match[1])
      expect(served).toHaveLength(1)
      expect(await (await fetch(new URL(served[0], url))).text()).toBe('OK-PIXELS')
      // Where a copy of the outside file would be, had it been taken.
      const hash = createHash('sha256').update(readFileSync(outside)).digest('hex').slice(0, 16)
      const answers: Array<[string, number, boolean]> = []
      for (const request of [`assets/media/${hash}.png`, 'linked.png', 'linked.txt', '..%2Foutside.png', 'etc/passwd']) {
        const response = await fetch(new URL(request, url))
        answers.push([request, response.status, (await response.text()).includes('OUTSIDE-PIXELS')])
      }
      expect(answers).toEqual([
        [`assets/media/${hash}.png`, 404, false],
        ['linked.png', 404, false],
        ['linked.txt', 404, false],
        ['..%2Foutside.png', 403, false],
        ['etc/passwd', 404, false]
      ])
    } finally {
      process.kill(child.pid!, 'SIGINT')
      await exited
    }
  })
})
