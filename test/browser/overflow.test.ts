/**
 * Articles we keep aside (real READMEs shipped in node_modules, English and
 * Chinese docs with long lists, tables and code) make decks where nothing
 * overflows a 1280×720 slide and nothing is shrunk below the readable minimum,
 * measured in Chromium by `check`.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
import {check} from '../../src/check/check.js'
import {minimumScale} from '../../src/pipeline/slides/fit.js'
import {describeBrowser} from '../util/browser.js'
import {root} from '../util/fixtures.js'

const readmes = [
  'yaml/README.md',
  'unified/readme.md',
  'remark-gfm/readme.md',
  'katex/README.md',
  'playwright-core/README.md',
  'chokidar/README.md',
  'vfile/readme.md',
  'mdast-util-to-hast/readme.md',
  'remark-rehype/readme.md',
  'lowlight/readme.md',
  'hastscript/readme.md',
  'micromark/readme.md',
  'github-slugger/README.md',
  'rehype-raw/readme.md'
].map((file) => path.join('node_modules', file))

const articles = [
  'test/check/articles/zh-cli-guide.md',
  'test/check/articles/zh-model-overview.md',
  'slides/what-is-a-big-model.md',
  'test/fixtures/en-long-content/input.md',
  'test/fixtures/zh-table-code/input.md'
]

describeBrowser('articles kept aside', () => {
  it('should all exist, so the test means something', () => {
    expect([...readmes, ...articles].filter((file) => !existsSync(path.join(root, file)))).toEqual([])
  })

  it('should make decks with no overflowing slide and nothing below the minimum', {timeout: 300_000}, async () => {
    const result = await check([...readmes, ...articles], {cwd: root, split: 'auto'})
    const problems: string[] = []
    let slides = 0
    let continuations = 0
    for (const deck of result.decks) {
      // READMEs have HTML, badges and images: warnings are fine, errors that stop the build are not.
      expect(deck.measured, `${deck.input} was not built: ${deck.file.messages.map(String).join('; ')}`).toBeDefined()
      for (const slide of deck.measured!.slides) {
        slides++
        if (slide.kind === 'continuation') continuations++
        if (slide.overflowY > 0 || slide.overflowX > 0) problems.push(`${deck.input}:${slide.line} slide ${slide.index + 1} overflows by ${slide.overflowY}×${slide.overflowX} px`)
        if (slide.scale < minimumScale) problems.push(`${deck.input}:${slide.line} slide ${slide.index + 1} shrunk to ${slide.scale}`)
      }
      for (const message of deck.file.messages) {
        if (message.ruleId === 'slide-overflow' || message.ruleId === 'below-minimum') problems.push(String(message))
      }
    }
    expect(problems).toEqual([])
    // The articles are long: many slides, many of them continuations.
    expect(slides).toBeGreaterThan(300)
    expect(continuations).toBeGreaterThan(50)
  })
})
