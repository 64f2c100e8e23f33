/**
 * `lectern pdf` and `lectern png` in real Chromium, read back with poppler:
 * pages, text, notes, fonts, links, page sizes, and failures that end cleanly.
 */
import {execFileSync} from 'node:child_process'
import {chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {exportPdf} from '../../src/export/pdf.js'
import {exportPng} from '../../src/export/png.js'
import {figuresDeck} from '../export/decks.js'
import {darkShare, expectedSlides, pdfFonts, pdfInfo, pdfLinks, pdfText, squash} from '../export/poppler.js'
import {describeBrowser} from '../util/browser.js'
import {root, runCli, seedDeck, temporaryFolder} from '../util/fixtures.js'

const decks = {
  seed: seedDeck,
  english: path.join(root, 'test', 'export', 'decks', 'english.md'),
  tableCode: path.join(root, 'test', 'export', 'decks', 'table-code.md')
}

/** The start of the notes' first line (list numbers are not in the notes' text). */
function notesStart(notes: string): string {
  return squash(notes.split('\n').find((line) => line.trim()) ?? '').slice(0, 24)
}

describeBrowser('lectern pdf', () => {
  const work = temporaryFolder('lectern-pdf-')
  const expected: Record<string, Array<{title: string; notes: string}>> = {}

  beforeAll(async () => {
    for (const [name, file] of Object.entries(decks)) expected[name] = await expectedSlides(readFileSync(file, 'utf8'), file)
  })

  afterAll(() => work.remove())

  for (const name of Object.keys(decks) as Array<keyof typeof decks>) {
    it(`should print one page per slide, each with its title, for the ${name} deck`, async () => {
      const output = path.join(work.dir, `${name}.pdf`)
      const result = await exportPdf(decks[name], {output})
      const slides = expected[name]
      expect(result.output).toBe(output)
      expect(readFileSync(output).subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(slides.length).toBeGreaterThan(2)
      expect(result.slides).toBe(slides.length)
      expect(pdfInfo(output).pages).toBe(slides.length)
      for (const [index, slide] of slides.entries()) {
        expect(squash(pdfText(output, index + 1))).toContain(squash(slide.title))
      }
      const fonts = pdfFonts(output)
      expect(fonts.length).toBeGreaterThan(0)
      expect(fonts.filter((font) => !font.embedded)).toEqual([])
      // Nothing left behind next to the PDF.
      expect(readdirSync(work.dir).filter((file) => file.startsWith('.lectern-tmp'))).toEqual([])
    })
  }

  it('should draw Chinese with the Noto Sans SC the deck ships, not a system CJK font', async () => {
    const output = path.join(work.dir, 'seed-fonts.pdf')
    await exportPdf(decks.seed, {output})
    const names = pdfFonts(output).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))
    expect(names.some((name) => name.startsWith('NotoSansSC'))).toBe(true)
    expect(names.filter((name) => /CJK|Droid|WenQuanYi|AR PL/i.test(name))).toEqual([])
    expect(pdfInfo(output).title).toBe('什么是大模型')
  })

  it('should draw emoji with the Noto Emoji the deck ships, embedded, not as empty boxes', async () => {
    const file = path.join(work.dir, 'emoji.md')
    writeFileSync(file, '# Thanks ✨\n\n## Contributors 🎉\n\nThe people behind it.\n\n- Code 💻 and docs 📖\n- Tests ⚠️ and design 🎨\n')
    const output = path.join(work.dir, 'emoji.pdf')
    await exportPdf(file, {output})
    const emoji = pdfFonts(output).filter((font) => font.name.replace(/^[A-Z]{6}\+/, '').startsWith('NotoEmoji'))
    expect(emoji.length).toBeGreaterThan(0)
    expect(emoji.every((font) => font.embedded)).toBe(true)
    expect(pdfText(output, 2)).toContain('🎉')
  })

  it('should size pages by the deck aspect: 16:9 and 4:3', async () => {
    const wide = path.join(work.dir, 'wide.pdf')
    const square = path.join(work.dir, 'square.pdf')
    await exportPdf(decks.english, {output: wide})
    await exportPdf(decks.tableCode, {output: square})
    // 1280×720 and 960×720 CSS px at 96 per inch, in points.
    expect([pdfInfo(wide).width, pdfInfo(wide).height]).toEqual([960, 540])
    expect([pdfInfo(square).width, pdfInfo(square).height]).toEqual([720, 540])
  })

  it('should keep links clickable and text selectable', async () => {
    const output = path.join(work.dir, 'links.pdf')
    await exportPdf(decks.english, {output})
    const titles = expected.english.map((slide) => slide.title)
    const page = titles.indexOf('The checklist') + 1
    expect(pdfLinks(output)).toEqual([{page, url: 'https://example.com/release-guide'}])
    expect(pdfText(output, page)).toContain('Freeze the branch')
  })

  it('should follow each slide with its speaker notes with `notes`', async () => {
    const output = path.join(work.dir, 'notes.pdf')
    await exportPdf(decks.english, {output, notes: true})
    const slides = expected.english
    const withNotes = slides.filter((slide) => slide.notes)
    expect(withNotes.length).toBeGreaterThan(2)
    expect(pdfInfo(output).pages).toBe(slides.length + withNotes.length)
    let page = 1
    for (const slide of slides) {
      expect(squash(pdfText(output, page))).toContain(squash(slide.title))
      page++
      if (!slide.notes) continue
      expect(squash(pdfText(output, page))).toContain(notesStart(slide.notes))
      page++
    }
  })

  it('should put slide and notes on one A4 portrait page with `handout`', async () => {
    const output = path.join(work.dir, 'handout.pdf')
    await exportPdf(decks.seed, {output, handout: true})
    const info = pdfInfo(output)
    expect([info.width, info.height]).toEqual([595, 842])
    expect(info.pages).toBe(expected.seed.length)
    for (const [index, slide] of expected.seed.entries()) {
      const text = squash(pdfText(output, index + 1))
      expect(text).toContain(squash(slide.title))
      if (slide.notes) expect(text).toContain(notesStart(slide.notes))
    }
    expect(pdfFonts(output).filter((font) => !font.embedded)).toEqual([])
  })

  it('should render pages that are not blank', async () => {
    const output = path.join(work.dir, 'look.pdf')
    await exportPdf(decks.tableCode, {output})
    for (let page = 1; page <= pdfInfo(output).pages; page++) {
      const share = darkShare(output, page, path.join(work.dir, `look-${page}`))
      expect(share).toBeGreaterThan(0.002)
      expect(share).toBeLessThan(0.5)
    }
  })

  it('should print fragments in their final state, with images and math', async () => {
    const folder = path.join(work.dir, 'figures')
    mkdirSync(folder)
    copyFileSync(path.join(root, 'test', 'fixtures', 'rich-content', 'media', 'growth chart.png'), path.join(folder, 'chart.png'))
    writeFileSync(path.join(folder, 'deck.md'), figuresDeck)
    const output = path.join(folder, 'deck.pdf')
    await exportPdf(path.join(folder, 'deck.md'), {output})
    expect(pdfInfo(output).pages).toBe(3)
    expect(squash(pdfText(output, 2))).toContain('StepsFirststepSecondstep')
    expect(squash(pdfText(output, 3))).toContain('E=mc2')
    const images = execFileSync('pdfimages', ['-list', output], {encoding: 'utf8'}).split('\n').slice(2).filter(Boolean)
    expect(images.map((line) => line.trim().split(/\s+/)[0])).toEqual(['3'])
    expect(pdfFonts(output).some((font) => /KaTeX/.test(font.name))).toBe(true)
  })

  it('should end with a BROWSER error, and no PDF, when the page never finishes loading', async () => {
    const folder = path.join(work.dir, 'stuck')
    mkdirSync(folder)
    writeFileSync(path.join(folder, 'deck.md'), '---\ntitle: Stuck\nhtml: true\n---\n\n# Stuck\n\n## Loop\n\n<script>for (;;) {}</script>\n\n- a list\n')
    const error = await exportPdf(path.join(folder, 'deck.md'), {output: path.join(folder, 'deck.pdf'), timeout: 3000}).catch((error: unknown) => error)
    expect(error).toMatchObject({code: 'BROWSER', message: expect.stringMatching(/^The browser did not finish within 3 s/)})
    expect(readdirSync(folder)).toEqual(['deck.md'])
  })

  it('should never cut long notes: they shrink on the handout page, then flow onto the next', async () => {
    const folder = path.join(work.dir, 'long')
    mkdirSync(folder)
    const paragraphs = Array.from({length: 14}, (_, index) => `Paragraph ${index + 1} of the notes says something the speaker wants to remember, at some length, so that the notes grow.`)
    writeFileSync(path.join(folder, 'deck.md'), `# Long notes\n\n## Only slide\n\n- One point\n\n${paragraphs.join('\n\n')}\n\nThe very last words.\n`)
    for (const mode of [{handout: true}, {notes: true}]) {
      const output = path.join(folder, `${Object.keys(mode)[0]}.pdf`)
      await exportPdf(path.join(folder, 'deck.md'), {output, ...mode})
      const text = squash(pdfText(output))
      for (let index = 1; index <= 14; index++) expect(text).toContain(squash(`Paragraph ${index} of the notes`))
      expect(text).toContain('Theverylastwords.')
    }
  })

  it('should refuse `notes` with `handout`', async () => {
    await expect(exportPdf(decks.english, {output: path.join(work.dir, 'both.pdf'), notes: true, handout: true})).rejects.toThrow(
      /Unexpected `--notes` with `--handout`/
    )
  })

  it('should write the PDF from the CLI to dist/<deck>.pdf and say so', () => {
    const folder = path.join(work.dir, 'cli')
    mkdirSync(folder)
    writeFileSync(path.join(folder, 'talk.md'), readFileSync(decks.english))
    const result = runCli(['pdf', 'talk.md'], {cwd: folder})
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^talk\.md → dist\/talk\.pdf {2}5 slides, \d+ KB, \d+ ms\n$/)
    // Not a terminal: plain progress lines.
    expect(result.stderr).toMatch(/^pdf: render \(1\/6\)\n/)
    expect(pdfInfo(path.join(folder, 'dist', 'talk.pdf')).pages).toBe(5)
    expect(runCli(['pdf', 'talk.md', '-q', '-o', 'quiet.pdf'], {cwd: folder}).stderr).toBe('')
  })

  it('should end with a clear error when the browser named cannot run', () => {
    const result = runCli(['pdf', decks.english, '-o', path.join(work.dir, 'none.pdf'), '--browser', path.join(work.dir, 'no-such-browser')])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/\nlectern: error: Cannot run the browser `.*no-such-browser` given with `--browser`: no executable file there\n$/)
    expect(existsSync(path.join(work.dir, 'none.pdf'))).toBe(false)
  })

  it('should end with a clear error within the timeout when the browser hangs or crashes', () => {
    const hang = path.join(work.dir, 'hang.sh')
    writeFileSync(hang, '#!/bin/sh\nexec sleep 30\n')
    chmodSync(hang, 0o755)
    const crash = path.join(work.dir, 'crash.sh')
    writeFileSync(crash, '#!/bin/sh\necho "it broke" >&2\nexit 3\n')
    chmodSync(crash, 0o755)
    const out = path.join(work.dir, 'fail')
    mkdirSync(out)
    for (const browser of [hang, crash]) {
      const result = runCli(['pdf', decks.english, '-o', path.join(out, 'x.pdf'), '--browser', browser, '--timeout', '2'])
      expect(result.status).toBe(1)
      expect(result.stderr).toMatch(/lectern: error: (Cannot start the browser|The browser did not finish within 2 s)/)
      expect(result.stderr).not.toMatch(/\n\s+at /)
      expect(readdirSync(out)).toEqual([])
    }
  })
})

