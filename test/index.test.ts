/**
 * The public API: only `src/index.ts` is public, and these are its keys.
 * Adding or removing one is a decision, made here on purpose.
 */
import {describe, expect, it} from 'vitest'
import * as lectern from '../src/index.js'
import {seedDeck, temporaryFolder} from './util/fixtures.js'

describe('lectern', () => {
  it('should expose exactly the public API', () => {
    expect(Object.keys(lectern).sort()).toEqual([
      'LecternError',
      'build',
      'check',
      'createParseCache',
      'createProcessor',
      'exportPdf',
      'exportPng',
      'exportPptx',
      'importArticle',
      'listThemes',
      'loadTheme',
      'rehypeReveal',
      'rehypeRevealDocument',
      'remarkSlides',
      'renderDeck',
      'resolveOptions',
      'serve'
    ])
  })

  it('should let a library user render a markdown string to a deck page', async () => {
    const processor = lectern.createProcessor()
    const file = await processor.process('# Talk\n\n## Point\n\nSaid aloud.\n\n- shown\n')
    const html = String(file)
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<section id="point"')
    expect(html).toContain('<aside class="notes">')
    expect(file.data.deck).toMatchObject({title: 'Talk', slides: 2, slidesWithNotes: 2, mode: 'auto'})
  })

  it('should let a library user build a file to a folder', async () => {
    const {dir, remove} = temporaryFolder()
    try {
      const result = await lectern.build([seedDeck], {outDir: dir})
      expect(result.decks[0].output).toBe(`${dir}/what-is-a-big-model/index.html`)
    } finally {
      remove()
    }
  })
})
