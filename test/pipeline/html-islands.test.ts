/**
 * Shapes real READMEs have that the article splitter must not break: raw
 * HTML wrapping markdown, and pandoc / Quarto heading attributes.
 */
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {eachSlide} from '../../src/pipeline/remark-slides.js'
import {openElements} from '../../src/slides/nodes.js'
import {splitHeadingAttributes} from '../../src/deck/text.js'
import type {Slide} from '../../src/deck/types.js'
import {toSlideTree} from '../util/fixtures.js'

const longCell = Array.from({length: 30}, (_, index) => `const value${index} = compute(${index})`).join('\n')

async function slidesOf(markdown: string): Promise<Slide[]> {
  const {tree} = await toSlideTree(markdown)
  return [...eachSlide((tree as Root).children)]
}

describe('raw HTML that wraps markdown', () => {
  it('should count the elements an HTML string leaves open', () => {
    expect(openElements('<table>\n<thead>\n<tr><th>a</th></tr>\n</thead>\n<tbody>\n<tr>\n<td>')).toBe(4)
    expect(openElements('</td>\n</tr>\n</tbody>\n</table>')).toBe(-4)
    expect(openElements('<p align="center"><img src="x.png"><br/></p>')).toBe(0)
    expect(openElements('<!-- <div> -->')).toBe(0)
  })

  it('should keep a table of markdown cells whole on one slide, its prose shown, never cut by a continuation', async () => {
    const markdown = `# Tool\n\n## Reference\n\nThe table below maps inputs to outputs.\n\n<table>\n<tr>\n<td>\n\nA paragraph in a cell.\n\n</td>\n<td>\n\n\`\`\`js\n${longCell}\n\`\`\`\n\n</td>\n</tr>\n</table>\n\n## Next\n\nMore.\n`
    const slides = await slidesOf(markdown)
    const reference = slides.filter((slide) => slide.data?.title?.startsWith('Reference'))
    expect(reference).toHaveLength(1)
    const island = reference[0].children.find((node) => node.type === 'blockquote')!
    expect(island.data).toEqual({hName: 'div', hProperties: {className: ['lectern-html']}})
    expect(toString(island)).toContain('A paragraph in a cell.')
    expect(toString(island)).toContain('const value29')
    // The prose around it is still the speaker's.
    expect(toString(reference[0].children.find((node) => node.type === 'notes')!)).toBe('The table below maps inputs to outputs.')
    expect(slides.map((slide) => slide.data?.title)).toEqual(['Tool', 'Reference', 'Next'])
  })

  it('should keep a details block with its markdown on the slide', async () => {
    const slides = await slidesOf('# Tool\n\n## Options\n\n<details>\n<summary>All options</summary>\n\nEvery option is described here.\n\n- `--fast`\n\n</details>\n')
    const options = slides.find((slide) => slide.data?.title === 'Options')!
    expect(options.children.map((node) => node.type)).toEqual(['heading', 'blockquote', 'notes'])
  })

  it('should leave HTML that never closes, or that wraps a heading, as it was', async () => {
    // The open `<div>` before the first section is shown, so it gets a slide of its own (titled by the deck).
    const slides = await slidesOf('# Tool\n\n<div align="center">\n\n## Install\n\nText.\n\n</div>\n\n## Usage\n\n<table>\n<tr><td>\n\nNever closed.\n')
    expect(slides.map((slide) => slide.data?.title)).toEqual(['Tool', 'Tool', 'Install', 'Usage'])
    expect(slides.every((slide) => slide.children.every((node) => node.type !== 'blockquote'))).toBe(true)
  })
})

describe('pandoc and Quarto heading attributes', () => {
  it('should split attributes off a heading text', () => {
    expect(splitHeadingAttributes('Code example {.smaller}')).toEqual({text: 'Code example', attributes: {class: 'smaller'}})
    expect(splitHeadingAttributes('End {#bye .dark background-color="#222" transition=fade}')).toEqual({
      text: 'End',
      attributes: {id: 'bye', class: 'dark', 'data-background-color': '#222', 'data-transition': 'fade'}
    })
    expect(splitHeadingAttributes('Intro {-}')).toEqual({text: 'Intro', attributes: {}})
    expect(splitHeadingAttributes('function f(options = {})')).toBeUndefined()
    expect(splitHeadingAttributes('{.only}')).toBeUndefined()
  })

  it('should title the slide without them and set them on the slide', async () => {
    const slides = await slidesOf('# Talk\n\n## Code {.smaller}\n\n- a\n\n## Thanks {background-color="#2d3436"}\n\n- b\n')
    expect(slides.map((slide) => [slide.data?.title, toString(slide.children[0]), slide.data?.attributes])).toEqual([
      ['Talk', 'Talk', undefined],
      ['Code', 'Code', {class: 'smaller'}],
      ['Thanks', 'Thanks', {'data-background-color': '#2d3436'}]
    ])
  })
})
