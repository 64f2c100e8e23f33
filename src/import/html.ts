/**
 * HTML page → mdast: keep the main article (`<article>`, `<main>`,
 * `[role=main]`, else the element with the most paragraph text), drop
 * navigation, headers and footers, sidebars, comments, "related posts" blocks,
 * scripts, styles and forms, then convert with rehype-remark. Images and
 * links are kept; the title comes from the `<h1>` or the `<title>`.
 */
import type {Element, ElementContent, Root as HastRoot, RootContent as HastContent} from 'hast'
import {toString as hastToString} from 'hast-util-to-string'
import type {Heading, Root, RootContent} from 'mdast'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {isFurnitureCaption, isFurnitureLine, isMetaLine} from './furniture.js'

/** What an HTML page gave. */
export interface HtmlArticle {
  /** The article as mdast, its title as the first `#` heading. */
  tree: Root
  /** `<html lang>`, if given. */
  lang: string | undefined
}

/** Never article content, wherever they are. */
const junkTags = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'form', 'button', 'input', 'select', 'textarea', 'label',
  'svg', 'canvas', 'object', 'embed', 'link', 'meta', 'dialog', 'nav', 'aside', 'menu',
  // A rule would make the deck split by rules instead of headings.
  'hr'
])
const junkRoles = /^(?:navigation|complementary|contentinfo|search|banner|menu|menubar|dialog|alert)$/iu
const negative =
  /(?:^|[-_\s])(?:comments?|comment-list|respond|reply|related|recommend\w*|sidebar|side-bar|widget\w*|share|sharing|social|sns|footer|foot|nav|navbar|menu|breadcrumbs?|subscribe|newsletter|signup|promo|sponsor\w*|ads?|advert\w*|banner|popular|recent|trending|pagination|pager|cookie|consent|modal|popup|author-bio|about-author|byline|post-meta|entry-meta|meta|tags?|tag-list|categories|toc-widget|hot|rank)(?:$|[-_\s\d])/iu
const positive = /(?:^|[-_\s])(?:article|body|content|entry|main|page|post|text|blog|story|markdown|prose)(?:$|[-_\s])/iu
const paragraphTags = new Set(['p', 'pre', 'blockquote', 'td', 'li', 'dd'])
const metaTags = new Set(['p', 'div', 'section', 'header', 'span', 'small', 'time'])
const blockTags = new Set(['p', 'div', 'section', 'article', 'ul', 'ol', 'table', 'pre', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'dl', 'header', 'footer', 'main'])

/** Read an HTML page's main article into mdast; says on `file` what was left out. */
export function fromHtml(value: string, file: VFile): HtmlArticle {
  const page = unified().use(rehypeParse).parse(value) as HastRoot
  const html = findFirst(page, (node) => node.tagName === 'html')
  const lang = typeof html?.properties.lang === 'string' && html.properties.lang ? html.properties.lang : undefined
  const titleElement = findFirst(page, (node) => node.tagName === 'title')
  const base = findFirst(page, (node) => node.tagName === 'base' && typeof node.properties.href === 'string')
  const baseHref = base && /^https?:\/\//iu.test(String(base.properties.href)) ? String(base.properties.href) : undefined

  removeWhere(page, (node) => junkTags.has(node.tagName) || junkRoles.test(String(node.properties.role ?? '')) || node.properties.hidden === true)
  const body = findFirst(page, (node) => node.tagName === 'body') ?? page
  const main = pickMain(body)
  const mainText = textLength(main)

  // Inside the article: drop blocks that are not it, unless one holds most of the text.
  let removed = 0
  removeWhere(main, (node) => {
    const isJunk =
      node.tagName === 'footer' ||
      (node.tagName === 'header' && !findFirst(node, (child) => child.tagName === 'h1')) ||
      negative.test(classAndId(node)) ||
      (metaTags.has(node.tagName) && isMetaBlock(node))
    if (isJunk && textLength(node) < mainText * 0.5) {
      removed++
      return true
    }
    return false
  })
  removed += dropCaptionSections(main)

  // The title: the article's `<h1>`, else the heading before the article
  // that the `<title>` names, else the `<title>` itself.
  if (!findFirst(main, (node) => node.tagName === 'h1')) {
    const found = findTitle(body, main, titleElement ? hastToString(titleElement) : '')
    if (found?.element && findFirst(main, (node) => node === found.element)) {
      // The title is a heading of the article already: it becomes its `<h1>`.
      found.element.tagName = 'h1'
    } else if (found) {
      main.children.unshift({type: 'element', tagName: 'h1', properties: {}, children: [{type: 'text', value: found.text}], position: found.position})
    }
  }
  removed += trimBeforeTitle(main)
  fixImages(main, baseHref)
  // Anchors without text (`<a name="t0"></a>`) would become `[]()`.
  removeWhere(main, (node) => node.tagName === 'a' && !hastToString(node).trim() && !findFirst(node, (child) => child.tagName === 'img'))

  const root: HastRoot = {type: 'root', children: [main]}
  const tree = unified().use(rehypeRemark).runSync(root, file) as Root
  normaliseHeadings(tree)
  spanChildren(tree)
  if (removed > 0) {
    file.info(`Dropped ${removed} block${removed === 1 ? '' : 's'} of page furniture (navigation, sidebars, comments, related posts)`, {
      ruleId: 'import-furniture',
      source: 'lectern'
    })
  }
  return {tree, lang}
}

