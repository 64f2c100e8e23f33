/**
 * Front matter: YAML deck options, validated, with problems placed on the
 * line of the markdown file where they are.
 */
import type {Root, Yaml} from 'mdast'
import type {VFile} from 'vfile'
import {isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode, type Pair} from 'yaml'
import type {DeckMeta} from './types.js'

type Kind = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null'

/** Deck keys and the types they accept. */
const deckKeys: Record<string, Kind[]> = {
  title: ['string', 'number'],
  subtitle: ['string', 'number'],
  author: ['string', 'array'],
  date: ['string', 'number'],
  lang: ['string'],
  theme: ['string'],
  aspect: ['string'],
  transition: ['string'],
  duration: ['number'],
  incremental: ['boolean'],
  split: ['string'],
  html: ['boolean'],
  vars: ['object'],
  style: ['string'],
  reveal: ['object'],
  // reveal-md's name for `reveal`.
  revealOptions: ['object'],
  // Keys common in other tools' front matter, accepted and unused.
  description: ['string'],
  tags: ['array', 'string'],
  categories: ['array', 'string'],
  keywords: ['array', 'string'],
  // reveal-md's code theme: lectern highlights with the deck theme's colours.
  highlightTheme: ['string']
}

/** Options reveal.js knows, with the types it accepts. */
export const revealKeys: Record<string, Kind[]> = Object.fromEntries(
  (
    [
      ['controls', 'boolean'], ['controlsTutorial', 'boolean'], ['controlsLayout', 'string'],
      ['controlsBackArrows', 'string'], ['progress', 'boolean'], ['slideNumber', 'boolean string'],
      ['showSlideNumber', 'string'], ['hashOneBasedIndex', 'boolean'], ['hash', 'boolean'],
      ['respondToHashChanges', 'boolean'], ['jumpToSlide', 'boolean'], ['history', 'boolean'],
      ['keyboard', 'boolean object'], ['disableLayout', 'boolean'], ['overview', 'boolean'],
      ['center', 'boolean'], ['touch', 'boolean'], ['loop', 'boolean'], ['rtl', 'boolean'],
      ['navigationMode', 'string'], ['shuffle', 'boolean'], ['fragments', 'boolean'],
      ['fragmentInURL', 'boolean'], ['embedded', 'boolean'], ['help', 'boolean'], ['pause', 'boolean'],
      ['showNotes', 'boolean string'], ['autoPlayMedia', 'boolean null'], ['preloadIframes', 'boolean null'],
      ['autoAnimate', 'boolean'], ['autoAnimateEasing', 'string'], ['autoAnimateDuration', 'number'],
      ['autoAnimateUnmatched', 'boolean'], ['autoSlide', 'number boolean'], ['autoSlideStoppable', 'boolean'],
      ['defaultTiming', 'number null'], ['mouseWheel', 'boolean'], ['previewLinks', 'boolean'],
      ['postMessage', 'boolean'], ['postMessageEvents', 'boolean'],
      ['focusBodyOnPageVisibilityChange', 'boolean'], ['transition', 'string'],
      ['transitionSpeed', 'string'], ['backgroundTransition', 'string'],
      ['pdfMaxPagesPerSlide', 'number'], ['pdfSeparateFragments', 'boolean'],
      ['pdfPageHeightOffset', 'number'], ['viewDistance', 'number'], ['mobileViewDistance', 'number'],
      ['display', 'string'], ['hideInactiveCursor', 'boolean'], ['hideCursorTime', 'number'],
      ['width', 'number string'], ['height', 'number string'], ['margin', 'number'],
      ['minScale', 'number'], ['maxScale', 'number'], ['parallaxBackgroundImage', 'string'],
      ['parallaxBackgroundSize', 'string'], ['parallaxBackgroundRepeat', 'string'],
      ['parallaxBackgroundPosition', 'string'], ['parallaxBackgroundHorizontal', 'number null'],
      ['parallaxBackgroundVertical', 'number null'], ['view', 'string null'],
      ['scrollProgress', 'boolean string'], ['scrollSnap', 'boolean string'],
      ['scrollLayout', 'string'], ['scrollActivationWidth', 'number null'],
      ['sortFragmentsOnSync', 'boolean'], ['totalTime', 'number null'],
      ['minimumTimePerSlide', 'number'], ['slideNumberFormat', 'string'], ['mathjax', 'string']
    ] as const
  ).map(([key, kinds]) => [key, kinds.split(' ') as Kind[]])
)

