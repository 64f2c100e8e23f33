/**
 * Bad input through the built bin: one line `file:line:column: error: …`,
 * exit 1 (2 for a wrong command line), no stack trace unless `--debug`,
 * nothing written.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {toWriteError} from '../../src/errors.js'
import {cli, runCli, temporaryFolder} from '../util/fixtures.js'

const work = temporaryFolder()
const cwd = work.dir

beforeAll(() => {
  mkdirSync(path.join(cwd, 'empty'))
  mkdirSync(path.join(cwd, 'slides'))
  writeFileSync(path.join(cwd, 'slides', 'ok.md'), '# Fine\n\n## Part\n\n- a\n- b\n')
  writeFileSync(path.join(cwd, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))
  writeFileSync(path.join(cwd, 'latin1.md'), Buffer.from('# Caf\xe9 cr\xe8me\n', 'latin1'))
  writeFileSync(path.join(cwd, 'yaml.md'), '---\ntitle: Fine\nauthor: [unclosed\n---\n\n# Deck\n')
  writeFileSync(path.join(cwd, 'keys.md'), '---\ntitle: Fine\ncolour: red\n---\n\n# Deck\n\n## Part\n\n- a\n')
  writeFileSync(path.join(cwd, 'theme.md'), '---\ntitle: Fine\ntheme: drak\n---\n\n# Deck\n')
  writeFileSync(path.join(cwd, 'a-file'), 'not a folder')
  symlinkSync('loop-b.md', path.join(cwd, 'loop-a.md'))
  symlinkSync('loop-a.md', path.join(cwd, 'loop-b.md'))
})

afterAll(() => work.remove())

/** Run the bin and split stderr into lines. */
function run(...args: string[]) {
  const result = runCli(args, {cwd})
  return {...result, lines: result.stderr.split('\n').filter(Boolean)}
}

/** The single error line a run must print, with nothing like a stack trace. */
function expectOneError(result: ReturnType<typeof run>, pattern: RegExp, status = 1) {
  expect(result.lines).toHaveLength(1)
  expect(result.lines[0]).toMatch(pattern)
  expect(result.stderr).not.toMatch(/\n\s+at |internal error/)
  expect(result.status).toBe(status)
}