/** The element holding the article. */
function pickMain(body: Element | HastRoot): Element {
  const top = readabilityTop(body)
  const best = top ? textLength(top) : 0
  const byText = (elements: Element[]) => elements.map((element) => ({element, text: textLength(element)})).sort((a, b) => b.text - a.text)
  for (const test of [(node: Element) => node.tagName === 'article', (node: Element) => node.tagName === 'main' || node.properties.role === 'main']) {
    const [first] = byText(findAll(body, test))
    // A card in a list of posts is an <article> too: it must hold much of the text.
    if (first && first.text > 0 && first.text >= best * 0.5) return first.element
  }
  if (top) return top
  return body.type === 'root' ? {type: 'element', tagName: 'div', properties: {}, children: body.children as ElementContent[]} : body
}

/**
 * Readability in small: each paragraph scores its parent (and half its
 * grandparent) by length and commas; link-heavy elements and "sidebar"-like
 * names lose. Returns the best element.
 */
function readabilityTop(body: Element | HastRoot): Element | undefined {
  const scores = new Map<Element, number>()
  const walk = (node: Element | HastRoot, ancestors: Element[]) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      const isParagraph = paragraphTags.has(child.tagName) || (child.tagName === 'div' && !child.children.some((c) => c.type === 'element' && isBlock(c)))
      if (isParagraph) {
        const text = hastToString(child).trim()
        if (text.length >= 25) {
          const score = 1 + (text.match(/[,，、。]/gu)?.length ?? 0) + Math.min(3, Math.floor(text.length / 100))
          const parent = ancestors[ancestors.length - 1] ?? (node.type === 'element' ? node : undefined)
          const grandparent = ancestors[ancestors.length - 2]
          if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score)
          if (grandparent) scores.set(grandparent, (scores.get(grandparent) ?? 0) + score / 2)
        }
      }
      walk(child, [...ancestors, child])
    }
  }
  walk(body, body.type === 'element' ? [body] : [])
  let top: Element | undefined
  let topScore = -Infinity
  for (const [element, score] of scores) {
    const names = classAndId(element)
    const weight = (positive.test(names) ? 25 : 0) - (negative.test(names) ? 25 : 0)
    const final = (score + weight) * (1 - linkDensity(element))
    if (final > topScore) {
      top = element
      topScore = final
    }
  }
  return top
}

/**
 * Before the title, keep only what is substantial: pictures and real text,
 * not "back" links, category tags or breadcrumbs.
 */
function trimBeforeTitle(main: Element): number {
  let removed = 0
  let parent: Element | undefined = main
  while (parent) {
    const index: number = parent.children.findIndex((child) => child.type === 'element' && (child.tagName === 'h1' || findFirst(child, (node) => node.tagName === 'h1') !== undefined))
    if (index < 0) break
    const before = parent.children.slice(0, index).filter((child) => {
      if (child.type !== 'element') return true
      const keep = findFirst(child, (node) => node.tagName === 'img') !== undefined || (textLength(child) >= 100 && linkDensity(child) < 0.5)
      if (!keep) removed++
      return keep
    })
    const next: ElementContent = parent.children[index] as ElementContent
    parent.children = [...before, ...parent.children.slice(index)]
    parent = next.type === 'element' && next.tagName !== 'h1' ? next : undefined
  }
  return removed
}

/** Drop a heading that captions furniture ("Related posts") with what follows it, up to the next heading as high. */
function dropCaptionSections(root: Element): number {
  let removed = 0
  const walk = (parent: Element) => {
    for (let index = 0; index < parent.children.length; index++) {
      const child = parent.children[index]
      if (child.type !== 'element') continue
      const rank = headingRank(child)
      if (rank && rank > 1 && isFurnitureCaption(hastToString(child))) {
        let end = index + 1
        while (end < parent.children.length) {
          const next = parent.children[end]
          const nextRank = next.type === 'element' ? headingRank(next) : undefined
          if (nextRank && nextRank <= rank) break
          end++
        }
        parent.children.splice(index, end - index)
        removed++
        index--
        continue
      }
      walk(child)
    }
  }
  walk(root)
  return removed
}

/** A block whose whole text is a date, a count or a tag line. */
function isMetaBlock(node: Element): boolean {
  if (headingRank(node)) return false
  const text = hastToString(node).replace(/\s+/g, ' ').trim()
  return text.length > 0 && text.length <= 160 && (isMetaLine(text) || isFurnitureLine(text))
}