const choices: Record<string, string[]> = {
  aspect: ['16:9', '4:3'],
  split: ['auto', 'manual'],
  transition: ['none', 'fade', 'slide', 'convex', 'concave', 'zoom']
}

/**
 * Read and validate the front matter of a tree, and remove it from the tree.
 * Unknown keys are warnings; wrong types and invalid YAML are errors.
 */
export function readFrontMatter(tree: Root, file: VFile): DeckMeta {
  const index = tree.children.findIndex((node) => node.type === 'yaml')
  if (index === -1) return {}
  const node = tree.children[index] as Yaml
  tree.children.splice(index, 1)
  if (!node.value.trim()) return {}

  const lineCounter = new LineCounter()
  const document = parseDocument(node.value, {lineCounter, prettyErrors: false, uniqueKeys: true})
  // The YAML starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1
  const placeOf = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0)
    return {line: firstLine + pos.line - 1, column: pos.col}
  }

  for (const error of document.errors) {
    const message = file.message(
      `Unexpected invalid YAML in front matter: ${error.message.split('\n')[0]}, expected \`key: value\` lines`,
      {place: placeOf(error.pos[0]), ruleId: 'front-matter-yaml', source: 'lectern'}
    )
    message.fatal = true
  }
  if (document.errors.length > 0) return {}

  const contents = document.contents
  if (!isMap(contents)) {
    const message = file.message('Unexpected front matter that is not a map, expected `key: value` lines', {
      place: placeOf(contents?.range?.[0]),
      ruleId: 'front-matter-type',
      source: 'lectern'
    })
    message.fatal = true
    return {}
  }

  const meta: Record<string, unknown> = {}
  for (const pair of contents.items as Array<Pair<YamlNode, YamlNode>>) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
    const place = placeOf(pair.key?.range?.[0])
    const value = pair.value ? pair.value.toJSON() : null
    const kinds = deckKeys[key]
    if (!kinds) {
      file.message(`Unexpected front matter key \`${key}\`, expected one of ${Object.keys(deckKeys).map((k) => `\`${k}\``).join(', ')}`, {
        place,
        ruleId: 'front-matter-key',
        source: 'lectern'
      })
      continue
    }
    if (!checkKind(value, kinds, key, place, file)) continue
    if (choices[key] && !choices[key].includes(String(value))) {
      const message = file.message(
        `Unexpected \`${key}: ${String(value)}\`, expected one of ${choices[key].map((c) => `\`${c}\``).join(', ')}`,
        {place: placeOf(pair.value?.range?.[0]), ruleId: 'front-matter-value', source: 'lectern'}
      )
      message.fatal = true
      continue
    }
    if (key === 'reveal' || key === 'revealOptions') {
      meta.reveal = {...(meta.reveal as object | undefined), ...readRevealOptions(pair.value, placeOf, file)}
      continue
    }
    if (key === 'vars') {
      meta.vars = Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, String(v)]))
      continue
    }
    meta[key] = key === 'author' && Array.isArray(value) ? value.join(', ') : value
    if (typeof value === 'number' && ['title', 'subtitle', 'date'].includes(key)) meta[key] = String(value)
  }
  if (meta.date instanceof Date) meta.date = meta.date.toISOString().slice(0, 10)
  return meta as DeckMeta
}

function readRevealOptions(
  node: YamlNode | null,
  placeOf: (offset: number | undefined) => {line: number; column: number},
  file: VFile
): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  if (!node || !isMap(node)) return result
  for (const pair of node.items as Array<Pair<YamlNode, YamlNode>>) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
    const place = placeOf(pair.key?.range?.[0])
    const value = pair.value ? pair.value.toJSON() : null
    const kinds = revealKeys[key]
    if (!kinds) {
      file.message(`Unexpected reveal.js option \`${key}\`, expected an option reveal.js knows`, {
        place,
        ruleId: 'reveal-option',
        source: 'lectern'
      })
      continue
    }
    if (checkKind(value, kinds, `reveal.${key}`, place, file)) result[key] = value
  }
  return result
}

function checkKind(
  value: unknown,
  kinds: Kind[],
  key: string,
  place: {line: number; column: number},
  file: VFile
): boolean {
  if (kinds.includes(kindOf(value))) return true
  const message = file.message(
    `Unexpected ${kindOf(value)} for \`${key}\`, expected ${kinds.join(' or ')}`,
    {place, ruleId: 'front-matter-type', source: 'lectern'}
  )
  message.fatal = true
  return false
}

function kindOf(value: unknown): Kind {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return 'array'
  if (value instanceof Date) return 'string'
  const type = typeof value
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object'
}
