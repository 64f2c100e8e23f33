/**
 * Acceptance over documents lectern was never tuned for: READMEs, docs and
 * changelogs shipped in npm packages (English and Chinese), Chinese articles,
 * and decks written in reveal-md / pandoc / Quarto syntax
 * (test/fixtures-acceptance, sources in SOURCES.txt). Each is built and opened
 * from file:// in real Chromium at 1280×720, as the client's tests will.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {Heading, Root} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {toString} from 'mdast-util-to-string'
import {frontmatter} from 'micromark-extension-frontmatter'
import {gfm} from 'micromark-extension-gfm'
import type {Browser, Page} from 'playwright-core'
import {visit} from 'unist-util-visit'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {launchBrowser} from '../../src/browser/launch.js'
import {buildDecks, describeBrowser, openDeck} from '../util/browser.js'
import {root, temporaryFolder} from '../util/fixtures.js'

const fixtures = path.join(root, 'test', 'fixtures-acceptance')
const names = readdirSync(fixtures)
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.slice(0, -3))
  .sort()

/** Decks written as slides by their author (the rest are articles, auto mode). */
const explicit = new Set(['deck-reveal-md'])

interface SlideReport {
  id: string
  title: string
  notes: string
  overflow: number
  flagged: boolean
  notesVisible: boolean
  text: string
}

interface Source {
  /** Text of every `##` heading (ATX or setext), images and HTML left out. */
  sections: string[]
  /** Remote URLs the source names (images may be requested from them). */
  remote: Set<string>
}