/** Lazy-loaded images name the real file in `data-src`; relative paths follow `<base href>`. */
function fixImages(root: Element, baseHref: string | undefined): void {
  visitElements(root, (node) => {
    if (node.tagName === 'a' && baseHref && typeof node.properties.href === 'string') {
      try {
        node.properties.href = new URL(node.properties.href, baseHref).href
      } catch {
        // Keep a link that is not a URL as written.
      }
    }
    if (node.tagName !== 'img') return
    const props = node.properties
    let src = typeof props.src === 'string' ? props.src : ''
    const lazy = [props.dataSrc, props.dataLazySrc, props.dataOriginal, props.dataActualsrc].find((v) => typeof v === 'string' && v)
    if ((!src || src.startsWith('data:')) && typeof lazy === 'string') src = lazy
    if ((!src || src.startsWith('data:')) && Array.isArray(props.srcSet) && props.srcSet.length > 0) src = String(props.srcSet[0]).split(/\s+/)[0]
    if (src && baseHref) {
      try {
        src = new URL(src, baseHref).href
      } catch {
        // Keep a source that is not a URL as written.
      }
    }
    props.src = src
  })
}

/** The first `#` stays; the other headings shift so the highest is `##`. */
function normaliseHeadings(tree: Root): void {
  const headings: Heading[] = []
  visit(tree, 'heading', (node) => {
    headings.push(node)
  })
  const [title, ...rest] = headings
  if (!title) return
  if (title.depth !== 1) rest.unshift(title)
  if (rest.length === 0) return
  const highest = Math.min(...rest.map((heading) => heading.depth))
  const shift = highest - 2
  for (const heading of rest) heading.depth = Math.min(6, Math.max(2, heading.depth - shift)) as Heading['depth']
}

/** Give nodes made without a position (the paragraph around a lone image) one spanning their children. */
function spanChildren(node: Root | RootContent): void {
  if (!('children' in node)) return
  for (const child of node.children) spanChildren(child)
  if (node.position || node.type === 'root') return
  const placed = node.children.filter((child) => child.position)
  const first = placed[0]?.position
  const last = placed[placed.length - 1]?.position
  if (first && last) node.position = {start: {...first.start}, end: {...last.end}}
}

function headingRank(node: Element): number | undefined {
  const match = /^h([1-6])$/u.exec(node.tagName)
  return match ? Number(match[1]) : undefined
}

function isBlock(node: Element): boolean {
  return blockTags.has(node.tagName)
}

function classAndId(node: Element): string {
  const className = node.properties.className
  return `${Array.isArray(className) ? className.join(' ') : String(className ?? '')} ${String(node.properties.id ?? '')}`
}

function textLength(node: Element | HastRoot): number {
  return hastToString(node).replace(/\s+/g, ' ').trim().length
}

function linkDensity(node: Element): number {
  const total = textLength(node)
  if (total === 0) return 0
  let links = 0
  visitElements(node, (child) => {
    if (child.tagName === 'a') links += textLength(child)
  })
  return Math.min(1, links / total)
}

/**
 * The title of an article without its own `<h1>`: of the headings before
 * it, the last one the `<title>` names (`Post « Blog` names both the blog's
 * `<h1>` and the post's `<h2>`); else the `<title>`'s first part; else the
 * page's `<h1>`.
 */
function findTitle(body: Element | HastRoot, main: Element, title: string): {text: string; position: Element['position']; element?: Element} | undefined {
  const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase()
  const full = normal(title)
  const parts = full.split(/\s+[|–—·«»:\-]{1,2}\s+|\s+_\s+/u).filter(Boolean)
  const start = main.position?.start.offset ?? Infinity
  const headings = findAll(body, (node) => /^h[1-3]$/u.test(node.tagName))
  const named = headings.filter((heading) => {
    const text = normal(hastToString(heading))
    // `Title_Category_Site`: the title starts with the heading, then a separator.
    return text.length > 0 && (text === full || parts.includes(text) || (full.startsWith(text) && /^\s*[|_–—·«»-]/u.test(full.slice(text.length))))
  })
  const before = named.filter((heading) => (heading.position?.start.offset ?? 0) < start)
  const heading = before[before.length - 1] ?? named[0]
  if (heading) return {text: hastToString(heading).replace(/\s+/g, ' ').trim(), position: heading.position, element: heading}
  const text = title.replace(/\s+/g, ' ').trim().split(/\s+[|–—·«»:\-]{1,2}\s+|\s*_\s*/u)[0]
  if (text) return {text, position: undefined}
  const h1 = findFirst(body, (node) => node.tagName === 'h1')
  return h1 ? {text: hastToString(h1).replace(/\s+/g, ' ').trim(), position: h1.position} : undefined
}

function visitElements(node: Element | HastRoot, callback: (element: Element) => void): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    callback(child)
    visitElements(child, callback)
  }
}

function findFirst(node: Element | HastRoot, test: (element: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (test(child)) return child
    const found = findFirst(child, test)
    if (found) return found
  }
  return undefined
}

function findAll(node: Element | HastRoot, test: (element: Element) => boolean): Element[] {
  const found: Element[] = []
  visitElements(node, (element) => {
    if (test(element)) found.push(element)
  })
  return found
}

function removeWhere(node: Element | HastRoot, test: (element: Element) => boolean): void {
  node.children = (node.children as HastContent[]).filter((child) => child.type !== 'element' || !test(child)) as typeof node.children
  for (const child of node.children) if (child.type === 'element') removeWhere(child, test)
}
