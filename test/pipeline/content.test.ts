/**
 * Author syntax and rich content, asserted on the page HTML: explicit slides,
 * notes in both modes, attribute comments, front matter options, code, math,
 * tables, footnotes, task lists and images.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {select, selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {afterAll, describe, expect, it} from 'vitest'
import {renderDeck, toFile} from '../../src/render/render.js'
import {parseAttributes} from '../../src/slides/attributes.js'
import {temporaryFolder} from '../util/fixtures.js'

const work = temporaryFolder()
afterAll(() => work.remove())

/** Render markdown as `lectern build` would, from a deck file in a temporary folder. */
async function render(markdown: string, name = 'deck.md') {
  const file = toFile(markdown, name, work.dir)
  writeFileSync(path.join(work.dir, name), markdown)
  const rendered = await renderDeck(file, {cwd: work.dir})
  const tree = fromHtml(rendered.html)
  return {...rendered, tree, messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)}
}

function slidesOf(tree: Root): Element[] {
  return selectAll('.slides section', tree).filter((section) => !select(':scope > section', section))
}

/** The page without speaker notes: what the audience sees. */
function shownOf(tree: Root): Root {
  const copy = structuredClone(tree)
  for (const aside of selectAll('aside.notes', copy)) {
    aside.children = []
  }
  return copy
}

function classesOf(node: Element | undefined): string[] {
  return (node?.properties.className as string[] | undefined) ?? []
}

