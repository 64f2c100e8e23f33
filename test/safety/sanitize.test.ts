/**
 * Untrusted HTML: removed with a warning at its place unless the author is
 * trusted; what slides need survives; front matter cannot add a script.
 */
import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {renderDeck, toDeckStyle} from '../../src/render/render.js'
import {createProcessor} from '../../src/pipeline/processor.js'
import {toAttribute} from '../../src/pipeline/rehype-sanitize-slides.js'
import {findUnsafe, toDecks, vectors} from './xss.js'

const processors = new Map<boolean | undefined, ReturnType<typeof createProcessor>>()

async function fragment(markdown: string, options: {allowHtml?: boolean} = {}) {
  const file = new VFile({value: markdown, path: 'deck.md'})
  let processor = processors.get(options.allowHtml)
  if (!processor) processors.set(options.allowHtml, (processor = createProcessor({document: false, ...options})))
  const html = String(await processor.process(file))
  return {html, file, warnings: file.messages.filter((message) => message.ruleId === 'unsafe-html').map((m) => `${m.line}:${m.column}: ${m.reason}`)}
}

describe('untrusted HTML', () => {
  it(`should leave no way to run script in ${vectors.length} vectors × 4 deck shapes`, async () => {
    const problems: string[] = []
    for (const vector of vectors) {
      for (const markdown of toDecks(vector)) {
        const {html} = await fragment(markdown)
        for (const problem of findUnsafe(html, {document: false})) problems.push(`${JSON.stringify(vector)}: ${problem}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('should see the vectors as unsafe when HTML is allowed, so the check can fail', async () => {
    let unsafe = 0
    for (const vector of vectors) {
      const {html} = await fragment(toDecks(vector)[0], {allowHtml: true})
      if (findUnsafe(html, {document: false}).length > 0) unsafe++
    }
    expect(unsafe).toBeGreaterThan(vectors.length * 0.7)
  })

  it('should warn at the file:line:column of each removal', async () => {
    const {warnings} = await fragment(
      [
        '# Talk', //  1
        '', //        2
        '## Slide', // 3
        '', //        4
        'A <img src=x onerror=alert(1)> picture.', // 5
        '', //        6
        '<script>alert(2)</script>', // 7
        '', //        8
        '- [a link](javascript:alert(3))', // 9
        '- <iframe src="https://evil.example"></iframe>', // 10
        '', //        11
        '<div data-background-iframe="x.html" onclick="alert(4)">shown</div>', // 12
        '', //        13
        '<svg onload=alert(5)><circle r="5"/></svg>' // 14
      ].join('\n')
    )
    const suffix = ' (`--allow-html` keeps HTML from a trusted author)'
    expect(warnings.sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10))).toEqual(
      [
        '5:3: Unexpected `onerror` on `<img>` in HTML, expected a safe attribute: removed it',
        '7:1: Unexpected `<script>` in HTML, expected safe HTML: removed it and its content',
        '9:3: Unexpected `href` on `<a>` in HTML, expected a safe attribute: removed it',
        '10:3: Unexpected `<iframe>` in HTML, expected safe HTML: removed it and its content',
        '12:1: Unexpected `data-background-iframe` on `<div>` in HTML, expected a safe attribute: removed it',
        '12:1: Unexpected `onclick` on `<div>` in HTML, expected a safe attribute: removed it',
        '14:1: Unexpected `<svg>` in HTML, expected safe HTML: removed it'
      ].map((line) => line + suffix)
    )
  })

  it('should keep what slides need', async () => {
    const markdown = [
      '---',
      'title: Kept',
      '---',
      '',
      '---',
      '',
      '<!-- .slide: data-background-color="#123456" -->',
      '## Table',
      '',
      '| left | right | centre |',
      '| :--- | ----: | :----: |',
      '| <kbd>Ctrl</kbd> + <kbd>C</kbd> | H<sub>2</sub>O | x<sup>2</sup> |',
      '',
      '---',
      '',
      '## Media {#media}',
      '',
      '![A chart](chart.png "Chart") ![dot](data:image/png;base64,iVBORw0KGgo=)',
      '',
      '<details><summary>Answer</summary>Forty-two</details>',
      '',
      '<p class="fragment fade-up" data-fragment-index="2" id="point">A point</p>',
      '',
      '<div class="r-stack" data-id="box" data-background-image="img/bg.jpg" style="color: red; font-size: 80%">Styled</div>',
      '',
      '<a href="https://example.com" target="_blank" rel="noopener">site</a> <a href="#/media">back</a> <a href="mailto:a@b.c">mail</a>',
      '',
      '---',
      '',
      '## Tasks',
      '',
      '- [x] done',
      '- [ ] open',
      '',
      'A claim[^1].',
      '',
      '[^1]: The source.',
      '',
      '<ruby>漢<rt>kan</rt></ruby> <mark>marked</mark> <abbr title="HyperText">HTML</abbr> <video src="clip.mp4" controls></video>',
      '',
      'Note: say this'
    ].join('\n')
    const {html, warnings} = await fragment(markdown)
    expect(warnings).toEqual([])
    const tree = fromHtml(html, {fragment: true})
    const one = (selector: string) => selectAll(selector, tree) as Element[]
    expect(one('th').map((node) => node.properties.align)).toEqual(['left', 'right', 'center'])
    expect(one('kbd').map((node) => toString(node))).toEqual(['Ctrl', 'C'])
    expect(one('sub, sup').map((node) => node.tagName)).toContain('sub')
    expect(one('img').map((node) => [node.properties.src, node.properties.alt])).toContainEqual(['data:image/png;base64,iVBORw0KGgo=', 'dot'])
    // A relative image stays (as an image, or marked missing by the image check).
    expect(one('img[src="chart.png"], [title="chart.png"]')).toHaveLength(1)
    expect(one('details > summary').map((node) => toString(node))).toEqual(['Answer'])
    expect(one('p.fragment.fade-up#point').map((node) => node.properties.dataFragmentIndex)).toEqual(['2'])
    expect(one('div.r-stack').map((node) => [node.properties.dataId, node.properties.dataBackgroundImage, node.properties.style])).toEqual([
      ['box', 'img/bg.jpg', 'color: red; font-size: 80%']
    ])
    expect(one('a').map((node) => node.properties.href)).toEqual(
      expect.arrayContaining(['https://example.com', '#/media', 'mailto:a@b.c'])
    )
    expect(one('a[target=_blank]')).toHaveLength(1)
    expect(one('li.task-list-item > input[type=checkbox][disabled]').map((node) => node.properties.checked ?? false)).toEqual([true, false])
    // The footnote, however it is laid out, keeps its mark and its text.
    expect(one('sup').map((node) => toString(node))).toContain('1')
    expect(toString(tree)).toContain('The source.')
    expect(one('ruby > rt, mark, abbr[title], video[controls]')).toHaveLength(4)
    // Each slide is a <section> with its notes in <aside class="notes">.
    expect(one('section aside.notes').length).toBeGreaterThan(0)
    expect(one('section[data-lectern-slide]')).toEqual([])
  })

  it('should keep raw HTML as written with `allowHtml` or front matter `html: true`', async () => {
    const body = '# T\n\n## S\n\n<script>window.ok = 1</script>\n\n<div onclick="go()">x</div>\n'
    for (const [markdown, options] of [
      [body, {allowHtml: true}],
      [`---\nhtml: true\n---\n\n${body}`, {}]
    ] as const) {
      const {html, warnings} = await fragment(markdown, options)
      expect(warnings).toEqual([])
      expect(html).toContain('<script>window.ok = 1</script>')
      expect(html).toContain('onclick="go()"')
    }
    // An explicit `false` wins over front matter.
    const {html} = await fragment(`---\nhtml: true\n---\n\n${body}`, {allowHtml: false})
    expect(html).not.toContain('<script>')
  })

  it('should name attributes as an author writes them', () => {
    expect(['onError', 'dataBackgroundIframe', 'className', 'htmlFor', 'ariaLabel', 'href'].map(toAttribute)).toEqual([
      'onerror', 'data-background-iframe', 'class', 'for', 'aria-label', 'href'
    ])
  })
})

describe('front matter on the page', () => {
  const hostile = '</title></style></script><script>alert(1)</script><img src=x onerror=alert(1)>'

  it('should escape every value and let no `</style>` or `</script>` out', async () => {
    const markdown = [
      '---',
      `title: ${JSON.stringify(hostile)}`,
      `subtitle: ${JSON.stringify(hostile)}`,
      `author: ${JSON.stringify(hostile)}`,
      `date: ${JSON.stringify(hostile)}`,
      `lang: ${JSON.stringify(`en" onload="alert(1)`)}`,
      `style: ${JSON.stringify(`h1 { color: red } ${hostile} </STYLE ><script>alert(2)</script>`)}`,
      'vars:',
      `  accent: ${JSON.stringify(`red; } ${hostile}`)}`,
      `  "x;}</style><script>alert(3)</script>": red`,
      'reveal:',
      `  slideNumberFormat: ${JSON.stringify(hostile)}`,
      `  parallaxBackgroundImage: ${JSON.stringify(hostile)}`,
      '---',
      '',
      `# ${hostile}`,
      '',
      '## Slide',
      '',
      '- a',
      '- b'
    ].join('\n')
    const file = new VFile({value: markdown, path: 'deck.md'})
    const {html} = await renderDeck(file)
    expect(findUnsafe(html)).toEqual([])
    const tree = fromHtml(html)
    const title = selectAll('title', tree)
    expect(title.map((node) => toString(node))).toEqual([hostile])
    // The deck's style is one element; what it says stays CSS text.
    const styles = selectAll('head style', tree)
    expect(styles).toHaveLength(1)
    expect(selectAll('script', tree).every((node) => node.properties.src || toString(node).startsWith('Reveal.initialize('))).toBe(true)
  })

  it('should keep `</style` of any case from closing the deck style', () => {
    const css = toDeckStyle({style: 'a{}</style><script>x()</script></STYLE\t><p>', vars: {'a;}</style>': 'b', c: 'd</style>'}})
    expect(css).not.toMatch(/<\/style/i)
    expect(css).toContain(':root { --c: d/style; }')
  })
})
