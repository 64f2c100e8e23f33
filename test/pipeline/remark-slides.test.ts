import {describe, expect, it} from 'vitest'
import {toSlideTree} from '../util/fixtures.js'

async function modeOf(markdown: string) {
  const {file} = await toSlideTree(markdown)
  return {mode: file.data.deck?.mode, rules: file.messages.map((message) => message.ruleId)}
}

const prose = 'This paragraph explains the section at length, as articles do, with several sentences of detail. '.repeat(6)

describe('remarkSlides mode', () => {
  it('should read a README that puts rules between its sections as an article, and say so', async () => {
    const readme = `# tool\n\nIntro.\n\n---\n\n## Install\n\n${prose}\n\n## Usage\n\n${prose}\n\n---\n\n## API\n\n${prose}\n\n## License\n\nMIT\n`
    expect(await modeOf(readme)).toEqual({mode: 'auto', rules: ['split-mode']})
  })

  it('should read long prose between rules as an article even with one heading a piece', async () => {
    const article = `# Essay\n\n${prose}\n\n---\n\n## Part one\n\n${prose}\n\n---\n\n## Part two\n\n${prose}\n`
    expect((await modeOf(article)).mode).toBe('auto')
  })

  it('should read short pieces between rules as slides', async () => {
    const deck = '# Talk\n\n## A subtitle\n\n---\n\n## One\n\n- a\n- b\n\n---\n\n## Two\n\nShort text.\n\n---\n\nA slide without a heading.\n'
    expect(await modeOf(deck)).toEqual({mode: 'explicit', rules: []})
  })

  it('should read notes blocks or slide comments as slide markdown whatever the size', async () => {
    expect((await modeOf(`# A\n\n${prose}\n\n:::notes\nSaid.\n:::\n\n---\n\n## B\n\n${prose}\n`)).mode).toBe('explicit')
    expect((await modeOf(`<!-- .slide: class="x" -->\n# A\n\n${prose}\n\n---\n\n## B\n\n## C\n\n## D\n`)).mode).toBe('explicit')
  })

  it('should follow front matter `split` over any guess', async () => {
    expect((await modeOf(`---\nsplit: manual\n---\n\n# A\n\n${prose}\n\n---\n\n## B\n\n## C\n\n## D\n`)).mode).toBe('explicit')
    expect((await modeOf('---\nsplit: auto\n---\n\n# A\n\n---\n\n## B\n')).mode).toBe('auto')
  })

  it('should title slides by heading text without raw HTML', async () => {
    const {file, tree} = await toSlideTree('# YAML <a href="https://x.test"><img src="logo.png"></a>\n\n## Setup <sup>new</sup>\n\nText.\n')
    expect(file.data.deck?.title).toBe('YAML')
    const titles = tree.children.map((node) => (node.type === 'slide' ? node.data?.title : undefined))
    expect(titles).toContain('Setup new')
  })
})

describe('remarkSlides title slide', () => {
  it('should keep link definitions the lead cites when the lead has no slide of its own', async () => {
    const {createProcessor} = await import('../../src/pipeline/processor.js')
    const html = String(await createProcessor({document: false}).process('# Talk\n\nSee [the docs][d] first.\n\n[d]: https://example.com/docs\n'))
    expect(html).toContain('<a href="https://example.com/docs">the docs</a>')
  })
})

describe('remarkSlides front matter', () => {
  it('should treat keys named like object internals as unknown keys, not crash', async () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const {file} = await toSlideTree(`---\n${key}: x\nreveal:\n  ${key}: 1\n---\n\n# A\n`)
      expect(file.messages.map((message) => message.ruleId), key).toEqual(['front-matter-key', 'reveal-option'])
    }
  })
})

describe('front matter places', () => {
  it('should point theme messages at the line the theme is written on, Quarto format options included', async () => {
    const {renderDeck, toFile} = await import('../../src/render/render.js')
    const quarto = toFile('---\ntitle: Talk\nformat:\n  revealjs:\n    theme: simple\n---\n\n# Talk\n', 'talk.md')
    await renderDeck(quarto)
    expect(quarto.messages.filter((m) => m.ruleId === 'reveal-theme').map((m) => [m.line, m.column])).toEqual([[5, 5]])
    const unknown = toFile('---\ntitle: Talk\ntheme: drak\n---\n\n# Talk\n', 'talk.md')
    await renderDeck(unknown)
    expect(unknown.messages.filter((m) => m.ruleId === 'unknown-theme').map((m) => [m.line, m.column, m.fatal])).toEqual([[3, 1, true]])
  })
})
