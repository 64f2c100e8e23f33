/**
 * `lectern themes`, `lectern themes --gallery` and `--theme`, through the
 * built bin (run `node src/bundle.mjs` first).
 */
import {existsSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {selectAll} from 'hast-util-select'
import {describe, expect, it} from 'vitest'
import {listThemes} from '../src/themes/theme.js'
import {runCli, temporaryFolders} from './util/fixtures.js'

const folder = temporaryFolders('lectern-theme-cli-')

function listFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]
  )
}

const deck = '# 标题 Title\n\n## 第一节 First\n\n- 一 one\n- 二 two\n'

describe('lectern themes', () => {
  it('should print one theme per line: its name, then its description', () => {
    const {status, stdout, stderr} = runCli(['themes'])
    expect(stderr).toBe('')
    expect(status).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines.map((line) => line.split(/\s{2,}/))).toEqual(listThemes().map((theme) => [theme.name, theme.description]))
    expect(lines.map((line) => line.split(' ')[0])).toEqual(['bold', 'dark', 'light', 'serif'])
  })

  it('should show `--gallery` and `--out-dir` in its help', () => {
    const {status, stdout} = runCli(['themes', '--help'])
    expect(status).toBe(0)
    expect(stdout).toMatch(/--gallery\s+build <out-dir>\/themes\/index\.html/)
    expect(stdout).toMatch(/-o, --out-dir <dir>/)
  })

  it('should build a gallery: the sample deck in every theme, and a page of frames that open offline', () => {
    const dir = folder()
    const {status, stdout, stderr} = runCli(['themes', '--gallery', '--out-dir', 'site'], {cwd: dir})
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(stdout).toBe('site/themes/index.html  4 themes, 5 slides each\n')
    const gallery = path.join(dir, 'site', 'themes')
    const tree = fromHtml(readFileSync(path.join(gallery, 'index.html'), 'utf8'))
    expect(selectAll('section.theme h2', tree).map((node) => (node.children[0] as {value: string}).value)).toEqual(['bold', 'dark', 'light', 'serif'])
    const frames = selectAll('iframe', tree).map((node) => String(node.properties.src))
    expect(frames.length).toBe(4 * 5)
    expect(frames.slice(0, 5)).toEqual(['#/0', '#/1', '#/2', '#/3', '#/4'].map((hash) => `bold/sample/index.html${hash}`))
    for (const src of frames) expect(existsSync(path.join(gallery, src.split('#')[0])), src).toBe(true)
    // Every theme's deck carries its own theme and fonts; nothing loads from the network (links may point there).
    for (const theme of listThemes()) {
      expect(readFileSync(path.join(gallery, theme.name, 'sample', 'assets', 'theme.css'), 'utf8')).toBe(theme.css)
    }
    for (const file of listFiles(gallery).filter((file) => /\.(html|css)$/.test(file))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/src=["']?(https?:)?\/\/|<link[^>]+href=["']?(https?:)?\/\/|url\(["']?(https?:)?\/\//)
    }
    // No temporary folders are left next to it.
    expect(readdirSync(path.join(dir, 'site'))).toEqual(['themes'])
  })

  it('should replace an earlier gallery as a whole', () => {
    const dir = folder()
    expect(runCli(['themes', '--gallery', '-o', 'out'], {cwd: dir}).status).toBe(0)
    const stale = path.join(dir, 'out', 'themes', 'stale.txt')
    writeFileSync(stale, 'old')
    const before = statSync(path.join(dir, 'out', 'themes', 'index.html')).mtimeMs
    expect(runCli(['themes', '--gallery', '-o', 'out'], {cwd: dir}).status).toBe(0)
    expect(existsSync(stale)).toBe(false)
    expect(statSync(path.join(dir, 'out', 'themes', 'index.html')).mtimeMs).toBeGreaterThanOrEqual(before)
  })
})

describe('lectern build --theme', () => {
  it('should refuse an unknown theme, list the themes and suggest the closest, writing nothing', () => {
    const dir = folder()
    writeFileSync(path.join(dir, 'talk.md'), deck)
    const {status, stdout, stderr} = runCli(['build', 'talk.md', '--theme', 'drak', '-o', 'out'], {cwd: dir})
    expect(status).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe(
      'talk.md:1:1: error: Unknown theme `drak`, did you mean `dark`? Themes: bold, dark, light, serif; or pass a path to a .css file (unknown-theme)\n'
    )
    expect(existsSync(path.join(dir, 'out', 'talk'))).toBe(false)
  })

  it('should report an unknown front matter theme at its line', () => {
    const dir = folder()
    writeFileSync(path.join(dir, 'talk.md'), `---\ntitle: Talk\ntheme: sreif\n---\n\n${deck}`)
    const {status, stderr} = runCli(['build', 'talk.md', '-o', 'out'], {cwd: dir})
    expect(status).toBe(1)
    expect(stderr).toBe(
      'talk.md:3:1: error: Unknown theme `sreif`, did you mean `serif`? Themes: bold, dark, light, serif; or pass a path to a .css file (unknown-theme)\n'
    )
  })

  it('should build with a built-in theme by name and with a user CSS file that imports one', () => {
    const dir = folder()
    writeFileSync(path.join(dir, 'talk.md'), deck)
    writeFileSync(path.join(dir, 'mine.css'), '@import "lectern/dark";\n:root { --lectern-accent: #ffcc00; }\n')
    expect(runCli(['build', 'talk.md', '-t', 'bold', '-o', 'a'], {cwd: dir}).status).toBe(0)
    expect(readFileSync(path.join(dir, 'a', 'talk', 'assets', 'theme.css'), 'utf8')).toBe(listThemes()[0].css)
    const {status, stderr} = runCli(['build', 'talk.md', '--theme', 'mine.css', '-o', 'b'], {cwd: dir})
    expect(stderr).toBe('')
    expect(status).toBe(0)
    const css = readFileSync(path.join(dir, 'b', 'talk', 'assets', 'theme.css'), 'utf8')
    expect(css).toContain('--r-background-color: #15191f;')
    expect(css.trimEnd().endsWith(':root { --lectern-accent: #ffcc00; }')).toBe(true)
  })
})