function readSource(name: string): Source {
  const value = readFileSync(path.join(fixtures, `${name}.md`), 'utf8')
  const tree: Root = fromMarkdown(value, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])]
  })
  const sections: string[] = []
  const remote = new Set<string>()
  visit(tree, (node) => {
    if (node.type === 'heading' && (node as Heading).depth === 2) {
      // Pandoc / Quarto attributes (`## Code {.smaller}`) are not part of the title.
      const text = normalize(toString(node, {includeImageAlt: false, includeHtml: false})).replace(/\s*\{(?:\s*(?:[#.][\w-]+|[\w-]+=\S+))+\s*\}$/, '')
      if (text) sections.push(text)
    }
    if ((node.type === 'image' || node.type === 'definition') && /^https?:/.test(node.url)) remote.add(node.url)
    if (node.type === 'html') for (const match of node.value.matchAll(/\bsrc=["']?(https?:[^"'\s>]+)/g)) remote.add(match[1].replaceAll('&amp;', '&'))
  })
  return {sections, remote}
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

describeBrowser('real documents lectern was not tuned for, in Chromium', () => {
  let browser: Browser
  const work = temporaryFolder('lectern-acceptance-')
  let output = new Map<string, string>()

  beforeAll(async () => {
    output = await buildDecks([fixtures], path.join(work.dir, 'out'))
    browser = await launchBrowser()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    work.remove()
  })

  async function open(name: string) {
    const file = output.get(name)
    expect(file, `${name} was built`).toBeDefined()
    // Remote images load only when their slide is shown, so even offline a deck starts without one error.
    const {page, errors, outside} = await openDeck(browser, file!)
    return {page, errors, outside: outside.filter((url) => !url.startsWith('data:')), slides: await report(page)}
  }

  for (const name of names) {
    it(`should build ${name} into a deck that starts cleanly, titles a slide by every \`##\`, and fits the canvas`, async () => {
      const source = readSource(name)
      const {page, errors, outside, slides} = await open(name)
      try {
        expect(errors, 'console errors').toEqual([])
        expect(outside, 'requests leaving the deck folder').toEqual([])
        expect(slides.length).toBeGreaterThan(1)

        const titles = new Set(slides.map((slide) => slide.title))
        expect(source.sections.filter((title) => !titles.has(title)), 'sections without a slide titled by them').toEqual([])

        for (const slide of slides) {
          expect(slide.notesVisible, `${slide.id}: notes hidden from the slide`).toBe(false)
          if (!explicit.has(name)) expect(slide.notes, `${slide.id}: notes`).not.toBe('')
          expect(slide.flagged, `${slide.id}: data-lectern-overflow`).toBe(false)
          expect(slide.overflow, `${slide.id}: overflow in px`).toBeLessThanOrEqual(1)
        }
        // Raw HTML wrapping markdown (tables of code, <details>) never swallows a slide.
        const nested = await page.evaluate(() => document.querySelectorAll('.reveal .slides section :not(section) section').length)
        expect(nested, 'slides nested inside other elements').toBe(0)
        const total = await page.evaluate(() => (window as unknown as {Reveal: {getTotalSlides(): number}}).Reveal.getTotalSlides())
        expect(total).toBe(slides.length)
      } finally {
        await page.close()
      }
    }, 60_000)
  }

  it('should load a remote image when its slide is shown, not before', async () => {
    const name = names.find((candidate) => readSource(candidate).remote.size > 0)!
    const source = readSource(name)
    const {page} = await open(name)
    const requested: string[] = []
    page.on('request', (request) => {
      if (source.remote.has(request.url())) requested.push(request.url())
    })
    try {
      const url = await page.evaluate(() => {
        const image = document.querySelector('.reveal .slides img[data-lectern-src]')!
        const slide = image.closest('section')!
        const reveal = (window as unknown as {Reveal: {getIndices(slide: Element): {h: number; v?: number}; slide(h: number, v?: number): void}}).Reveal
        const {h, v} = reveal.getIndices(slide)
        reveal.slide(h, v)
        return image.getAttribute('src')
      })
      expect(source.remote.has(url!)).toBe(true)
      await expect.poll(() => requested.length).toBeGreaterThan(0)
    } finally {
      await page.close()
    }
  }, 60_000)

  it('should build the reveal-md deck as its author wrote it: stacks, notes, fragments, backgrounds, options', async () => {
    const {page, slides} = await open('deck-reveal-md')
    try {
      const shape = await page.evaluate(() => {
        const reveal = (window as unknown as {Reveal: {getHorizontalSlides(): HTMLElement[]; getConfig(): Record<string, unknown>}}).Reveal
        return {
          horizontal: reveal.getHorizontalSlides().map((slide) => slide.querySelectorAll(':scope > section').length),
          fragments: document.querySelectorAll('#why-flags li.fragment').length,
          background: document.querySelector('#anatomy-of-a-flag')?.getAttribute('data-background'),
          closing: document.querySelector('#questions')?.className,
          closingBackground: document.querySelector('#questions')?.getAttribute('data-background-color'),
          transition: reveal.getConfig().transition
        }
      })
      expect(shape.horizontal).toEqual([0, 0, 3, 0, 0])
      expect(shape.fragments).toBe(3)
      expect(shape.background).toBe('#1e3a5f')
      expect(shape.closing).toContain('closing')
      expect(shape.closingBackground).toBe('#fff7e6')
      expect(shape.transition).toBe('fade')
      const notes = Object.fromEntries(slides.map((slide) => [slide.id, slide.notes.replace(/<[^>]+>/g, '').trim()]))
      expect(notes['why-flags']).toContain('Most hands go up.')
      expect(notes['the-flag-definition']).toBe('The default is always the safe path.')
      // What the author put on a slide stays there: nothing of it moved to notes.
      expect(slides.find((slide) => slide.id === 'why-flags')!.text).toContain('Roll back without a redeploy')
      expect(slides.find((slide) => slide.id === 'why-flags')!.text).not.toContain('Ask the room')
    } finally {
      await page.close()
    }
  })

  it('should keep pandoc and Quarto notes blocks off the slides and in the notes', async () => {
    for (const [name, id, said] of [
      ['deck-pandoc', 'the-problem', 'Start with the story of the retracted figure.'],
      ['deck-quarto', 'choosing-a-chart', 'Ask the audience for an example of each before revealing the list.']
    ] as const) {
      const {page, slides} = await open(name)
      const slide = slides.find((slide) => slide.id === id)!
      expect(slide.notes.replace(/<[^>]+>/g, '').trim()).toBe(said)
      expect(slide.text).not.toContain(said)
      await page.close()
    }
  })

  it('should read Quarto heading attributes as slide attributes, not title text', async () => {
    const {page, slides} = await open('deck-quarto')
    const sections = await page.evaluate(() =>
      [...document.querySelectorAll('#code-example, #thank-you')].map((section) => [section.classList.contains('smaller'), section.getAttribute('data-background-color')])
    )
    expect(slides.map((slide) => slide.title)).toEqual(['Data Visualisation Basics', 'Choosing a chart', 'Colour', 'Code example', 'Two columns', 'Thank you'])
    expect(sections, JSON.stringify(sections)).toEqual([[true, null], [false, '#2d3436']])
    await page.close()
  })

  it('should not show pandoc fenced-div markers on any slide', async () => {
    for (const name of ['deck-pandoc', 'deck-quarto']) {
      const {page, slides} = await open(name)
      await page.close()
      expect(slides.map((slide) => `${slide.text}\n${slide.notes}`).join('\n'), name).not.toMatch(/:::/)
    }
  })
})

/** Every slide as reveal.js sees it, measured with its display forced on. */
async function report(page: Page): Promise<SlideReport[]> {
  return page.evaluate(() => {
    const reveal = (window as unknown as {Reveal: {getSlides(): HTMLElement[]; getSlideNotes(slide: HTMLElement): string}}).Reveal
    const lectern = (window as unknown as {lectern: {overflow(section: HTMLElement): number}}).lectern
    return reveal.getSlides().map((slide) => {
      const parent = slide.parentElement?.tagName === 'SECTION' ? slide.parentElement : undefined
      const saved = [slide.style.display, parent?.style.display ?? '']
      slide.style.display = 'block'
      if (parent) parent.style.display = 'block'
      const shown = [...slide.children].filter((child) => !child.matches('aside.notes'))
      const result = {
        id: slide.id,
        title: (slide.querySelector('h1, h2')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        notes: (reveal.getSlideNotes(slide) ?? '').trim(),
        overflow: lectern.overflow(slide),
        flagged: slide.hasAttribute('data-lectern-overflow'),
        notesVisible: [...slide.querySelectorAll('aside.notes')].some((aside) => (aside as HTMLElement).offsetHeight > 0),
        text: shown.map((child) => child.textContent ?? '').join('\n')
      }
      slide.style.display = saved[0]
      if (parent) parent.style.display = saved[1]
      return result
    })
  })
}