describe('bad input on the command line', () => {
  it('should report a missing file', () => {
    expectOneError(run('build', 'missing.md'), /^missing\.md:1:1: error: Cannot find `missing\.md`/)
  })

  it('should report a folder with no decks', () => {
    expectOneError(run('build', 'empty'), /^empty:1:1: error: No decks in folder `empty`/)
  })

  it('should report a binary file and a file that is not UTF-8', () => {
    expectOneError(run('build', 'binary.md'), /^binary\.md:1:1: error: .*binary file/)
    expectOneError(run('build', 'latin1.md'), /^latin1\.md:1:1: error: .*not UTF-8/)
  })

  it('should place invalid YAML front matter on its line in the file', () => {
    expectOneError(run('build', 'yaml.md', '-o', 'out'), /^yaml\.md:3:\d+: error: Unexpected invalid YAML in front matter: .* \(front-matter-yaml\)$/)
    expect(existsSync(path.join(cwd, 'out', 'yaml'))).toBe(false)
  })

  it('should name an unknown theme, the themes there are and the closest one', () => {
    const fromFrontMatter = run('build', 'theme.md', '-o', 'out')
    expectOneError(fromFrontMatter, /^theme\.md:3:1: error: Unknown theme `drak`, did you mean `dark`\? Themes: .*light.* \(unknown-theme\)$/)
    const fromFlag = run('build', 'slides/ok.md', '--theme', 'lihgt', '-o', 'out')
    expectOneError(fromFlag, /^slides\/ok\.md:1:1: error: Unknown theme `lihgt`, did you mean `light`\?/)
    expect(existsSync(path.join(cwd, 'out', 'ok'))).toBe(false)
  })

  it('should warn about unknown front matter keys and still build', () => {
    const result = run('build', 'keys.md', '-o', 'out', '-q')
    expect(result.lines).toEqual([expect.stringMatching(/^keys\.md:3:1: warning: Unexpected front matter key `colour`, expected one of .*\(front-matter-key\)$/)])
    expect(result.status).toBe(0)
    expect(existsSync(path.join(cwd, 'out', 'keys', 'index.html'))).toBe(true)
    expect(run('build', 'keys.md', '-o', 'out', '-q', '--frail').status).toBe(1)
  })

  it('should report an output folder that cannot be written', () => {
    expectOneError(run('build', 'slides/ok.md', '-o', 'a-file/out'), /^a-file\/out:1:1: error: Cannot write `.*`: a file is where a folder is expected \(ENOTDIR\); check the folder exists and is writable$/)
    expect(readdirSync(cwd).filter((name) => name.startsWith('.lectern'))).toEqual([])
  })

  it('should report a folder that cannot be made under /proc at once, where it used to hang', () => {
    // Node's recursive `mkdir` retries `/proc/x` forever; the run would be ended by the time limit.
    const result = spawnSync(process.execPath, [cli, 'build', 'slides/ok.md', '-o', '/proc/lectern-cannot-be-here/out'], {cwd, encoding: 'utf8', timeout: 20_000})
    expect(result.signal).toBeNull()
    expectOneError({...result, lines: result.stderr.split('\n').filter(Boolean)}, /^\/proc\/lectern-cannot-be-here\/out:1:1: error: Cannot write `.*`: no such folder, and it cannot be made there \(ENOENT\)/)
  })

  it('should say what a failed write means: permission denied, read-only, not a folder', () => {
    const failed = (code: string) => toWriteError('/srv/talks/deck', Object.assign(new Error(code), {code})).message
    expect(failed('EACCES')).toBe('Cannot write `/srv/talks/deck`: permission denied (EACCES); check the folder exists and is writable')
    expect(failed('EPERM')).toBe('Cannot write `/srv/talks/deck`: permission denied (EPERM); check the folder exists and is writable')
    expect(failed('EROFS')).toBe('Cannot write `/srv/talks/deck`: read-only file system (EROFS); check the folder exists and is writable')
    expect(failed('EWHATEVER')).toBe('Cannot write `/srv/talks/deck`: failed (EWHATEVER); check the folder exists and is writable')
  })

  it('should call a symbolic link loop named on the command line a loop, not a missing file', () => {
    expectOneError(run('build', 'loop-a.md', '-o', 'out'), /^loop-a\.md:1:1: error: Cannot read `loop-a\.md`: symbolic link loop \(ELOOP\); point the link at a file$/)
    expectOneError(run('build', 'missing.md', '-o', 'out'), /^missing\.md:1:1: error: Cannot find `missing\.md`: no such file or folder$/)
  })

  it('should refuse an output folder that contains its inputs', () => {
    expectOneError(run('build', 'slides', '-o', 'slides'), /^slides:1:1: error: Refusing to write to `slides`: it contains the input `slides\/ok\.md`/)
    expectOneError(run('build', 'slides/ok.md', '-o', '.'), /^\.:1:1: error: Refusing to write to `\.`/)
    expect(readdirSync(path.join(cwd, 'slides'))).toEqual(['ok.md'])
  })

  it('should exit with 2 for a wrong command line, on one line', () => {
    expectOneError(run('bild', 'slides'), /^lectern: error: Unknown command `bild`, expected one of `build`.* \(see `lectern --help`\)$/, 2)
    expectOneError(run('build', '--nope'), /^lectern: error: Unknown option `--nope` \(see `lectern build --help`\)$/, 2)
    expectOneError(run('build', 'slides', '--split', 'diagonal'), /^lectern: error: Unexpected `--split diagonal`, expected `auto` or `manual`/, 2)
  })

  it('should show the stack with `--debug`', () => {
    const result = run('build', 'missing.md', '--debug')
    expect(result.lines[0]).toMatch(/^missing\.md:1:1: error: /)
    expect(result.stderr).toMatch(/\n\s+at /)
    expect(result.status).toBe(1)
  })
})
