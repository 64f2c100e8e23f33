/**
 * Articles we keep aside (real READMEs shipped in node_modules, English and
 * Chinese docs with long lists, tables and code) make decks where nothing
 * overflows a 1280×720 slide and nothing is shrunk below the readable minimum,
 * measured in Chromium by `check`.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {RootContent} from 'mdast'
import {beforeAll, expect, it} from 'vitest'
import {check, type CheckResult} from '../../src/check/check.js'
import {eachSlide} from '../../src/pipeline/remark-slides.js'
import {defaultMetrics, minimumScale} from '../../src/deck/metrics.js'
import {estimateHeight} from '../../src/slides/estimate.js'
import {describeBrowser} from '../util/browser.js'
import {root, toSlideTree} from '../util/fixtures.js'

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
  'test/check/articles/en-hard-shapes.md',
  'slides/what-is-a-big-model.md',
  'test/fixtures/en-long-content/input.md',
  'test/fixtures/zh-table-code/input.md'
]

describeBrowser('articles kept aside', () => {
  let result: CheckResult

  beforeAll(async () => {
    result = await check([...readmes, ...articles], {cwd: root, split: 'auto'})
  }, 300_000)

  it('should all exist, so the test means something', () => {
    expect([...readmes, ...articles].filter((file) => !existsSync(path.join(root, file)))).toEqual([])
  })

  it('should make decks with no overflowing slide and nothing below the minimum', () => {
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

  it('should estimate heights a little on the tall side, and fill the slides it splits', async () => {
    // Measured height over estimated height, per kind of block, on slides shown at full size.
    const sums = new Map<string, {measured: number; estimated: number; count: number}>()
    const fills: number[] = []
    for (const deck of result.decks) {
      const {tree} = await toSlideTree(readFileSync(path.join(root, deck.input), 'utf8'), {split: 'auto'}, deck.input)
      const estimates = new Map<string, {type: string; height: number} | null>()
      for (const slide of eachSlide(tree.children)) {
        for (const node of slide.children.slice(1) as RootContent[]) {
          if (!node.position || node.type === 'notes') continue
          const key = `${node.position.start.line}:${node.position.start.column}`
          // Parts of a split block share a place: leave them out.
          estimates.set(key, estimates.has(key) ? null : {type: node.type, height: estimateHeight(node, defaultMetrics)})
        }
      }
      const slides = deck.measured!.slides
      for (const slide of slides) {
        if (slide.scale < 1) continue
        if (slides[slide.index + 1]?.kind === 'continuation') fills.push(slide.contentHeight / slide.availableHeight)
        for (const block of slide.blocks.slice(1)) {
          const estimate = block.place ? estimates.get(block.place) : undefined
          if (!estimate) continue
          const sum = sums.get(estimate.type) ?? {measured: 0, estimated: 0, count: 0}
          sum.measured += block.height
          sum.estimated += estimate.height
          sum.count++
          sums.set(estimate.type, sum)
        }
      }
    }
    const ratios = Object.fromEntries([...sums].map(([type, sum]) => [type, Math.round((sum.measured / sum.estimated) * 1000) / 1000]))
    fills.sort((a, b) => a - b)
    const median = fills[Math.floor(fills.length / 2)]
    console.log('measured/estimated by block:', JSON.stringify(ratios), 'counts:', JSON.stringify(Object.fromEntries([...sums].map(([type, sum]) => [type, sum.count]))))
    console.log(`slides followed by a continuation: ${fills.length}, median fill ${median.toFixed(2)}`)
    for (const type of ['list', 'code', 'table', 'paragraph']) {
      expect(sums.get(type)?.count ?? 0, type).toBeGreaterThan(2)
      expect(ratios[type], type).toBeLessThanOrEqual(1.02)
      expect(ratios[type], type).toBeGreaterThanOrEqual(0.85)
    }
    // Not wasteful: a slide that spills into a continuation is mostly full.
    expect(median).toBeGreaterThanOrEqual(0.8)
  })
})
