/**
 * `lectern import`, and `lectern build` on `.txt` and `.html` files, spawned
 * as a user runs them.
 */
import {createHash} from 'node:crypto'
import {copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {select, selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {cli, root, runCli, temporaryFolder} from '../util/fixtures.js'

const fixtures = path.join(root, 'test', 'fixtures-import')
const blog = path.join(fixtures, 'en-blog-html', 'input.html')
const numbered = path.join(fixtures, 'en-numbered-txt', 'input.txt')
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('lectern import', () => {
  const temporary = temporaryFolder('lectern-import-cli-')
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error('Run `node src/bundle.mjs` (npm test does) before the CLI tests')
  })
  afterAll(() => temporary.remove())

  it('should print the markdown to stdout and the furniture note to stderr', () => {
    const result = runCli(['import', 'test/fixtures-import/en-blog-html/input.html'], {cwd: root})
    expect(result.status).toBe(0)
    expect(result.stdout).toBe(readFileSync(path.join(fixtures, 'en-blog-html', 'output.md'), 'utf8'))
    expect(result.stderr).toBe(
      'test/fixtures-import/en-blog-html/input.html:1:1: info: Dropped 2 blocks of page furniture (navigation, sidebars, comments, related posts) (import-furniture)\n'
    )
  })

  it('should write `-o`, refuse to overwrite it without `--force`, and replace it with `--force`', () => {
    const output = path.join(temporary.dir, 'slides', 'backups.md')
    const first = runCli(['import', numbered, '-o', output, '--quiet'])
    expect([first.status, first.stdout, first.stderr]).toEqual([0, '', ''])
    expect(readFileSync(output, 'utf8')).toBe(readFileSync(path.join(fixtures, 'en-numbered-txt', 'output.md'), 'utf8'))

    writeFileSync(output, 'my edits\n')
    const refused = runCli(['import', numbered, '-o', output])
    expect(refused.status).toBe(1)
    expect(refused.stderr).toBe(`lectern: error: Refusing to overwrite \`${output}\`: it exists; pass \`--force\` to replace it\n`)
    expect(readFileSync(output, 'utf8')).toBe('my edits\n')

    const forced = runCli(['import', numbered, '-o', output, '--force'])
    expect(forced.status).toBe(0)
    expect(readFileSync(output, 'utf8')).toContain('# Backups That Actually Restore\n')
    // Nothing but the output is left in the folder.
    expect(readdirSync(path.dirname(output))).toEqual(['backups.md'])
  })

  it('should never write over its input, even with `--force`', () => {
    const input = path.join(temporary.dir, 'post.txt')
    copyFileSync(numbered, input)
    const before = hash(input)
    const result = runCli(['import', input, '-o', input, '--force'])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('Refusing to write over the input')
    expect(hash(input)).toBe(before)
  })

  it('should exit 1 and write nothing for a page without an article', () => {
    const input = path.join(temporary.dir, 'empty.html')
    writeFileSync(input, '<html><body><nav><a href="/">Home</a></nav></body></html>')
    const output = path.join(temporary.dir, 'empty.md')
    const result = runCli(['import', input, '-o', output])
    expect(result.status).toBe(1)
    expect(result.stderr).toBe(`${input}:1:1: error: Unexpected page without an article, expected paragraphs or lists (import-empty)\n`)
    expect(existsSync(output)).toBe(false)
  })

  it('should refuse a missing file and a binary file with a reason', () => {
    expect(runCli(['import', path.join(temporary.dir, 'nope.txt')]).stderr).toContain('Cannot find')
    const binary = path.join(temporary.dir, 'image.txt')
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))
    const result = runCli(['import', binary])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('it is a binary file')
    expect(result.stderr).not.toContain('    at ')
  })

  it('should build `.txt` and `.html` files directly into decks', () => {
    const outDir = path.join(temporary.dir, 'dist')
    const txt = runCli(['build', numbered, '--out-dir', outDir])
    const html = runCli(['build', 'test/fixtures-import/en-blog-html/input.html', '--out-dir', path.join(temporary.dir, 'dist-html')], {cwd: root})
    expect([txt.status, html.status]).toEqual([0, 0])
    const titles = (file: string) =>
      selectAll('.slides > section', fromHtml(readFileSync(file, 'utf8'))).map((section) => toString(select('h1, h2', section)!).trim())
    expect(titles(path.join(outDir, 'input', 'index.html'))).toEqual([
      'Backups That Actually Restore',
      '1. Decide what you cannot lose',
      '2. Follow the 3-2-1 rule',
      '3. Restore on a schedule',
      '4. Watch the backups themselves'
    ])
    const page = readFileSync(path.join(temporary.dir, 'dist-html', 'input', 'index.html'), 'utf8')
    expect(titles(path.join(temporary.dir, 'dist-html', 'input', 'index.html'))[0]).toBe('Why Your Tests Are Slow (and How to Fix Them)')
    expect(page).not.toContain('Related posts')
    expect(page).not.toContain('window.dataLayer')
    // The missing image is reported on the line of the page it is on.
    expect(html.stderr).toContain('test/fixtures-import/en-blog-html/input.html:33:1: warning: Unexpected missing image')
  })

  it('should import a page saved in the charset its <meta> declares', () => {
    const input = path.join(temporary.dir, 'gbk.html')
    // 你好世界, 大模型 in GBK.
    const hello = Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xca, 0xc0, 0xbd, 0xe7])
    const model = Buffer.from([0xb4, 0xf3, 0xc4, 0xa3, 0xd0, 0xcd])
    writeFileSync(
      input,
      Buffer.concat([Buffer.from('<html><head><meta charset="gbk"></head><body><article><h1>'), model, Buffer.from('</h1><p>'), hello, Buffer.from(', '), model, Buffer.from('.</p></article></body></html>')])
    )
    const result = runCli(['import', input])
    expect([result.status, result.stdout]).toEqual([0, '# 大模型\n\n你好世界, 大模型.\n'])
  })

  it('should point relative images and links from where the markdown is written', () => {
    mkdirSync(path.join(temporary.dir, 'saved'), {recursive: true})
    const input = path.join(temporary.dir, 'saved', 'post.html')
    writeFileSync(
      input,
      '<html><body><article><h1>Saved</h1><p>A page saved with its pictures, and a link to <a href="notes%20page.html#top">its notes</a>.</p><p><img src="post_files/cat%201.png" alt="Cat"> <img src="https://example.com/dog.png" alt="Dog"></p></article></body></html>'
    )
    const output = path.join(temporary.dir, 'slides', 'saved.md')
    expect(runCli(['import', input, '-o', output]).status).toBe(0)
    const markdown = readFileSync(output, 'utf8')
    expect(markdown).toContain('[its notes](../saved/notes%20page.html#top)')
    expect(markdown).toContain('![Cat](../saved/post_files/cat%201.png)')
    expect(markdown).toContain('![Dog](https://example.com/dog.png)')
    // Without -o the paths stay as the page wrote them.
    expect(runCli(['import', input]).stdout).toContain('![Cat](post_files/cat%201.png)')
  })

  it('should refuse markdown (and any other kind of file) instead of mangling it as text', () => {
    const result = runCli(['import', 'slides/what-is-a-big-model.md'], {cwd: root})
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^slides\/what-is-a-big-model\.md:1:1: error: Cannot import .*markdown needs no import/)
  })
})
