/**
 * Hostile markdown and the checks that a page built from it cannot run
 * anything but lectern's own scripts. Shared by the pipeline and browser tests.
 */
import type {Element, Nodes} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {visit} from 'unist-util-visit'

/** XSS vectors, each a piece of markdown. Every one calls `alert`, so a browser shows a dialog if it runs. */
export const vectors: ReadonlyArray<string> = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '<img src="x` `<script>alert(1)</script>"` `>',
  '<svg onload=alert(1)><circle r="5"/></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">svg link</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<object><param name=src value=javascript:alert(1)></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">plain</a>',
  '<a href="JaVaScRiPt:alert(1)">case</a>',
  '<a href="java&#x09;script:alert(1)">tab</a>',
  '<a href="&#106;avascript:alert(1)">entity</a>',
  '<a href="  javascript:alert(1)">space</a>',
  '<a href="\u0001javascript:alert(1)">control</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '[md link](javascript:alert(1))',
  '[md angle](<javascript:alert(1)>)',
  '![md image](javascript:alert(1))',
  '<javascript:alert(1)>',
  '[reference][evil]\n\n[evil]: javascript:alert(1)',
  '<div style="background:url(javascript:alert(1))">style url</div>',
  '<div style="width: expression(alert(1))">style expression</div>',
  '<div style="background-image: u\\72l(javascript:alert(1))">style escape</div>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<button formaction="javascript:alert(1)">go</button>',
  '<input onfocus=alert(1) autofocus>',
  '<details open ontoggle=alert(1)><summary>s</summary>d</details>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel="import" href="data:text/html,<script>alert(1)</script>">',
  '<style>@import "javascript:alert(1)"; body{background:url(javascript:alert(1))}</style>',
  '<template><script>alert(1)</script></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<textarea><script>alert(1)</script></textarea>',
  '<title><script>alert(1)</script></title>',
  '<xmp><script>alert(1)</script></xmp>',
  '<section data-background-iframe="javascript:alert(1)">bg iframe</section>',
  '<div data-background-image="javascript:alert(1)">bg image</div>',
  '<div data-background-iframe="https://evil.example/">remote page</div>',
  '<a data-preview-link="javascript:alert(1)" href="#x">preview</a>',
  '<img data-src="javascript:alert(1)" alt="lazy">',
  '<video poster="javascript:alert(1)" src="javascript:alert(1)" controls></video>',
  '<div onclick="alert(1)" onmouseover="alert(1)" onpointerenter="alert(1)">handlers</div>',
  '<p><scr<script>ipt>alert(1)</scr</script>ipt></p>',
  '<marquee onstart=alert(1)>marquee</marquee>',
  '<isindex type=image src=1 onerror=alert(1)>',
  '<img name="getElementById" src="x.png">',
  '<!-- --><script>alert(1)</script><!-- -->',
  '<div>\n\n*md inside html* <img src=x onerror=alert(1)>\n\n</div>',
  '```html\n<script>alert(1)</script>\n```',
  '`<script>alert(1)</script>`',
  '<h1 onclick="alert(1)">heading</h1>',
  '| a | b |\n| - | - |\n| <img src=x onerror=alert(1)> | <a href="javascript:alert(1)">t</a> |'
]

/** Wrap a vector in decks of several shapes: a section, a list, a paragraph, explicit slides. */
export function toDecks(vector: string): string[] {
  const inline = vector.includes('\n') ? vector.replace(/\n/g, ' ') : vector
  return [
    `# Talk\n\n## Section\n\nSome prose to move to the notes.\n\n${vector}\n\n- shown\n- on the slide\n`,
    `# Talk\n\n## 列表\n\n- 第一项\n- ${inline}\n- 第三项\n`,
    `# Talk\n\n## Prose\n\nText before ${inline} and after.\n`,
    `# One\n\n---\n\n## Two\n\n${vector}\n\nNote: notes with ${inline}\n`
  ]
}

/** Scripts lectern itself puts on a page. */
function isLecternScript(node: Element): boolean {
  const src = node.properties.src
  if (typeof src === 'string') return /^assets\/[\w./-]+\.js$/.test(src)
  const text = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('')
  return text.startsWith('Reveal.initialize(')
}

const urlProperties = new Set([
  'href', 'src', 'action', 'formAction', 'data', 'poster', 'srcSet', 'cite', 'background', 'xLinkHref',
  'dataSrc', 'dataBackground', 'dataBackgroundImage', 'dataBackgroundVideo', 'dataBackgroundIframe',
  'dataPreviewLink', 'dataPreviewImage', 'dataPreviewVideo'
])

const forbiddenTags = new Set(['iframe', 'object', 'embed', 'form', 'frame', 'frameset', 'applet', 'base', 'svg', 'math', 'button', 'textarea', 'noscript', 'template', 'isindex'])

/** Problems that would let a page built from untrusted markdown run script; `[]` when safe. */
export function findUnsafe(html: string, options: {document?: boolean} = {}): string[] {
  const tree = fromHtml(html, {fragment: options.document === false})
  const problems: string[] = []
  let inHead = false
  visit(tree as Nodes, 'element', (node: Element, _index, parent) => {
    const name = node.tagName
    if (name === 'head') inHead = true
    if (name === 'body') inHead = false
    if (name === 'script' && (options.document === false || !isLecternScript(node))) problems.push(`<script> ${JSON.stringify(node.properties)}`)
    if (forbiddenTags.has(name)) problems.push(`<${name}>`)
    if (name === 'meta' && !(inHead && (node.properties.charSet || ['viewport', 'generator', 'author'].includes(String(node.properties.name))))) {
      problems.push(`<meta ${JSON.stringify(node.properties)}>`)
    }
    if (name === 'link' && !(inHead && String(node.properties.rel) === 'stylesheet' && String(node.properties.href).startsWith('assets/'))) {
      problems.push(`<link ${JSON.stringify(node.properties)}>`)
    }
    if (name === 'style') {
      // CSS text is inert (`<script>` in it is text); it matters only that it stays in the head.
      if (!inHead || parent?.type !== 'element' || parent.tagName !== 'head') problems.push('<style> outside the head')
    }
    for (const [key, value] of Object.entries(node.properties)) {
      if (/^on/i.test(key)) problems.push(`${key} on <${name}>`)
      const text = Array.isArray(value) ? value.join(' ') : String(value)
      // Browsers drop tabs and newlines in URLs and trim controls and spaces.
      const url = text.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '').toLowerCase()
      if (urlProperties.has(key) && /^(?:javascript|vbscript|data:text|data:application)/.test(url)) problems.push(`${key}=${JSON.stringify(text)} on <${name}>`)
      if (key === 'style' && /url\s*\(|expression|\\/i.test(text)) problems.push(`style=${JSON.stringify(text)} on <${name}>`)
      if (key === 'dataBackgroundIframe') problems.push(`data-background-iframe on <${name}>`)
    }
  })
  return problems
}