describeBrowser('lectern png', () => {
  const work = temporaryFolder('lectern-png-')
  afterAll(() => work.remove())

  function pngSize(file: string): [number, number] {
    const data = readFileSync(file)
    expect(data.subarray(1, 4).toString('latin1')).toBe('PNG')
    return [data.readUInt32BE(16), data.readUInt32BE(20)]
  }

  it('should write one canvas-sized PNG per slide, named by position', async () => {
    const slides = await expectedSlides(readFileSync(decks.tableCode, 'utf8'), decks.tableCode)
    const outDir = path.join(work.dir, 'table-code')
    const result = await exportPng(decks.tableCode, {outDir})
    const names = slides.map((_, index) => `${String(index + 1).padStart(3, '0')}.png`)
    expect(readdirSync(outDir).sort()).toEqual(names)
    expect(result.files).toEqual(names.map((name) => path.join(outDir, name)))
    for (const file of result.files) expect(pngSize(file)).toEqual([960, 720])
    // Run again: the folder is replaced, not added to.
    await exportPng(decks.tableCode, {outDir})
    expect(readdirSync(outDir).sort()).toEqual(names)
    expect(readdirSync(work.dir)).toEqual(['table-code'])
  })

  it('should refuse to replace a folder holding files lectern did not write', async () => {
    const outDir = path.join(work.dir, 'mine')
    mkdirSync(outDir)
    writeFileSync(path.join(outDir, 'notes.txt'), 'keep me')
    await expect(exportPng(decks.english, {outDir})).rejects.toThrow(/Refusing to replace .*`notes\.txt`/)
    expect(readFileSync(path.join(outDir, 'notes.txt'), 'utf8')).toBe('keep me')
  })

  it('should write PNGs from the CLI', () => {
    const outDir = path.join(work.dir, 'cli')
    const result = runCli(['png', decks.english, '--out-dir', outDir, '-q'])
    expect(result.status).toBe(0)
    expect(result.stderr).toBe('')
    expect(readdirSync(outDir).length).toBe(5)
    expect(pngSize(path.join(outDir, '001.png'))).toEqual([1280, 720])
  })
})