function configOf(tree: Root): Record<string, unknown> {
  const script = selectAll('script', tree).find((node) => toString(node).startsWith('Reveal.initialize'))!
  return JSON.parse(/Object\.assign\((\{.*?\}), \{plugins/s.exec(toString(script))![1]) as Record<string, unknown>
}

describe('explicit slides', () => {
  it('should split on `---` and stack `--` slides vertically', async () => {
    const {tree} = await render('# One\n\n---\n\n## Two\n\n--\n\n## Two below\n\n---\n\n## Three\n')
    const top = selectAll('.slides > section', tree)
    expect(top.map((section) => selectAll(':scope > section', section).length)).toEqual([0, 2, 0])
    expect(slidesOf(tree).map((section) => toString(select('h1, h2', section)!))).toEqual(['One', 'Two', 'Two below', 'Three'])
  })

  it('should read text right above `---` and `--` as reveal.js does, and `----` as vertical', async () => {
    const {tree} = await render('# A\nText\n---\n## B\nMore\n--\n## C\n\n----\n\n## D\n')
    const top = selectAll('.slides > section', tree)
    expect(top.length).toBe(2)
    expect(selectAll(':scope > section', top[1]).length).toBe(3)
    expect(toString(select('p', top[0])!)).toBe('Text')
  })

  it('should make `Note:` and the rest of the slide notes', async () => {
    const {tree} = await render('# Title\n\nShown\n\nNote: said\n\n- also said\n\n---\n\n## Next\n')
    const [first] = slidesOf(tree)
    expect(toString(select('aside.notes', first)!)).toMatch(/said[\s\S]*also said/)
    expect(selectAll(':scope > p', first).map(toString)).toEqual(['Shown'])
  })
})

describe('notes blocks', () => {
  const blocks = [':::notes\nSaid aloud.\n:::', '::: notes\nSaid aloud.\n:::', '::: {.notes}\nSaid aloud.\n:::']
  for (const block of blocks) {
    for (const mode of ['explicit', 'auto'] as const) {
      it(`should turn \`${block.split('\n')[0]}\` into notes in ${mode} mode`, async () => {
        const markdown = mode === 'explicit' ? `# A\n\n- shown\n\n${block}\n\n---\n\n## B\n` : `# Deck\n\n## A\n\n- shown\n\n${block}\n\n## B\n\n- b\n`
        const {tree} = await render(markdown)
        const slide = slidesOf(tree).find((section) => toString(select('h1, h2', section)!) === 'A')!
        expect(toString(select('aside.notes', slide)!).trim()).toBe('Said aloud.')
        expect(toString(slide)).not.toMatch(/:::/)
      })
    }
  }

  it('should end an unclosed `:::notes` at the next slide, with a warning', async () => {
    const {tree, messages} = await render('# A\n\n:::notes\nSaid.\n\n---\n\n## B\n\n- shown\n')
    const [a, b] = slidesOf(tree)
    expect(toString(select('aside.notes', a)!).trim()).toBe('Said.')
    expect(toString(select('h2', b)!)).toBe('B')
    expect(select('aside.notes', b)).toBeUndefined()
    expect(messages).toEqual(['3:1 unclosed-notes'])
  })

  it('should make `Note:` and what follows in its section notes in auto mode', async () => {
    const {tree} = await render('# Deck\n\n## A\n\n- shown\n\nNote: said\n\n```sh\nls\n```\n\n## B\n\n- b\n')
    const slide = slidesOf(tree)[1]
    expect(select('pre', slidesOf(shownOf(tree))[1])).toBeUndefined()
    expect(select('aside.notes pre', slide)).toBeDefined()
    expect(toString(select('aside.notes', slide)!)).toMatch(/said/)
  })
})

describe('attribute comments', () => {
  it('should parse attributes as the reveal.js markdown plugin writes them', () => {
    expect(parseAttributes('data-background="#ff0000" class="a b" data-state=\'x\' data-auto-animate')).toEqual({
      'data-background': '#ff0000',
      class: 'a b',
      'data-state': 'x',
      'data-auto-animate': ''
    })
  })

  it('should put `.slide:` attributes on the section in both modes', async () => {
    for (const markdown of [
      '# A\n\n---\n\n<!-- .slide: data-background="#ff0000" class="x" id="red" -->\n\n## B\n',
      '# Deck\n\n## B\n\n<!-- .slide: data-background="#ff0000" class="x" id="red" -->\n\n- item\n'
    ]) {
      const {tree, html} = await render(markdown)
      const section = select('section#red', tree)!
      expect(section.properties.dataBackground).toBe('#ff0000')
      expect(classesOf(section)).toContain('x')
      expect(html).not.toMatch(/\.slide:/)
    }
  })

  it('should put `.element:` attributes on the element the comment follows', async () => {
    const {tree, html} = await render(
      [
        '# A',
        '',
        '- plain item <!-- .element: class="fragment" -->',
        '- a **bold** word <!-- .element: class="fragment fade-up" -->',
        '- [ ] task <!-- .element: class="fragment" -->',
        '',
        '```js',
        'let x = 1',
        '```',
        '<!-- .element: class="fragment" data-fragment-index="2" -->',
        '',
        'Para text',
        '<!-- .element: class="fragment" -->',
        ''
      ].join('\n') + '\n---\n\n## B\n'
    )
    const items = selectAll('li', tree)
    expect(classesOf(items[0])).toEqual(['fragment'])
    expect(classesOf(select('strong', items[1]))).toEqual(['fragment', 'fade-up'])
    expect(classesOf(items[2])).toEqual(['task-list-item', 'fragment'])
    const pre = select('pre', tree)!
    expect(classesOf(pre)).toEqual(['fragment'])
    expect(pre.properties.dataFragmentIndex).toBe('2')
    expect(classesOf(select('code', pre))).toContain('language-js')
    expect(classesOf(select('section > p', tree))).toEqual(['fragment'])
    expect(html).not.toMatch(/\.element:/)
  })

  it('should warn about an event handler in a comment and drop it', async () => {
    const {tree, messages} = await render('# A\n\nText <!-- .element: onclick="alert(1)" class="y" -->\n')
    expect(messages).toContain('3:6 attribute-comment')
    expect(selectAll('p.y', tree).map((node) => node.properties.onClick)).toEqual([undefined])
  })
})

describe('front matter', () => {
  it('should make list items fragments with `incremental: true`, notes aside', async () => {
    const {tree} = await render('---\nincremental: true\n---\n\n# A\n\n- one\n- two\n  - nested\n\nNote:\n- said\n')
    expect(selectAll('li', shownOf(tree)).map(classesOf)).toEqual([['fragment'], ['fragment'], ['fragment']])
    expect(selectAll('aside.notes li', tree).map(classesOf).flat()).toEqual([])
  })

  it('should pass `transition`, `aspect` and `reveal` options to reveal.js', async () => {
    const {tree} = await render('---\ntransition: zoom\naspect: "4:3"\nreveal:\n  controls: false\n  slideNumber: false\n---\n\n# A\n')
    expect(configOf(tree)).toMatchObject({transition: 'zoom', width: 960, height: 720, controls: false, slideNumber: false})
  })

  it('should accept reveal-md `revealOptions` as `reveal`', async () => {
    const {tree, messages} = await render('---\nrevealOptions:\n  transition: fade\n  loop: true\n---\n\n# A\n')
    expect(configOf(tree)).toMatchObject({transition: 'fade', loop: true})
    expect(messages).toEqual([])
  })

  it('should take the closest lectern theme for a reveal.js theme name, with a warning', async () => {
    const {theme, messages} = await render('---\ntheme: night\nhighlightTheme: monokai\n---\n\n# A\n')
    expect(theme?.name).toBe('dark')
    expect(messages).toEqual(['2:1 reveal-theme'])
  })

  it('should warn about an unknown reveal.js option and refuse a wrong type', async () => {
    const {file} = await render('---\nreveal:\n  contols: false\n  loop: "yes"\n---\n\n# A\n')
    expect(file.messages.map((message) => [message.line, message.ruleId, Boolean(message.fatal)])).toEqual([
      [3, 'reveal-option', false],
      [4, 'front-matter-type', true]
    ])
  })
})

describe('code', () => {
  it('should highlight code at build time and keep its language', async () => {
    const {tree, html} = await render('# A\n\n```python\ndef f():\n    return "x"  # done\n```\n\n```mermaid\ngraph TD\n```\n')
    const [python, mermaid] = selectAll('pre', tree)
    expect(python.properties.dataLang).toBe('python')
    expect(selectAll('.hljs-keyword', python).map(toString)).toEqual(['def', 'return'])
    expect(selectAll('.hljs-string', python).map(toString)).toEqual(['"x"'])
    expect(selectAll('.hljs-comment', python).map(toString)).toEqual(['# done'])
    expect(mermaid.properties.dataLang).toBe('mermaid')
    expect(toString(mermaid)).toBe('graph TD\n')
    expect(html).not.toMatch(/highlight(\.min)?\.js|hljs\.highlight/)
  })
})

describe('math', () => {
  it('should typeset math with KaTeX and ship its stylesheet and fonts', async () => {
    const {tree, assets} = await render('# A\n\n- Inline $E = mc^2$ here\n\n$$\n\\int_0^1 x\\,dx\n$$\n')
    expect(selectAll('.katex', shownOf(tree)).length).toBe(2)
    expect(select('.katex-display', tree)).toBeDefined()
    const paths = assets.map((asset) => asset.path)
    expect(paths).toContain('assets/katex/katex.css')
    expect(paths.filter((file) => file.startsWith('assets/katex/fonts/')).every((file) => file.endsWith('.woff2'))).toBe(true)
    expect(paths.filter((file) => file.startsWith('assets/katex/fonts/')).length).toBeGreaterThan(10)
    const css = String(assets.find((asset) => asset.path === 'assets/katex/katex.css')!.content)
    expect(css).not.toMatch(/\.(woff|ttf)\)/)
    expect(selectAll('link[rel=stylesheet]', tree).map((link) => link.properties.href)).toContain('assets/katex/katex.css')
  })

  it('should leave math in notes as MathML alone, for the speaker view', async () => {
    const {tree} = await render('# A\n\n- shown $a^2$\n\nNote: said $b^2$\n')
    const notes = select('aside.notes', tree)!
    expect(selectAll('math', notes).length).toBe(1)
    expect(selectAll('.katex-html', notes)).toEqual([])
    expect(selectAll('.katex-html', shownOf(tree)).length).toBe(1)
  })

  it('should ship nothing of KaTeX for a deck without math', async () => {
    const {tree, assets} = await render('# A\n\n- no math\n')
    expect(assets.some((asset) => asset.path.startsWith('assets/katex'))).toBe(false)
    expect(selectAll('link[rel=stylesheet]', tree).some((link) => String(link.properties.href).includes('katex'))).toBe(false)
  })

  it('should leave dollar amounts as text', async () => {
    const {tree} = await render('# A\n\n- It costs $5 and $10, or $5–$10, while $x$ is math\n')
    expect(toString(select('li', tree)!)).toMatch(/^It costs \$5 and \$10, or \$5–\$10, while /)
    expect(selectAll('.katex', shownOf(tree)).length).toBe(1)
  })
})

describe('tables, footnotes, task lists, strikethrough', () => {
  it('should keep column alignment', async () => {
    const {tree} = await render('# A\n\n| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n')
    expect(selectAll('td', shownOf(tree)).map((cell) => cell.properties.align)).toEqual(['left', 'center', 'right'])
  })

  it('should put each footnote on the slide that references it, or in its notes', async () => {
    const {tree} = await render(
      '# A\n\n- Shown claim[^a]\n\nNote: Said claim[^b]\n\n---\n\n## B\n\n- Other[^a]\n\n[^a]: Source A.\n[^b]: Source B.\n'
    )
    const [a, b] = slidesOf(tree)
    expect(toString(select(':scope > .lectern-footnotes', a)!).trim()).toBe('Source A.')
    expect(toString(select('aside.notes .lectern-footnotes', a)!).trim()).toBe('Source B.')
    expect(toString(select(':scope > .lectern-footnotes', b)!).trim()).toBe('Source A.')
    expect(select('.reveal > section, [data-footnotes]', tree)).toBeUndefined()
    expect(selectAll('.slides a[href^="#user-content"]', tree)).toEqual([])
  })

  it('should keep a footnote cited only from another footnote, after it, on the same slide', async () => {
    const {tree} = await render(
      '# Deck\n\n## 规模\n\n- 参数规模巨大[^scale]\n\nNote: Said with a source[^said]\n\n[^scale]: 见论文[^paper]。\n[^paper]: Kaplan et al., 2020, citing[^data].\n[^data]: The data sheet.\n[^said]: A talk, see[^paper].\n'
    )
    const slide = slidesOf(tree)[1]
    const numbered = (block: Element) => selectAll('li', block).map((item) => [item.properties.value, toString(item).trim()])
    // Numbered as the references are: the shown one first, then the notes', then those cited by footnotes.
    expect(numbered(select(':scope > .lectern-footnotes', slide)!)).toEqual([
      ['1', '见论文3。'],
      ['3', 'Kaplan et al., 2020, citing4.'],
      ['4', 'The data sheet.']
    ])
    expect(numbered(select('aside.notes .lectern-footnotes', slide)!)).toEqual([
      ['2', 'A talk, see3.'],
      ['3', 'Kaplan et al., 2020, citing4.'],
      ['4', 'The data sheet.']
    ])
    expect(selectAll('.slides a[href^="#user-content"]', tree)).toEqual([])
  })

  it('should render task lists and strikethrough', async () => {
    const {tree} = await render('# A\n\n- [x] done\n- [ ] ~~dropped~~\n')
    expect(selectAll('li.task-list-item input[type=checkbox]', shownOf(tree)).map((input) => Boolean(input.properties.checked))).toEqual([true, false])
    expect(toString(select('del', tree)!)).toBe('dropped')
  })
})

describe('local images', () => {
  it('should copy a local image under a content hash and rewrite its src', async () => {
    mkdirSync(path.join(work.dir, 'pics'), {recursive: true})
    writeFileSync(path.join(work.dir, 'pics', 'a b.png'), 'not really a png')
    const {tree, assets, messages} = await render('# A\n\n![Chart](pics/a%20b.png)\n\n<img src="pics/a b.png" alt="again">\n')
    const sources = selectAll('img', tree).map((img) => img.properties.src)
    expect(sources.length).toBe(2)
    expect(sources[0]).toMatch(/^assets\/media\/[\da-f]{16}\.png$/)
    expect(sources[1]).toBe(sources[0])
    const media = assets.filter((asset) => asset.path.startsWith('assets/media/'))
    expect(media).toEqual([{path: sources[0], from: path.join(work.dir, 'pics', 'a b.png')}])
    // Two full-size pictures take two slides (a `continuation` info); nothing is wrong.
    expect(messages.filter((message) => !message.endsWith(' continuation'))).toEqual([])
  })

  it('should show a missing image as its alt text, with a warning at its line', async () => {
    const {tree, messages, html} = await render('# A\n\nText\n\n![The missing chart](nowhere.png) <!-- .element: class="fragment" -->\n')
    expect(messages).toEqual(['5:1 missing-image'])
    expect(select('img', tree)).toBeUndefined()
    const stand = select('.lectern-missing-image', tree)!
    expect(toString(stand)).toBe('The missing chart')
    expect(classesOf(stand)).toEqual(['fragment', 'lectern-missing-image'])
    expect(html).not.toMatch(/src="nowhere\.png"/)
  })

  it('should keep a remote image, loaded when its slide shows, and report that the deck is not offline', async () => {
    const {tree, messages} = await render('# A\n\n![Logo](https://example.com/logo.png)\n')
    expect(messages).toEqual(['3:1 remote-image'])
    const image = select('img', tree)!
    expect(image.properties.dataLecternSrc).toBe('https://example.com/logo.png')
    expect(image.properties.src).toBeUndefined()
    expect(image.properties.alt).toBe('Logo')
  })

  it('should copy a local slide background', async () => {
    writeFileSync(path.join(work.dir, 'bg.jpg'), 'jpeg bytes')
    const {tree, assets} = await render('# A\n\n---\n\n<!-- .slide: data-background-image="bg.jpg" -->\n\n## B\n')
    const section = slidesOf(tree)[1]
    expect(section.properties.dataBackgroundImage).toMatch(/^assets\/media\/[\da-f]{16}\.jpg$/)
    expect(assets.some((asset) => asset.path === section.properties.dataBackgroundImage)).toBe(true)
  })
})

describe('auto mode lead', () => {
  it('should give the title slide the attributes and notes written before the first section', async () => {
    const {tree} = await render(
      '# Talk\n\n<!-- .slide: data-background="#000000" -->\n\n:::notes\nWelcome.\n:::\n\n- a lead list\n\n## Next\n\n- b\n'
    )
    const [title, lead] = slidesOf(tree)
    expect(title.properties.dataBackground).toBe('#000000')
    expect(toString(select('aside.notes', title)!).trim()).toBe('Welcome.')
    expect(lead.properties.dataBackground).toBeUndefined()
    expect(toString(select('aside.notes', lead) ?? {type: 'root', children: []})).not.toMatch(/Welcome/)
  })
})
