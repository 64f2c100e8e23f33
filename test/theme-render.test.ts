/**
 * Choosing a theme for a deck: front matter `theme:`, the `theme` option
 * (`--theme`), front matter `vars:` and `style:`, and a user theme's files.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build/build.js'
import {renderDeck, toFile} from '../src/render/render.js'
import {loadTheme} from '../src/themes/theme.js'
import {root, temporaryFolders} from './util/fixtures.js'

const folder = temporaryFolders('lectern-theme-render-')

const body = '# 标题 Title\n\n## 第一节 First\n\n- 一 one\n- 二 two\n'

async function render(markdown: string, options: {theme?: string; cwd?: string; path?: string} = {}) {
  const cwd = options.cwd ?? root
  const file = toFile(markdown, options.path ?? 'deck.md', cwd)
  const result = await renderDeck(file, {theme: options.theme, cwd})
  const tree = fromHtml(result.html)
  const styles = selectAll('head link[rel=stylesheet], head style', tree).map((node) =>
    node.tagName === 'link' ? String(node.properties.href) : `<style>${toString(node)}`
  )
  const themeCss = result.assets.find((asset) => asset.path === 'assets/theme.css')?.content
  return {result, styles, themeCss}
}

describe('choosing a theme', () => {
  it('should use `light` when the deck names no theme', async () => {
    const {result, themeCss} = await render(body)
    expect(result.theme?.name).toBe('light')
    expect(themeCss).toBe(loadTheme('light').css)
  })

  it('should use the theme front matter names, and the `theme` option over it', async () => {
    const deck = `---\ntheme: dark\n---\n\n${body}`
    expect((await render(deck)).themeCss).toBe(loadTheme('dark').css)
    const {result, themeCss} = await render(deck, {theme: 'serif'})
    expect(result.theme?.name).toBe('serif')
    expect(themeCss).toBe(loadTheme('serif').css)
    // The theme's fonts ship with the deck, and only its fonts.
    const fonts = result.assets.filter((asset) => asset.path.startsWith('assets/fonts/') && asset.path.endsWith('.woff2'))
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.every((font) => /\/(noto-serif-sc|jetbrains-mono)-/.test(font.path))).toBe(true)
  })

  it('should resolve a front matter theme path from the deck, and a `theme` option path from `cwd`', async () => {
    const dir = folder()
    mkdirSync(path.join(dir, 'talks', 'styles'), {recursive: true})
    writeFileSync(path.join(dir, 'talks', 'styles', 'mine.css'), '@import "dark";\n:root { --lectern-accent: #ffcc00; }\n')
    const fromDeck = await render(`---\ntheme: styles/mine.css\n---\n\n${body}`, {cwd: dir, path: 'talks/deck.md'})
    expect(fromDeck.result.file.messages.map(String)).toEqual([])
    expect(fromDeck.themeCss).toContain('--lectern-accent: #ffcc00;')
    const fromCwd = await render(body, {cwd: dir, theme: 'talks/styles/mine.css'})
    expect(fromCwd.themeCss).toBe(fromDeck.themeCss)
  })

  it('should report an unknown theme in front matter at its line, listing the themes', async () => {
    const {result} = await render(`---\ntitle: T\ntheme: drak\n---\n\n${body}`)
    expect(result.file.messages.map((message) => [String(message), message.ruleId, message.fatal])).toEqual([
      [
        'deck.md:3:1: Unknown theme `drak`, did you mean `dark`? Themes: bold, dark, light, serif; or pass a path to a .css file',
        'unknown-theme',
        true
      ]
    ])
  })

  it('should add front matter `vars` and `style` after the theme, so they win', async () => {
    const deck = [
      '---',
      'vars:',
      '  lectern-accent: "#aa0000"',
      '  --r-background-color: "#fafafa"',
      '  "bad name!": red',
      'style: |',
      '  .reveal h2 { text-transform: uppercase; }',
      '  </style><script>alert(1)</script>',
      '---',
      '',
      body
    ].join('\n')
    const {styles} = await render(deck)
    expect(styles.indexOf('assets/theme.css')).toBeGreaterThan(-1)
    expect(styles.indexOf('assets/theme.css')).toBe(styles.length - 2)
    const last = styles.at(-1)!
    expect(last).toContain(':root { --lectern-accent: #aa0000; --r-background-color: #fafafa; }')
    expect(last).toContain('.reveal h2 { text-transform: uppercase; }')
    expect(last).not.toContain('bad name')
    // The style element cannot be closed early: no script comes from front matter.
    expect(last).toContain('<\\/style><script>')
  })
})

describe('a user theme with its own files', () => {
  it('should copy the files its `url()`s name into the deck, where the stylesheet finds them', async () => {
    const dir = folder()
    const font = path.join(root, 'node_modules', '@fontsource', 'jetbrains-mono', 'files', 'jetbrains-mono-latin-400-normal.woff2')
    mkdirSync(path.join(dir, 'theme', 'fonts'), {recursive: true})
    mkdirSync(path.join(dir, 'theme', 'img'), {recursive: true})
    writeFileSync(path.join(dir, 'theme', 'fonts', 'mono.woff2'), readFileSync(font))
    writeFileSync(path.join(dir, 'theme', 'img', 'corner.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')
    writeFileSync(
      path.join(dir, 'theme', 'talk.css'),
      [
        '@import "light";',
        "@font-face { font-family: 'Talk Mono'; src: url(fonts/mono.woff2) format('woff2'); }",
        ":root { --r-code-font: 'Talk Mono', monospace; }",
        '.reveal-viewport { background-image: url("img/corner.svg"); }'
      ].join('\n')
    )
    writeFileSync(path.join(dir, 'deck.md'), body)
    const result = await build([path.join(dir, 'deck.md')], {outDir: path.join(dir, 'out'), theme: 'theme/talk.css', cwd: dir})
    expect(result.files[0].messages.filter((message) => message.fatal)).toEqual([])
    const assets = path.join(dir, 'out', 'deck', 'assets')
    const css = readFileSync(path.join(assets, 'theme.css'), 'utf8')
    const urls = [...css.matchAll(/url\(["']?([^"')]+)["']?\)/g)].map((match) => match[1])
    expect(urls).toEqual(['theme-files/fonts/mono.woff2', 'theme-files/img/corner.svg'])
    for (const url of urls) expect(existsSync(path.join(assets, url)), url).toBe(true)
    expect(readFileSync(path.join(assets, 'theme-files', 'fonts', 'mono.woff2'))).toEqual(readFileSync(font))
  })

  it('should fail the deck, writing nothing, when a `url()` names a missing file', async () => {
    const dir = folder()
    writeFileSync(path.join(dir, 'broken.css'), '@import "light";\n.reveal { background: url(missing.png); }\n')
    writeFileSync(path.join(dir, 'deck.md'), body)
    const result = await build([path.join(dir, 'deck.md')], {outDir: path.join(dir, 'out'), theme: 'broken.css', cwd: dir})
    expect(result.decks[0].output).toBeUndefined()
    expect(result.files[0].messages.map((message) => [message.reason, message.fatal])).toEqual([
      [`Cannot find \`missing.png\` named by \`url()\` in theme \`${path.join(dir, 'broken.css')}\` (looked at ${path.join(dir, 'missing.png')})`, true]
    ])
    expect(existsSync(path.join(dir, 'out', 'deck'))).toBe(false)
  })
})
