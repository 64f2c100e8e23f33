/**
 * `lectern serve` as a user runs it: the built bin prints the URL and the
 * speaker-view hint, serves, and stops cleanly on Ctrl-C; a port in use is one
 * clear line.
 */
import {spawn} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {createServer} from 'node:http'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {cli, runCli, temporaryFolder} from '../util/fixtures.js'

const deck = '# A served talk\n\n## One\n\n- a point\n\nNotes for one.\n'

describe('lectern serve (CLI)', () => {
  const work = temporaryFolder()
  const file = path.join(work.dir, 'talk.md')
  writeFileSync(file, deck)

  afterAll(() => work.remove())

  /** Start `lectern serve talk.md` with more flags; its output accumulates as it comes. */
  function startServe(flags: string[], env: NodeJS.ProcessEnv = process.env) {
    const child = spawn(process.execPath, [cli, 'serve', 'talk.md', ...flags], {cwd: work.dir, env, stdio: ['ignore', 'pipe', 'pipe']})
    const output = {stdout: '', stderr: ''}
    child.stdout.on('data', (chunk) => (output.stdout += chunk))
    child.stderr.on('data', (chunk) => (output.stderr += chunk))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    return {child, output, exited}
  }

  it('should print the URL and the speaker view hint, serve the deck, and exit 0 on SIGINT', async () => {
    const {child, output, exited} = startServe(['--port', '0'])
    try {
      await expect.poll(() => output.stdout, {timeout: 30_000}).toMatch(/Ctrl-C stops/)
      const url = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.stdout)?.[1]
      expect(url).toBeDefined()
      expect(output.stdout).toContain('Press S in the deck to open the speaker view')
      const response = await fetch(url!)
      expect(response.status).toBe(200)
      expect(await response.text()).toContain('A served talk')
      child.kill('SIGINT')
      expect(await exited).toBe(0)
      expect(output.stdout).toContain('lectern: stopped')
      expect(output.stderr).toBe('')
      // Nothing listens any more.
      await expect(fetch(url!)).rejects.toThrow()
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })

  it('should keep serving when `--open` finds no browser to open', async () => {
    // No PATH: neither xdg-open nor open nor start can be found.
    const {child, output, exited} = startServe(['--port', '0', '--open'], {...process.env, PATH: ''})
    try {
      await expect.poll(() => output.stderr, {timeout: 30_000}).toMatch(/could not open a browser; open http:\/\/127\.0\.0\.1:\d+\/ yourself/)
      const url = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.stdout)?.[1]
      expect((await fetch(url!)).status).toBe(200)
      child.kill('SIGINT')
      expect(await exited).toBe(0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })

  it('should say in one line that a port is in use, suggesting `--port 0`', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as {port: number}).port
    try {
      const result = runCli(['serve', 'talk.md', '--port', String(port)], {cwd: work.dir})
      expect(result.status).toBe(1)
      expect(result.stderr).toBe(`lectern: error: Port ${port} is already in use on 127.0.0.1: stop what uses it, or pass \`--port 0\` to pick a free port\n`)
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })

  it('should refuse a port that is not a number', () => {
    const result = runCli(['serve', 'talk.md', '--port', 'abc'], {cwd: work.dir})
    expect(result.status).toBe(2)
    expect(result.stderr.split('\n')[0]).toMatch(/^lectern: error: Unexpected `--port abc`, expected a number/)
  })
})
