/**
 * rehype plugin: turn the slide `<section>`s into reveal.js markup: the
 * `.reveal > .slides` frame, stable ids from titles, the source line of each
 * slide, `data-timing` from the estimate.
 */
import type {Element, ElementContent, Root, RootContent} from 'hast'
import GithubSlugger from 'github-slugger'
import type {VFile} from 'vfile'
import {slideDataProperty, takeSlideData} from '../slides/to-hast.js'

export interface Options {
  /** Write `data-timing` seconds on each slide for the speaker view's pacing timer (default: `true`). */
  timing?: boolean | null | undefined
}

const emptyOptions: Readonly<Options> = {}

/** Wrap slides in reveal.js's frame and give each a stable id. */
export default function rehypeReveal(options?: Readonly<Options> | null) {
  const timing = (options || emptyOptions).timing ?? true

  return function (tree: Root, file: VFile): undefined {
    const slugger = new GithubSlugger()
    const used = new Set<string>()
    let count = 0
    // Ids the author gave win; generated ones step around them.
    for (const section of eachSlideSection(tree.children)) {
      const id = section.properties.id
      if (typeof id === 'string') used.add(id)
    }
    for (const section of eachSlideSection(tree.children)) {
      count++
      const slide = takeSlideData(section)
      if (typeof section.properties.id !== 'string') {
        let id = slugger.slug(slide?.title || `slide-${count}`)
        while (used.has(id)) id = slugger.slug(slide?.title || `slide-${count}`)
        used.add(id)
        section.properties.id = id
      }
      const line = section.position?.start.line
      if (line !== undefined) section.properties.dataSourceLine = String(line)
      if (timing && slide?.seconds) section.properties.dataTiming = String(slide.seconds)
      if (slide?.kind) section.properties.dataKind = slide.kind
    }

    // Content outside slides (footnote sections, say) stays after the frame.
    const slides: Element[] = []
    const others: ElementContent[] = []
    for (const node of tree.children) {
      if (node.type === 'element' && node.tagName === 'section') slides.push(node)
      else others.push(node as ElementContent)
    }
    const frame: Element = {
      type: 'element',
      tagName: 'div',
      properties: {className: ['reveal']},
      children: [
        {type: 'element', tagName: 'div', properties: {className: ['slides']}, children: slides},
        ...others.filter((node) => node.type !== 'text' || node.value.trim())
      ]
    }
    tree.children = [frame]
  }
}

/** Every slide `<section>` (not stacks) in document order. */
export function* eachSlideSection(nodes: ReadonlyArray<RootContent | ElementContent>): Generator<Element> {
  for (const node of nodes) {
    if (node.type !== 'element' || node.tagName !== 'section') continue
    const inner = node.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'section')
    if (inner.length > 0 && node.properties[slideDataProperty] === undefined) yield* eachSlideSection(inner)
    else yield node
  }
}
