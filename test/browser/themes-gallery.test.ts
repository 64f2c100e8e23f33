/**
 * In Chromium, from file://: the theme gallery shows each sample slide in
 * every theme, and a user theme (fonts and images next to its CSS) plus front
 * matter `vars` and `style` change what the audience sees.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {launchBrowser} from '../../src/browser/launch.js'
import {build} from '../../src/build/build.js'
import {buildGallery} from '../../src/gallery/gallery.js'
import {describeBrowser, waitForFitted, watchPage} from '../util/browser.js'
import {root, temporaryFolder} from '../util/fixtures.js'

describeBrowser('theme gallery and custom themes in Chromium', () => {
  let browser: Browser
  const work = temporaryFolder('lectern-gallery-')

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    work.remove()
  })

  /** Open a page, watched from `folder`. */
  async function open(file: string, folder: string) {
    const page = await browser.newPage({viewport: {width: 1400, height: 900}})
    const watched = watchPage(page, folder)
    await page.goto(pathToFileURL(file).href)
    return {page, ...watched}
  }

  it('should show every sample slide in every theme, each frame on its own slide, offline', async () => {
    const result = await buildGallery({outDir: path.join(work.dir, 'site')})
    expect(result.output).toBeDefined()
    const gallery = path.dirname(result.output!)
    const {page, errors, outside} = await open(result.output!, gallery)
    try {
      const frames = page.frames().filter((frame) => frame !== page.mainFrame())
      expect(frames.length).toBe(result.themes.length * result.slides.length)
      const seen: Array<{theme: string; indices: string; background: string; title: string}> = []
      for (const frame of frames) {
        await waitForFitted(frame)
        const state = await frame.evaluate(`(() => {
          const reveal = window.Reveal
          const indices = reveal.getIndices()
          const current = reveal.getCurrentSlide()
          return {
            indices: '#/' + indices.h + (indices.v ? '/' + indices.v : ''),
            background: getComputedStyle(document.querySelector('.reveal-viewport') || document.body).backgroundColor,
            title: (current.querySelector('h1, h2') || {}).textContent || '',
            scrollView: document.querySelector('.reveal-viewport.reveal-scroll') !== null
          }
        })()`)
        const {indices, background, title, scrollView} = state as {indices: string; background: string; title: string; scrollView: boolean}
        expect(scrollView, frame.url()).toBe(false)
        const src = decodeURI(new URL(frame.url()).pathname).split('/themes/')[1]
        seen.push({theme: src.split('/')[0], indices, background, title: title.trim()})
      }
      // Each theme shows the same slides, in order, by their titles.
      const themes = result.themes.map((theme) => theme.name)
      for (const theme of themes) {
        const shown = seen.filter((entry) => entry.theme === theme)
        expect(shown.map((entry) => entry.indices)).toEqual(result.slides.map((slide) => slide.hash))
        expect(shown.map((entry) => entry.title)).toEqual(result.slides.map((slide) => slide.title))
      }
      expect(result.slides.map((slide) => slide.title)).toEqual([
        '主题样张 · Theme sample',
        '大模型是什么？ What is a large model?',
        '对比 Comparison',
        '代码 Code',
        '引用 Quote'
      ])
      // The themes look different: four different backgrounds or inks at least.
      const backgrounds = new Set(themes.map((theme) => seen.find((entry) => entry.theme === theme)!.background))
      expect(backgrounds.size).toBeGreaterThanOrEqual(3)
      expect(errors).toEqual([])
      expect(outside).toEqual([])
    } finally {
      await page.close()
    }
  }, 120_000)

  it('should load a user theme\'s own font and image, and apply front matter `vars` and `style` over it', async () => {
    const dir = path.join(work.dir, 'custom')
    mkdirSync(path.join(dir, 'theme', 'fonts'), {recursive: true})
    const font = path.join(root, 'node_modules', '@fontsource', 'jetbrains-mono', 'files', 'jetbrains-mono-latin-700-normal.woff2')
    writeFileSync(path.join(dir, 'theme', 'fonts', 'talk mono.woff2'), readFileSync(font))
    writeFileSync(path.join(dir, 'theme', 'dot.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#ccc"/></svg>')
    writeFileSync(
      path.join(dir, 'theme', 'talk.css'),
      [
        '/**',
        ' * @name talk',
        ' * @description A talk theme over dark.',
        ' */',
        '@import "dark";',
        "@font-face { font-family: 'Talk Mono'; src: url('fonts/talk%20mono.woff2') format('woff2'); }",
        ":root { --r-code-font: 'Talk Mono', monospace; --lectern-accent: #ffd166; }",
        '.reveal .slides section > h2:first-child { background: url(dot.svg) no-repeat right center; }'
      ].join('\n')
    )
    writeFileSync(
      path.join(dir, 'talk.md'),
      [
        '---',
        'theme: theme/talk.css',
        'vars:',
        '  r-background-color: "#102030"',
        'style: |',
        '  .reveal h2 { text-transform: uppercase; }',
        '---',
        '',
        '# Custom theme',
        '',
        '## Code here',
        '',
        '```js',
        'const answer = 42',
        '```',
        ''
      ].join('\n')
    )
    const result = await build([path.join(dir, 'talk.md')], {outDir: path.join(dir, 'out'), cwd: dir})
    expect(result.files[0].messages.filter((message) => message.fatal)).toEqual([])
    const output = result.decks[0].output!
    const {page, errors, outside} = await open(output, path.dirname(output))
    try {
      await waitForFitted(page)
      const state = await page.evaluate(`(async () => {
        const loaded = await document.fonts.load("16px 'Talk Mono'")
        window.Reveal.slide(1)
        const h2 = document.querySelector('section[data-kind] h2')
        const image = getComputedStyle(h2).backgroundImage
        const probe = new Image()
        probe.src = image.slice(5, -2)
        const imageLoaded = await new Promise((resolve) => { probe.onload = () => resolve(true); probe.onerror = () => resolve(false) })
        return {
          fontFaces: loaded.map((face) => face.family + ' ' + face.status),
          background: getComputedStyle(document.querySelector('.reveal-viewport') || document.body).backgroundColor,
          transform: getComputedStyle(h2).textTransform,
          code: getComputedStyle(document.querySelector('pre code')).fontFamily,
          accent: getComputedStyle(document.documentElement).getPropertyValue('--lectern-accent').trim(),
          imageLoaded
        }
      })()`)
      expect(state).toEqual({
        fontFaces: ['Talk Mono loaded'],
        background: 'rgb(16, 32, 48)',
        transform: 'uppercase',
        code: '"Talk Mono", monospace',
        accent: '#ffd166',
        imageLoaded: true
      })
      expect(errors).toEqual([])
      expect(outside).toEqual([])
    } finally {
      await page.close()
    }
  })
})
