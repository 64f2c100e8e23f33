/**
 * Auto mode: read an article's headings and lists as a talk.
 * A title slide, a slide per section, an overview plus one slide per item
 * for enumerations, vertical slides for subsections; prose goes to notes.
 */
import type {BlockContent, Heading, Paragraph, List, PhrasingContent, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {DeckMeta, Slide, Stack} from '../deck/types.js'
import {isSlideComment} from './attributes.js'
import {toEnumeration, type EnumerationItem} from './enumeration.js'
import {
  createHeading,
  createParagraph,
  createSlide,
  groupHtmlIslands,
  isImage,
  isPicture,
  isProse,
  isVisible,
  span
} from './nodes.js'
import {endsLikeSentence, isCjkLang, textWidthEm, toSentences, withoutHeadingAttributes} from '../deck/text.js'

/** What the article splitter needs to know. */
export interface AutoContext {
  meta: DeckMeta
  /** File name without extension, the title of last resort. */
  stem: string
  /** Deck language, for generated words. */
  lang: string
}

/** Turn the top-level content of an article into slides and stacks. */
export function toSlidesAuto(children: RootContent[], context: AutoContext): Array<Slide | Stack> {
  // Raw HTML that wraps markdown (a `<table>` of code cells, `<details>`) stays whole on one slide.
  let blocks = groupHtmlIslands(children.filter((node) => node.type !== 'yaml'))
  const result: Array<Slide | Stack> = []

  // Title: front matter, else a first-level heading that comes before any other heading.
  const firstHeading = blocks.findIndex((node) => node.type === 'heading')
  let titleHeading: Heading | undefined
  if (firstHeading !== -1) {
    const node = blocks[firstHeading] as Heading
    const others = blocks.filter((n): n is Heading => n.type === 'heading' && n !== node)
    if (node.depth === 1 && !others.some((n) => n.depth === 1)) {
      titleHeading = node
      blocks = [...blocks.slice(0, firstHeading), ...blocks.slice(firstHeading + 1)]
    }
  }
  // Pictures in the title heading (a README's logo or badges) move to the lead:
  // the title slide is what shows as the deck opens, so it stays text.
  let titlePictures: Paragraph | undefined
  if (titleHeading) {
    const [text, pictures] = withoutPictures(titleHeading.children)
    if (pictures.length > 0) {
      titlePictures = {type: 'paragraph', children: pictures, position: titleHeading.position}
      titleHeading = {...titleHeading, children: text}
    }
  }
  const headingText = titleHeading ? toString(titleHeading, {includeHtml: false}).trim() : ''
  const titleText = context.meta.title ?? (headingText || humanize(context.stem))

  // Sections are the shallowest headings left; one level below are subsections.
  const depths = blocks.filter((n): n is Heading => n.type === 'heading').map((n) => n.depth)
  const sectionDepth = depths.length > 0 ? Math.min(...depths) : 7
  const firstSection = blocks.findIndex((n) => n.type === 'heading' && n.depth === sectionDepth)
  let lead = firstSection === -1 ? blocks : blocks.slice(0, firstSection)
  const rest = firstSection === -1 ? [] : blocks.slice(firstSection)
  // Headings before the first section (a `##` before the first `#`) still make slides of their own.
  const firstLeadHeading = lead.findIndex((n) => n.type === 'heading')
  const leadSections = firstLeadHeading === -1 ? [] : lead.slice(firstLeadHeading)
  if (firstLeadHeading !== -1) lead = lead.slice(0, firstLeadHeading)

  // Subtitle: front matter, else a short line right after the title heading.
  let subtitle: PhrasingContent[] | undefined
  if (context.meta.subtitle) {
    subtitle = [{type: 'text', value: context.meta.subtitle}]
  } else if (titleHeading && lead[0] && isProse(lead[0]) && !hasPicture(lead[0]) && isSubtitle(toString(lead[0]))) {
    const node = lead.shift()!
    if (node.type === 'paragraph') subtitle = node.children
  }

  if (titlePictures) lead.unshift(titlePictures)
  result.push(createTitleSlide(titleText, headingText ? titleHeading : undefined, subtitle, lead, context))

  // Lead content that is shown (a list, a table) gets a slide of its own.
  const leadShown = lead.filter((n) => !isProse(n) && isVisible(n))
  if (leadShown.length > 0) {
    const heading = createHeading(2, [{type: 'text', value: titleText}], titleHeading?.position)
    // The lead's notes and slide attributes belong to the title slide.
    const own = lead.filter((n) => !isProse(n) && n.type !== 'notes' && !isSlideComment(n))
    result.push(...toSectionSlides(heading, own, context, 'section'))
  }

  // Every heading here starts a slide: no depth can be assumed (leadSections starts at a heading, so nothing is dropped).
  for (const [heading, content] of groupByHeading(leadSections)) {
    result.push(...toSectionSlides(heading, content, context, 'section'))
  }

  for (const [heading, content] of groupByHeading(rest, sectionDepth)) {
    const [own, subsections] = splitSubsections(content, sectionDepth + 1)
    const stack: Slide[] = toSectionSlides(heading, own, context, 'section')
    for (const [subheading, subcontent] of subsections) {
      stack.push(...toSectionSlides(subheading, subcontent, context, 'subsection'))
    }
    result.push(stack.length === 1 ? stack[0] : {type: 'stack', children: stack, position: span(stack)})
  }

  return result
}

/** Whether a line after the title reads as a subtitle: short, not a sentence. */
function isSubtitle(text: string): boolean {
  const trimmed = text.trim()
  if (trimmed.includes('\n') || textWidthEm(trimmed) > 40) return false
  // A title's tagline may be one short sentence ("A practical guide for backend engineers.").
  return !endsLikeSentence(trimmed) || (/[.。!！]$/u.test(trimmed) && toSentences(trimmed).length === 1 && textWidthEm(trimmed) <= 30)
}

function createTitleSlide(
  title: string,
  heading: Heading | undefined,
  subtitle: PhrasingContent[] | undefined,
  lead: RootContent[],
  context: AutoContext
): Slide {
  const shown: RootContent[] = []
  if (subtitle) shown.push(createParagraph(subtitle, 'lectern-subtitle', span(subtitle)))
  const byline = [context.meta.author, context.meta.date].filter(Boolean).join(' · ')
  if (byline) shown.push(createParagraph([{type: 'text', value: byline}], 'lectern-byline'))
  // `<!-- .slide: … -->` before the first section styles the title slide.
  shown.push(...lead.filter(isSlideComment))
  // Definitions (links, footnotes) the lead's prose cites come along with it; with
  // no slide of its own for the lead, they would be lost, and the footnotes with them.
  if (!lead.some((node) => !isProse(node) && isVisible(node))) {
    shown.push(...lead.filter((node) => node.type === 'definition' || node.type === 'footnoteDefinition'))
  }
  const notes = lead.flatMap((node) => (node.type === 'notes' ? node.children : isProse(node) ? [node] : [])) as BlockContent[]
  return createSlide({
    kind: 'title',
    title,
    heading: createHeading(1, heading ? heading.children : [{type: 'text', value: title}], heading?.position),
    shown,
    notes,
    position: span([heading ?? {}, ...lead])
  })
}

/** Group blocks under each heading of a depth, or of any depth (blocks before the first are dropped). */
function groupByHeading(blocks: RootContent[], depth?: number): Array<[Heading, RootContent[]]> {
  const groups: Array<[Heading, RootContent[]]> = []
  for (const node of blocks) {
    if (node.type === 'heading' && (depth === undefined || node.depth === depth)) groups.push([node, []])
    else if (groups.length > 0) groups.at(-1)![1].push(node)
  }
  return groups
}

/** Split a section's content into its own blocks and its subsections. */
function splitSubsections(
  content: RootContent[],
  depth: number
): [RootContent[], Array<[Heading, RootContent[]]>] {
  const first = content.findIndex((n) => n.type === 'heading' && n.depth === depth)
  if (first === -1) return [content, []]
  return [content.slice(0, first), groupByHeading(content.slice(first), depth)]
}

/**
 * Slides for one section: its own slide (an overview when it enumerates terms)
 * followed by one slide per enumerated item.
 */
function toSectionSlides(
  heading: Heading,
  content: RootContent[],
  context: AutoContext,
  kind: 'section' | 'subsection'
): Slide[] {
  const [own, attributes] = withoutHeadingAttributes(heading)
  heading = own
  const title = toString(heading, {includeHtml: false}).trim()
  const shown: RootContent[] = []
  const notes: BlockContent[] = []
  const items: Slide[] = []

  let enumeration: EnumerationItem[] | undefined
  for (const node of content) {
    if (node.type === 'notes') notes.push(...node.children as BlockContent[])
    else if (isProse(node)) notes.push(node)
    else if (node.type === 'thematicBreak') continue
    else if (node.type === 'list' && (enumeration = toEnumeration(node))) {
      shown.push(toTermList(node, enumeration))
      for (const entry of enumeration) items.push(toItemSlide(entry, context))
    } else shown.push(node)
  }

  // A section with nothing to show (deeper headings aside) shows its key sentence.
  if (!shown.some((node) => isVisible(node) && node.type !== 'heading') && notes.length > 0) {
    const first = notes.find(isProse)
    if (first) {
      const key = toSentences(toString(first))[0]
      if (key) shown.unshift(createParagraph([{type: 'text', value: key}], 'lectern-key', first.position))
    }
  }

  const slide = createSlide({
    kind: items.length > 0 ? 'overview' : kind,
    title,
    heading: createHeading(2, heading.children, heading.position),
    shown,
    notes,
    position: span([heading, ...content])
  })
  if (attributes) slide.data = {...slide.data, attributes}
  return [slide, ...items]
}

/** The overview list: the terms alone, each linking nowhere yet (ids come later). */
function toTermList(list: List, items: EnumerationItem[]): List {
  return {
    type: 'list',
    ordered: list.ordered,
    start: list.start,
    spread: false,
    position: list.position,
    children: items.map(({item, termContent}) => ({
      type: 'listItem',
      spread: false,
      position: item.position,
      children: [{type: 'paragraph', children: structuredClone(termContent), position: item.position}]
    })),
    data: {hProperties: {className: ['lectern-terms']}}
  }
}

/** The slide of one enumerated item: titled by its term, described, with notes. */
function toItemSlide(entry: EnumerationItem, context: AutoContext): Slide {
  const shown: RootContent[] = []
  if (entry.aside) shown.push(createParagraph([{type: 'text', value: entry.aside}], 'lectern-aside'))
  const description = entry.description
  const prose = description.filter(isProse)
  const others = description.filter((n) => !isProse(n))
  // A short description is shown; a long one shows its key sentence.
  const proseText = prose.map((n) => toString(n)).join('\n')
  if (prose.length > 0 && textWidthEm(proseText) <= 90) shown.push(...structuredClone(prose))
  else if (prose.length > 0) {
    const key = toSentences(toString(prose[0]))[0]
    shown.push(createParagraph([{type: 'text', value: key}], 'lectern-key', prose[0].position))
  }
  shown.push(...others)

  // The notes say the whole item, so the speaker has it even when the slide shows it.
  const notes: BlockContent[] = [
    {
      type: 'paragraph',
      position: entry.item.position,
      children: [
        {type: 'text', value: `${entry.term}${isCjkLang(context.lang) ? '：' : ': '}`},
        ...(prose[0] && prose[0].type === 'paragraph' ? structuredClone(prose[0].children) : [])
      ]
    },
    ...structuredClone(prose.slice(1))
  ]
  return createSlide({
    kind: 'item',
    title: entry.title,
    heading: createHeading(2, [{type: 'text', value: entry.title}], entry.item.position),
    shown,
    notes,
    position: entry.item.position
  })
}

/** `my-talk_notes` → `My talk notes`. */
function humanize(stem: string): string {
  const words = stem.replace(/[-_]+/g, ' ').trim()
  return words ? words[0].toUpperCase() + words.slice(1) : 'Untitled'
}

/** Split phrasing into its text and its pictures (images, links around them, inline HTML). */
function withoutPictures(nodes: PhrasingContent[]): [PhrasingContent[], PhrasingContent[]] {
  const text: PhrasingContent[] = []
  const pictures: PhrasingContent[] = []
  for (const node of nodes) {
    // Inline HTML in a title is a badge or a logo link (`<a …><img …></a>`), never words.
    if (isPicture(node) || node.type === 'html') pictures.push(node)
    else text.push(node)
  }
  const last = text.at(-1)
  if (last && last.type === 'text') text[text.length - 1] = {...last, value: last.value.replace(/\s+$/, '')}
  return [text.filter((node) => node.type !== 'text' || node.value !== ''), pictures]
}

/** Whether a paragraph shows a picture anywhere in it. */
function hasPicture(node: Paragraph): boolean {
  return node.children.some((child) => isImage(child) || ('children' in child && child.children.some(isImage)))
}
