/**
 * The `.pptx` as another program shows it: LibreOffice converts it to PDF,
 * and poppler reads that back: a page per slide, every title's text, no word
 * outside its page, a CJK face embedded for the Chinese. Skips without
 * `soffice` unless `LECTERN_REQUIRE_BROWSER=1` (CI).
 */
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {exportPptx} from '../../src/export/pptx.js'
import {seedDeck, temporaryFolder} from '../util/fixtures.js'
import {expectedSlides, pdfFonts, pdfInfo, pdfText, squash} from './poppler.js'
import {mathDeck, mixedDeck, solidPng} from './pptx-decks.js'

const soffice = spawnSync('sh', ['-c', 'command -v soffice'], {encoding: 'utf8'}).stdout.trim()
const required = process.env.LECTERN_REQUIRE_BROWSER === '1' || process.env.CI === 'true'

/** Convert with a fresh LibreOffice profile; the process is ended by its id if it hangs. */
async function toPdfs(files: string[], dir: string): Promise<string[]> {
  const profile = path.join(dir, 'lo-profile')
  const outDir = path.join(dir, 'pdf')
  mkdirSync(outDir, {recursive: true})
  const child = spawn(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
    detached: true,
    stdio: 'ignore'
  })
  const timer = setTimeout(() => {
    // Its own process group: the wrapper script and soffice.bin.
    if (child.pid) process.kill(-child.pid, 'SIGKILL')
  }, 90_000)
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  clearTimeout(timer)
  expect(code).toBe(0)
  return files.map((file) => path.join(outDir, `${path.basename(file, '.pptx')}.pdf`))
}

/** Words of each page with their boxes, from `pdftotext -bbox`. */
function wordBoxes(pdf: string): Array<{width: number; height: number; words: Array<{text: string; x0: number; y0: number; x1: number; y1: number}>}> {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], {encoding: 'utf8'})
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => ({
    width: Number(page[1]),
    height: Number(page[2]),
    words: [...page[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((word) => ({
      text: word[5],
      x0: Number(word[1]),
      y0: Number(word[2]),
      x1: Number(word[3]),
      y1: Number(word[4])
    }))
  }))
}

const decks: Array<{name: string; markdown: string}> = [
  {name: 'seed.md', markdown: readFileSync(seedDeck, 'utf8')},
  {name: 'mixed.md', markdown: mixedDeck},
  {name: 'math.md', markdown: mathDeck},
  {
    name: 'long.md',
    markdown: `# 长列表\n\n## 全部测量项目\n\n${Array.from({length: 30}, (_, index) => `- 第${index + 1}项：每天测量两次，夜间汇总 with English words`).join('\n')}\n`
  }
]

const describeOffice = soffice ? describe : required ? describe : describe.skip

describeOffice('a .pptx rendered by LibreOffice', () => {
  if (!soffice) {
    it('should find soffice (CI)', () => {
      throw new Error('No `soffice` found; install `libreoffice-impress`')
    })
    return
  }

  // One LibreOffice start for every deck: its first start in a fresh profile is slow.
  const {dir, remove} = temporaryFolder('lectern-pptx-render-')
  const converted: Array<{slides: number; pdf: string; input: string}> = []
  beforeAll(async () => {
    writeFileSync(path.join(dir, 'map.png'), solidPng(64, 48))
    const outputs: Array<{slides: number; output: string; input: string}> = []
    for (const deck of decks) {
      const input = path.join(dir, deck.name)
      writeFileSync(input, deck.markdown)
      const output = path.join(dir, `${path.basename(deck.name, '.md')}.pptx`)
      const result = await exportPptx(input, {output})
      outputs.push({slides: result.slides, output, input})
    }
    const pdfs = await toPdfs(outputs.map((entry) => entry.output), dir)
    outputs.forEach((entry, index) => converted.push({slides: entry.slides, pdf: pdfs[index], input: entry.input}))
  }, 180_000)
  afterAll(remove)

  decks.forEach((deck, deckIndex) => {
    it(`should show every slide of ${deck.name} with its title, inside the page, without tofu`, async () => {
      const {slides, pdf, input} = converted[deckIndex]
      const expected = await expectedSlides(deck.markdown, input)
      expect(pdfInfo(pdf).pages).toBe(slides)
      expect(slides).toBe(expected.length)
      expected.forEach((slide, index) => {
        expect(squash(pdfText(pdf, index + 1)), `page ${index + 1}`).toContain(squash(slide.title))
      })
      for (const [index, page] of wordBoxes(pdf).entries()) {
        for (const word of page.words) {
          expect(word.x0 >= 0 && word.y0 >= 0 && word.x1 <= page.width + 0.5 && word.y1 <= page.height + 0.5, `page ${index + 1}: ${word.text}`).toBe(true)
        }
      }
      if (/[\u4E00-\u9FFF]/.test(deck.markdown)) {
        const fonts = pdfFonts(pdf)
        expect(fonts.some((font) => /CJK|Noto ?Sans ?SC|Source ?Han|WenQuanYi|Droid ?Sans ?Fallback/i.test(font.name) && font.embedded), JSON.stringify(fonts)).toBe(true)
      }
    })
  })

  it('should show each display formula of math.md as a picture on its page', () => {
    const {pdf} = converted[decks.findIndex((deck) => deck.name === 'math.md')]
    // `pdfimages -list`: a header of two lines, then `page num type width height …` per image.
    const images = execFileSync('pdfimages', ['-list', pdf], {encoding: 'utf8'})
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((line) => line.trim().split(/\s+/))
      .filter((columns) => columns[2] === 'image')
      .map((columns) => ({page: Number(columns[0]), width: Number(columns[3]), height: Number(columns[4])}))
    const pages = [...new Set(images.map((image) => image.page))]
    const formulaPages = Array.from({length: pdfInfo(pdf).pages}, (_, index) => index + 1).filter((page) => /求根公式|Sums and integrals/.test(pdfText(pdf, page)))
    expect(pages).toEqual(formulaPages)
    expect(images).toHaveLength(3)
    // Drawn wider than tall, at the resolution they were rasterised at, not a placeholder.
    for (const image of images) expect(image.width > image.height && image.width > 200, JSON.stringify(image)).toBe(true)
  })
})
