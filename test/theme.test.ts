/**
 * Themes: the built-in set, their headers, and user themes that import a
 * built-in one and ship their own files.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {LecternError} from '../src/errors.js'
import {readFontFaces} from '../src/render/fonts.js'
import {defaultMetrics} from '../src/deck/metrics.js'
import {closestName, listThemes, loadTheme} from '../src/themes/theme.js'
import {root, temporaryFolders} from './util/fixtures.js'

const folder = temporaryFolders('lectern-theme-')

function write(file: string, text: string): string {
  mkdirSync(path.dirname(file), {recursive: true})
  writeFileSync(file, text)
  return file
}

/** The value a stylesheet's `:root` gives a custom property (the last one wins). */
function variable(css: string, name: string): string | undefined {
  const matches = [...css.matchAll(new RegExp(`${name}:\\s*([^;]+);`, 'g'))]
  return matches.at(-1)?.[1].trim()
}

function thrown(fn: () => unknown): LecternError {
  try {
    fn()
  } catch (error) {
    if (error instanceof LecternError) return error
    throw error
  }
  throw new Error('Expected a LecternError')
}

describe('built-in themes', () => {
  const themes = listThemes()
  const base = readFileSync(path.join(root, 'src', 'client', 'lectern.css'), 'utf8')
  // Every variable lectern.css gives a default: colours, code tokens, tables.
  const lecternVariables = [...new Set([...base.matchAll(/^\s*(--lectern-[\w-]+):/gm)].map((match) => match[1]))].filter(
    (name) => !['--lectern-font-scale', '--lectern-line-height'].includes(name)
  )

  it('should list at least four themes, sorted, each with a one-line description', () => {
    expect(themes.map((theme) => theme.name)).toEqual(['bold', 'dark', 'light', 'serif'])
    for (const theme of themes) {
      expect(theme.description, theme.name).toMatch(/^\S.{20,120}$/)
      expect(theme.path).toBe(path.join(root, 'themes', `${theme.name}.css`))
    }
  })

  it('should set reveal.js and lectern variables, code tokens included, in every theme', () => {
    expect(lecternVariables).toEqual(expect.arrayContaining(['--lectern-accent', '--lectern-code-keyword', '--lectern-code-comment']))
    for (const theme of themes) {
      for (const name of ['--r-background-color', '--r-main-font', '--r-main-color', '--r-heading-color', '--r-link-color', '--r-code-font', '--r-main-font-size', ...lecternVariables]) {
        expect(variable(theme.css, name), `${theme.name} ${name}`).toBeDefined()
      }
    }
  })

  it('should lead every font stack with a font the theme ships, and ship fonts from installed packages', () => {
    for (const theme of themes) {
      expect(theme.fonts.length, theme.name).toBeGreaterThan(0)
      const families = new Set<string>()
      for (const font of theme.fonts) {
        for (const weight of font.weights) {
          const faces = readFontFaces(font.package, weight)
          expect(faces.length, `${theme.name} ${font.package} ${weight}`).toBeGreaterThan(0)
          for (const face of faces) families.add(face.family)
        }
      }
      const first = (name: string) => variable(theme.css, name)!.split(',')[0].trim().replace(/^['"]|['"]$/g, '')
      expect(families, theme.name).toContain(first('--r-main-font'))
      expect(families, theme.name).toContain(first('--r-code-font'))
      // A CJK face: the stack's lead covers Han characters.
      expect(theme.fonts.some((font) => /-sc$/.test(font.package)), theme.name).toBe(true)
    }
  })

  it('should tell the splitter the font size and line height the CSS uses', () => {
    for (const theme of themes) {
      expect(`${theme.metrics.fontSize}px`, theme.name).toBe(variable(theme.css, '--r-main-font-size'))
      expect(String(theme.metrics.lineHeight), theme.name).toBe(variable(theme.css, '--lectern-line-height'))
    }
    expect(loadTheme('light').metrics).toEqual(defaultMetrics)
    expect(loadTheme('bold').metrics).toEqual({...defaultMetrics, fontSize: 34, titleHeight: 112})
    expect(loadTheme('serif').metrics).toEqual({...defaultMetrics, lineHeight: 1.6})
  })

  it('should keep headings from breaking inside words', () => {
    // The base layout does it once for every theme; no theme undoes it.
    expect(base).toMatch(/\.reveal h1, \.reveal h2[^{]*\{[^}]*word-break: keep-all;/)
    for (const theme of themes) expect(theme.css, theme.name).not.toMatch(/word-break:\s*break-all|overflow-wrap:\s*anywhere/)
  })
})

describe('loadTheme', () => {
  it('should load the default theme when none is named', () => {
    expect(loadTheme(undefined).name).toBe('light')
  })

  it('should refuse an unknown name, listing the themes and suggesting the closest', () => {
    const error = thrown(() => loadTheme('drak'))
    expect(error.code).toBe('THEME')
    expect(error.message).toBe(
      'Unknown theme `drak`, did you mean `dark`? Themes: bold, dark, light, serif; or pass a path to a .css file'
    )
    expect(thrown(() => loadTheme('zzzzzzzz')).message).toBe(
      'Unknown theme `zzzzzzzz` Themes: bold, dark, light, serif; or pass a path to a .css file'
    )
    expect(closestName('Serf', ['light', 'serif'])).toBe('serif')
  })

  it('should refuse a missing theme file', () => {
    const dir = folder()
    expect(thrown(() => loadTheme('missing.css', dir)).message).toBe(
      `Cannot find theme file \`missing.css\` (looked at ${path.join(dir, 'missing.css')})`
    )
  })

  it('should inline a built-in theme a user theme imports, keep its fonts and metrics, and let it override variables', () => {
    const dir = folder()
    write(
      path.join(dir, 'talk.css'),
      '/**\n * @name talk\n * @description Our talk.\n * @metrics paddingX=80\n */\n@import "bold";\n:root { --lectern-accent: #0b5394; }\n'
    )
    const theme = loadTheme('talk.css', dir)
    const bold = loadTheme('bold')
    expect(theme.name).toBe('talk')
    expect(theme.description).toBe('Our talk.')
    expect(theme.css).not.toContain('@import')
    expect(theme.css).toContain(bold.css)
    expect(theme.css.indexOf(bold.css)).toBeLessThan(theme.css.indexOf('--lectern-accent: #0b5394'))
    expect(variable(theme.css, '--lectern-accent')).toBe('#0b5394')
    expect(theme.fonts).toEqual(bold.fonts)
    expect(theme.metrics).toEqual({...bold.metrics, paddingX: 80})
    expect(theme.files).toEqual([path.join(dir, 'talk.css'), bold.path])
  })

  it('should accept `lectern/NAME`, `NAME.css` and a local CSS file as imports, and ignore imports in comments', () => {
    const dir = folder()
    write(path.join(dir, 'parts', 'colours.css'), ':root { --r-main-color: #222222; }\n')
    write(
      path.join(dir, 'a.css'),
      '/* @import "nowhere.css"; */\n@import "lectern/dark";\n@import url("serif.css");\n@import "./parts/colours.css";\n'
    )
    const theme = loadTheme(path.join(dir, 'a.css'))
    expect(theme.name).toBe(path.join(dir, 'a.css'))
    expect(theme.css).toContain(loadTheme('dark').css)
    expect(theme.css).toContain(loadTheme('serif').css)
    expect(theme.css).toContain('--r-main-color: #222222;')
    expect(theme.css).toContain('/* @import "nowhere.css"; */')
    expect(theme.files.map((file) => path.basename(file))).toEqual(['a.css', 'dark.css', 'serif.css', 'colours.css'])
  })

  it('should refuse an import it cannot find or that would reach the network', () => {
    const dir = folder()
    write(path.join(dir, 'missing.css'), '@import "nope.css";\n')
    expect(thrown(() => loadTheme('missing.css', dir)).message).toBe(
      `Cannot find \`@import "nope.css";\` of theme \`${path.join(dir, 'missing.css')}\` (looked at ${path.join(dir, 'nope.css')}), expected a built-in theme (bold, dark, light, serif) or a CSS file`
    )
    write(path.join(dir, 'remote.css'), '@import url("https://fonts.example.com/css?family=X");\n')
    expect(thrown(() => loadTheme('remote.css', dir)).message).toMatch(
      /^Unexpected `@import url\("https:\/\/fonts\.example\.com\/css\?family=X"\);` in theme `.*remote\.css`, expected a built-in theme .* a deck loads nothing from the network$/
    )
  })

  it('should ship the files a user theme names with relative `url()`s, from the theme file they appear in', () => {
    const dir = folder()
    write(path.join(dir, 'fonts', 'My Font.woff2'), 'font')
    write(path.join(dir, 'img', 'bg.png'), 'png')
    write(path.join(dir, 'parts', 'logo.svg'), '<svg/>')
    write(path.join(dir, 'parts', 'logo.css'), '.reveal .logo { background: url(logo.svg); }\n')
    write(
      path.join(dir, 'mine.css'),
      [
        '@import "light";',
        '@import "parts/logo.css";',
        "@font-face { font-family: 'My Font'; src: url('fonts/My%20Font.woff2?v=2#x') format('woff2'); }",
        ':root { --r-main-font: "My Font", var(--r-main-font); }',
        '.reveal-viewport { background-image: url("img/bg.png"), url(data:image/gif;base64,R0lGOD==); }',
        '.reveal .again { background: url(./img/bg.png); }',
        '/* url(not-here.png) is a comment */'
      ].join('\n')
    )
    const theme = loadTheme('mine.css', dir)
    expect(theme.assets).toEqual([
      {path: 'theme-files/parts/logo.svg', from: path.join(dir, 'parts', 'logo.svg')},
      {path: 'theme-files/fonts/My Font.woff2', from: path.join(dir, 'fonts', 'My Font.woff2')},
      {path: 'theme-files/img/bg.png', from: path.join(dir, 'img', 'bg.png')}
    ])
    expect(theme.css).toContain('background: url(theme-files/parts/logo.svg);')
    expect(theme.css).toContain("src: url('theme-files/fonts/My%20Font.woff2?v=2#x')")
    expect(theme.css).toContain('background-image: url("theme-files/img/bg.png"), url(data:image/gif;base64,R0lGOD==);')
    expect(theme.css).toContain('.reveal .again { background: url(theme-files/img/bg.png); }')
    expect(theme.css).toContain('/* url(not-here.png) is a comment */')
  })

  it('should refuse `@fonts` naming a package that is not installed or a weight it does not ship', () => {
    const dir = folder()
    write(path.join(dir, 'nopkg.css'), '/**\n * @fonts @fontsource/not-a-real-font 400\n */\n')
    expect(thrown(() => loadTheme('nopkg.css', dir)).message).toBe(
      `Cannot find font package \`@fontsource/not-a-real-font\` named by \`@fonts\` in theme \`${path.join(dir, 'nopkg.css')}\`: install it with \`npm install @fontsource/not-a-real-font\``
    )
    write(path.join(dir, 'weight.css'), '/**\n * @fonts @fontsource/noto-sans-sc 400 bold\n */\n')
    expect(thrown(() => loadTheme('weight.css', dir)).message).toBe(
      `Unexpected weight \`bold\` of \`@fontsource/noto-sans-sc\` in theme \`${path.join(dir, 'weight.css')}\`, expected one of 100, 200, 300, 400, 500, 600, 700, 800, 900`
    )
    write(path.join(dir, 'default.css'), '/**\n * @fonts @fontsource/noto-serif-sc\n */\n')
    expect(loadTheme('default.css', dir).fonts).toEqual([{package: '@fontsource/noto-serif-sc', weights: [400]}])
  })

  it('should refuse a `url()` it cannot ship: a missing file, a remote or absolute address', () => {
    const dir = folder()
    write(path.join(dir, 'missing.css'), '.a { background: url(img/none.png); }\n')
    expect(thrown(() => loadTheme('missing.css', dir)).message).toBe(
      `Cannot find \`img/none.png\` named by \`url()\` in theme \`${path.join(dir, 'missing.css')}\` (looked at ${path.join(dir, 'img', 'none.png')})`
    )
    for (const target of ['https://example.com/a.woff2', '//cdn.example.com/a.png', '/abs/a.png']) {
      write(path.join(dir, 'remote.css'), `.a { background: url("${target}"); }\n`)
      expect(thrown(() => loadTheme('remote.css', dir)).message, target).toBe(
        `Unexpected \`url("${target}")\` in theme \`${path.join(dir, 'remote.css')}\`, expected a path relative to the theme: a deck loads nothing from the network and ships the files it uses`
      )
    }
  })
})
