/**
 * remark plugin: split an article (auto mode) or slide markdown (explicit
 * mode) into slide and notes nodes, and record what it learned about the deck
 * on `file.data.deck`.
 */
import type {BlockContent, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {chooseSplit, mergeDeckMeta} from '../config/deck.js'
import {readFrontMatter} from './front-matter.js'
import {restoreUnknownDirectives} from '../slides/directives.js'
import {toSlidesAuto} from '../slides/auto.js'
import {applyAttributeComments} from '../slides/attributes.js'
import {hasRuleBreaks, isSlideMarkdown, toRevealBreaks, toSlidesExplicit} from '../slides/explicit.js'
import {applyPauses, fromFencedDivs, markFragments} from '../slides/fenced-divs.js'
import {restoreDollarAmounts} from '../slides/math.js'
import {isNoteLead, toNoteSections, toNotesNodes} from '../slides/notes.js'
import {fitSlides} from '../slides/fit.js'
import {defaultMetrics, type Metrics} from '../deck/metrics.js'
import {createNotes, getNotes, isVisible, notesText, shownText} from '../slides/nodes.js'
import {detectLang, isCjkLang} from '../deck/text.js'
import {estimateSeconds, scaleToDuration} from '../deck/timing.js'
import type {DeckMeta, Slide, Stack} from '../deck/types.js'

export interface Options {
  /** How slides are found: `'auto'` splits an article by its headings, `'manual'` by `---`; unset, front matter `split` decides, else `---` in the body means manual (default: `undefined`). */
  split?: 'auto' | 'manual' | null | undefined
  /** Layout metrics used to split content that does not fit, or a function of the deck's options giving them (default: the built-in themes' metrics). */
  metrics?: Readonly<Metrics> | ((meta: Readonly<DeckMeta>, file: VFile) => Readonly<Metrics>) | null | undefined
  /** Deck options that take precedence over front matter, such as a command line's (default: `{}`). */
  overrides?: Readonly<DeckMeta> | null | undefined
}

const emptyOptions: Readonly<Options> = {}

/** Turn an article into slides and move its prose into speaker notes. */
export default function remarkSlides(options?: Readonly<Options> | null) {
  const settings = options || emptyOptions

  return async function (tree: Root, file: VFile): Promise<void> {
    restoreUnknownDirectives(tree, file)
    fromFencedDivs(tree, file)
    restoreDollarAmounts(tree, file)
    const meta: DeckMeta = mergeDeckMeta(await readFrontMatter(tree, file), settings.overrides)
    file.data.meta = meta
    const metrics = typeof settings.metrics === 'function' ? settings.metrics(meta, file) : settings.metrics || defaultMetrics
    const split = chooseSplit(settings.split, meta)
    const children = toNotesNodes(tree.children, file)
    // `:::notes` blocks mark slide markdown; so do `Note:` lines in many of the pieces (one is just an article's aside).
    const source = String(file.value ?? '')
    // Read breaks as reveal.js does (text right above `---` is a break there) before judging.
    const asSlides = toRevealBreaks(children, source)
    const noteLeads = asSlides.filter(isNoteLead).length
    const pieces = asSlides.filter((node) => node.type === 'thematicBreak').length + 1
    const hasNotes = children.some((node) => node.type === 'notes') || (noteLeads >= 2 && noteLeads * 2 >= pieces)
    const explicit = split === 'manual' || (split !== 'auto' && isSlideMarkdown(asSlides, hasNotes))
    if (!split && !explicit && hasRuleBreaks(asSlides)) {
      file.info('Read as an article: its `---` rules separate sections, not slides (front matter `split: manual` makes each one a slide)', {
        ruleId: 'split-mode',
        source: 'lectern'
      })
    }
    const lang = meta.lang || detectLang(toString(tree))
    const continued = isCjkLang(lang) ? (title: string) => `${title} (续)` : (title: string) => `${title} (cont.)`

    const slides: Array<Slide | Stack> = explicit
      ? toSlidesExplicit(asSlides, source)
      : toSlidesAuto(toNoteSections(children), {meta, lang, stem: file.stem || 'deck'})
    for (const slide of eachSlide(slides)) applyAttributeComments(slide, file)
    if (!explicit) {
      if (fitSlides(slides, metrics, continued) > 0) reportContinuations(slides, file)
      for (const slide of eachSlide(slides)) addFallbackNotes(slide)
    }

    const all = [...eachSlide(slides)]
    for (const slide of all) applyPauses(slide)
    // Front matter `incremental: true`: lists appear item by item, as pandoc's and Quarto's option does.
    if (meta.incremental) for (const slide of all) markFragments(slide)
    const notes = all.map(notesText)
    const estimates = scaleToDuration(all.map((slide, index) => estimateSeconds(notes[index], shownText(slide))), meta.duration)
    all.forEach((slide, index) => {
      slide.data = {...slide.data, seconds: estimates[index]}
    })

    const firstTitle = all.find((slide) => slide.data?.title)?.data?.title
    file.data.deck = {
      ...meta,
      title: meta.title || firstTitle || file.stem || 'Untitled',
      lang,
      mode: explicit ? 'explicit' : 'auto',
      slides: all.length,
      slidesWithNotes: notes.filter((text) => text !== '').length,
      seconds: estimates.reduce((a, b) => a + b, 0)
    }
    tree.children = slides as RootContent[]
  }
}

/** Every slide of a deck, stacks flattened, in order. */
export function* eachSlide(slides: ReadonlyArray<Slide | Stack | RootContent>): Generator<Slide> {
  for (const node of slides) {
    if (node.type === 'slide') yield node
    else if (node.type === 'stack') yield* node.children
  }
}

/** One info per section that was split, at its heading: what was done for the author, and where. */
function reportContinuations(slides: ReadonlyArray<Slide | Stack>, file: VFile): void {
  const all = [...eachSlide(slides)]
  all.forEach((slide, index) => {
    if (slide.data?.kind === 'continuation' || all[index + 1]?.data?.kind !== 'continuation') return
    let count = 0
    while (all[index + 1 + count]?.data?.kind === 'continuation') count++
    const heading = slide.children[0]?.type === 'heading' ? slide.children[0] : undefined
    file.info(
      `Split \`${slide.data?.title ?? 'slide'}\` into ${count + 1} slides to fit the canvas (continuation slides follow it)`,
      {place: heading?.position ?? slide.position, ruleId: 'continuation', source: 'lectern'}
    )
  })
}

/** A slide without notes gets its visible text as notes, so the speaker is never left empty-handed. */
function addFallbackNotes(slide: Slide): void {
  if (notesText(slide)) return
  const existing = getNotes(slide)
  const blocks: BlockContent[] = []
  // A fenced div's blocks are read as the slide's own (its fragment classes stay on the slide).
  for (const node of slide.children.flatMap(withoutDivs)) {
    if (node.type === 'notes' || (node.type === 'heading' && node === slide.children[0]) || !isVisible(node)) continue
    if (node.type === 'list' || node.type === 'table' || node.type === 'blockquote' || node.type === 'code') {
      blocks.push(structuredClone(node))
      continue
    }
    const text = toString(node).trim()
    if (text) blocks.push({type: 'paragraph', children: [{type: 'text', value: text}], position: node.position})
  }
  // An empty slide (a closing "Questions", say) gets its title.
  if (blocks.length === 0 && slide.data?.title) {
    blocks.push({type: 'paragraph', children: [{type: 'text', value: slide.data.title}], position: slide.position})
  }
  if (blocks.length === 0) return
  if (existing) slide.children.splice(slide.children.indexOf(existing), 1)
  slide.children.push(createNotes(blocks))
}

/** The blocks of a fenced div, nested divs opened too; any other node itself. */
function withoutDivs(node: RootContent): RootContent[] {
  if (node.type !== 'fencedDiv') return [node]
  return node.children.flatMap((child) => withoutDivs(child)).map((child) => {
    if (child.type !== 'list') return child
    // Items that are fragments on the slide are plain in the notes.
    const list = structuredClone(child)
    for (const item of list.children) if (item.data?.hProperties) delete item.data.hProperties
    return list
  })
}
