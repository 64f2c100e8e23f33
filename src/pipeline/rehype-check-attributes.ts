/**
 * rehype plugin: put the attributes of every element through the one
 * allow-list (`attribute-policy.ts`), whatever wrote them: raw HTML,
 * `<!-- .slide: -->` and `<!-- .element: -->` comments, pandoc `{…}`
 * attributes, fenced divs. Runs before sanitizing, and also when raw HTML is
 * allowed (`--allow-html`), which keeps values but still reports every
 * remote request. `data-notes` becomes text in the slide's notes.
 */
import type {Element, ElementContent, Root, RootContent} from 'hast'
import {find, html} from 'property-information'
import type {VFile} from 'vfile'
import {checkAttribute, toUrlKind, type Problem} from '../safety/attribute-policy.js'
import {slideDataProperty} from '../slides/to-hast.js'
import type {SlideData} from '../deck/types.js'

export interface Options {
  /** Keep values as written, for trusted authors; `undefined` lets front matter `html` decide (default: `undefined`). */
  allowHtml?: boolean | null | undefined
}

const emptyOptions: Readonly<Options> = {}

type Place = {line: number; column: number}

/** Check every attribute of every element, with a message at its place for each one removed or reported. */
export default function rehypeCheckAttributes(options?: Readonly<Options> | null) {
  const allowHtml = (options || emptyOptions).allowHtml

  return function (tree: Root, file: VFile): undefined {
    // front matter < an explicit option (the command line)
    const trusted = allowHtml ?? file.data.meta?.html ?? false
    const previewLinks = file.data.meta?.reveal?.previewLinks === true
    let previewReported = false
    // The `data-notes` texts added to each slide's notes.
    const added = new Map<Element, Set<string>>()

    const warn = (problem: Problem, node: Element, place: Place | undefined): void => {
      file.message(problem.reason, {place: place ?? node.position, ruleId: problem.ruleId, source: 'lectern'})
    }

    const check = (node: Element, slide: Element | undefined): void => {
      const places = node === slide ? placesOf(node) : undefined
      for (const key of Object.keys(node.properties)) {
        const value = node.properties[key]
        if (value === undefined || value === null || key === slideDataProperty) continue
        const attribute = find(html, key).attribute
        // lectern's own lazy source is set at build time, after a `remote-image` warning: by hand it is a `src`.
        if (attribute === 'data-lectern-src') {
          delete node.properties[key]
          if (node.tagName === 'img' && node.properties.src === undefined) node.properties.src = String(value)
          continue
        }
        const text = Array.isArray(value) ? value.join(' ') : String(value)
        const verdict = checkAttribute(attribute, text, trusted)
        const place = places?.[attribute]
        for (const problem of verdict.problems) warn(problem, node, place)
        if (verdict.notes !== undefined) addNotes(slide, verdict.notes, node, place, file, added)
        if (verdict.value === undefined) delete node.properties[key]
        else if (verdict.value !== text) node.properties[key] = verdict.value
      }
      const href = node.properties.href
      if (node.tagName !== 'a' || typeof href !== 'string' || toUrlKind(href) !== 'remote') return
      // reveal.js opens a previewed link inside the deck, in an iframe.
      const preview = node.properties.dataPreviewLink
      const asked = preview !== undefined && preview !== null && /^(?:|true)$/i.test(String(preview))
      if (asked) {
        warn(
          trusted
            ? {reason: `Unexpected preview of remote page \`${href}\`, expected a file in the deck: the deck requests it from the network when clicked`, ruleId: 'remote-request'}
            : {reason: `Unexpected preview of remote page \`${href}\` (\`data-preview-link\`), expected a file in the deck (\`--allow-html\` allows remote pages): removed it, the link opens as a link`, ruleId: 'remote-request'},
          node,
          places?.['data-preview-link']
        )
        if (!trusted) delete node.properties.dataPreviewLink
      } else if (previewLinks && !/^false$/i.test(String(preview ?? ''))) {
        if (trusted) {
          warn({reason: `Unexpected remote link \`${href}\` with \`previewLinks: true\`, expected a file in the deck: the deck requests it from the network when clicked`, ruleId: 'remote-request'}, node, undefined)
        } else {
          if (!previewReported) {
            warn({reason: `Unexpected remote link \`${href}\` with \`previewLinks: true\`, expected a file in the deck (\`--allow-html\` allows remote pages): remote links open as links, not inside the deck`, ruleId: 'remote-request'}, node, file.data.metaPlaces?.reveal)
          }
          previewReported = true
          node.properties.dataPreviewLink = 'false'
        }
      }
    }

    const walk = (nodes: ReadonlyArray<RootContent | ElementContent>, slide: Element | undefined): void => {
      for (const node of nodes) {
        if (node.type !== 'element') continue
        const here = node.tagName === 'section' && typeof node.properties[slideDataProperty] === 'string' ? node : slide
        check(node, here)
        walk(node.children, here)
      }
    }

    walk(tree.children, undefined)
  }
}

/** Where the attributes of a slide's `<!-- .slide: -->` comments were written. */
function placesOf(section: Element): Record<string, Place> | undefined {
  const data = JSON.parse(String(section.properties[slideDataProperty])) as SlideData
  return data.places
}

/** Show `data-notes` as text in the notes of its slide (an `aside.notes` is made when there is none). */
function addNotes(slide: Element | undefined, text: string, node: Element, place: Place | undefined, file: VFile, added: Map<Element, Set<string>>): void {
  // Auto mode shows a slide's content in its notes too: the same element comes twice.
  if (slide && added.get(slide)?.has(text)) return
  const markup = /<[a-z!/?]/i.test(text)
  if (!slide) {
    file.message('Unexpected `data-notes` outside a slide, expected it on a slide or its content: removed it', {
      place: place ?? node.position,
      ruleId: 'data-notes',
      source: 'lectern'
    })
    return
  }
  if (markup) {
    file.message('Unexpected HTML in `data-notes`, expected text: it is shown as text in the notes (reveal.js would run it as HTML)', {
      place: place ?? node.position,
      ruleId: 'data-notes',
      source: 'lectern'
    })
  }
  let notes = slide.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'aside' && Array.isArray(child.properties.className) && child.properties.className.includes('notes')
  )
  if (!notes) {
    notes = {type: 'element', tagName: 'aside', properties: {className: ['notes']}, children: []}
    slide.children.push(notes)
  }
  notes.children.push({type: 'element', tagName: 'p', properties: {}, children: [{type: 'text', value: text}]})
  added.set(slide, new Set([...(added.get(slide) ?? []), text]))
}
