/**
 * Hostile decks for attributes and requests: every way an attribute or a
 * URL reaches a page (raw HTML, `.slide:`/`.element:` comments, pandoc
 * `{…}` attributes, fenced divs, front matter, an imported HTML page).
 * Each script vector calls `alert`, so a browser shows a dialog if it runs;
 * each remote URL is on `evil.example`, so a request that leaves the deck is
 * easy to name. Shared by the browser test and the fuzz test.
 */
import {vectors} from './xss.js'

/** Pieces of slide markdown that try to run script or load from the network through an attribute. */
export const attributeVectors: ReadonlyArray<string> = [
  '<!-- .slide: data-background-iframe="javascript:alert(1)" -->',
  '<!-- .slide: data-background-iframe="JaVaScRiPt:alert(2)" -->',
  '<!-- .slide: data-background-iframe="https://evil.example/page" -->',
  '<!-- .slide: data-background-iframe="//evil.example/page" -->',
  '<!-- .slide: data-background="url(//evil.example/bg.png)" -->',
  '<!-- .slide: data-background="https://evil.example/bg.png" -->',
  '<!-- .slide: data-background="javascript:alert(3)" -->',
  '<!-- .slide: data-background-gradient="url(https://evil.example/gradient.png)" -->',
  '<!-- .slide: data-background-color="red; background-image: url(https://evil.example/color.png)" -->',
  '<!-- .slide: data-background-image="javascript:alert(4)" -->',
  '<!-- .slide: data-background-video="https://evil.example/v.mp4,javascript:alert(5)" -->',
  '<!-- .slide: style="background: u\\72l(https://evil.example/escaped.png)" -->',
  '<!-- .slide: data-notes="<img src=x onerror=alert(6)>" -->',
  '<!-- .slide: data-notes="plain notes text 讲稿" -->',
  '- item <!-- .element: data-notes="<img src=x onerror=alert(7)>" class="fragment" -->\n- second',
  'A point <!-- .element: data-background-iframe="javascript:alert(8)" -->',
  'A styled point <!-- .element: style="background-image: url(https://evil.example/element.png)" -->',
  '<p data-notes="<img src=x onerror=alert(9)>">raw notes</p>',
  '<p class="fragment" data-notes="<svg onload=alert(10)>">raw fragment notes</p>',
  '<img data-src="https://evil.example/lazy.png" alt="lazy">',
  '<img data-lectern-src="https://evil.example/own-lazy.png" alt="own lazy">',
  '<img data-lectern-src="javascript:alert(11)" alt="own lazy script">',
  '<a href="#x" data-preview-image="https://evil.example/preview.png">preview image</a>',
  '<a href="#x" data-preview-video="https://evil.example/preview.mp4">preview video</a>',
  '<a href="https://evil.example/linked" data-preview-link>preview link</a>',
  '<a href="#x" data-preview-link="https://evil.example/framed">preview link to a URL</a>',
  '<a href="#x" data-preview-link="javascript:alert(12)">preview script</a>',
  '<div style="background: url(https://evil.example/raw-style.png)">raw style</div>',
  '<div data-background-gradient="url(//evil.example/raw-gradient.png)">raw gradient</div>',
  '![remote picture](https://evil.example/picture.png)',
  '::: {data-notes="<img src=x onerror=alert(13)>" style="background:url(https://evil.example/div.png)"}\nIn a fenced div\n:::'
]

/** Slide titles carrying pandoc attributes (explicit decks only). */
export const headingVectors: ReadonlyArray<string> = [
  '## Pandoc iframe {data-background-iframe="javascript:alert(14)"}',
  '## Pandoc remote {data-background-iframe="https://evil.example/pandoc"}',
  '## Pandoc background {data-background="url(https://evil.example/pandoc.png)"}',
  '## Pandoc notes {data-notes="plain pandoc notes"}'
]

/** Front matter that tries the same: style, vars, reveal.js options. */
export const frontMatter = [
  '---',
  'title: Hostile attributes',
  `style: "@import 'https://evil.example/import.css'; h2 { color: teal } .reveal { background: url(https://evil.example/style.png) }"`,
  'vars:',
  '  r-background-color: "url(https://evil.example/vars.png)"',
  '  r-heading-color: "#336699"',
  'reveal:',
  '  showNotes: true',
  '  parallaxBackgroundImage: "https://evil.example/parallax.png"',
  '---',
  ''
].join('\n')

/** A deck of `---` slides, one vector each, the XSS vectors of `xss.ts` too. */
export function explicitDeck(): string {
  const slides = [
    ...attributeVectors.map((vector, index) => `## Attribute ${index + 1}\n\n${vector}\n\nNote: notes of attribute ${index + 1}`),
    ...headingVectors.map((heading) => `${heading}\n\n- shown`),
    ...vectors.map((vector, index) => `## Vector ${index + 1}\n\n${vector}`)
  ]
  return `${frontMatter}# Hostile 恶意\n\n---\n\n${slides.join('\n\n---\n\n')}\n`
}

/** An article (auto mode): sections with prose for the notes, in Chinese and English. */
export function autoDeck(): string {
  const sections = attributeVectors.map(
    (vector, index) => `## ${index % 2 ? '章节' : 'Section'} ${index + 1}\n\n${index % 2 ? '这段话会移到讲稿里。' : 'This prose moves to the notes.'}\n\n${vector}\n\n- shown ${index + 1}\n- 第二点\n`
  )
  return `---\nformat:\n  revealjs:\n    parallax-background-image: "https://evil.example/quarto-parallax.png"\n---\n\n# 一篇文章\n\nLead prose.\n\n${sections.join('\n')}`
}

/** A saved web page given to `build`, carrying attribute comments. */
export function htmlPage(): string {
  return `<!doctype html><html><head><title>Page 页面</title></head><body><article>
<h1>Page 页面</h1>
<h2>First</h2>
<!-- .slide: data-background-iframe="javascript:alert(15)" -->
<p>Some text <!-- .element: data-notes="<img src=x onerror=alert(16)>" --></p>
<h2>Second</h2>
<!-- .slide: data-background="url(https://evil.example/page-bg.png)" -->
<p data-notes="<img src=x onerror=alert(17)>">More text</p>
<img data-src="https://evil.example/page-lazy.png" alt="lazy">
</article></body></html>
`
}
