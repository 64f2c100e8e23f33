/**
 * The `lectern` bin, spawned as a user runs it.
 */
import {existsSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {cli, root, runCli, temporaryFolders} from '../util/fixtures.js'

const folder = temporaryFolders()

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('Run `node src/bundle.mjs` (npm test does) before the CLI tests')
})

describe('lectern build', () => {
  it('should print one summary line per deck and write dist/<deck>/index.html', () => {
    const dir = folder()
    const result = runCli(['build', 'slides', '--out-dir', dir])
    expect(result.status).toBe(0)
    const lines = result.stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^slides\/what-is-a-big-model\.md → .*what-is-a-big-model\/index\.html {2}16 slides, 16 with notes, ~\d+ min( \d+ s)?, \d+ ms$/)
    expect(existsSync(path.join(dir, 'what-is-a-big-model', 'index.html'))).toBe(true)
  })

  it('should report a problem with its place and exit 1', () => {
    const dir = folder()
    writeFileSync(path.join(dir, 'bad.md'), '---\ntitle: Talk\naspect: 5:4\n---\n\n# Talk\n')
    const result = runCli(['build', 'bad.md', '--out-dir', 'out'], {cwd: dir})
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('bad.md:3:9: error: Unexpected `aspect: 5:4`, expected one of `16:9`, `4:3` (front-matter-value)')
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(path.join(dir, 'out', 'bad'))).toBe(false)
  })

  it('should report an unknown theme once, and split nothing because of it', () => {
    const dir = folder()
    const result = runCli(['build', 'slides', '--theme', 'drak', '--out-dir', dir])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('Unknown theme `drak`, did you mean `dark`?')
    expect(result.stderr).not.toContain('continuation')
  })

  it('should exit 2 with a usage message on an unknown command or flag', () => {
    const unknown = runCli(['bild'])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('Unknown command `bild`')
    const flag = runCli(['build', 'slides', '--nope'])
    expect(flag.status).toBe(2)
    expect(flag.stderr).toContain('Unknown option `--nope`')
  })

  it('should list every command in --help', () => {
    const result = runCli(['--help'])
    expect(result.status).toBe(0)
    for (const command of ['build', 'serve', 'pdf', 'png', 'pptx', 'check', 'themes', 'import']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'))
    }
    const build = runCli(['build', '--help'])
    expect(build.stdout).toContain('--out-dir <dir>')
  })

  it('should run from any folder', () => {
    const dir = folder()
    const result = runCli(['build', path.join(root, 'slides'), '--out-dir', path.join(dir, 'x')], {cwd: '/'})
    expect(result.status).toBe(0)
  })
})

describe('lectern <command> without an input', () => {
  it('should be a usage error (exit 2) for every command that takes one, never an internal error', () => {
    for (const command of ['build', 'serve', 'pdf', 'png', 'pptx', 'check', 'import']) {
      const result = runCli([command])
      expect(result.status, command).toBe(2)
      expect(result.stderr, command).toMatch(/^lectern: error: Missing input: `lectern /)
      expect(result.stderr, command).not.toContain('internal error')
    }
  })
})
