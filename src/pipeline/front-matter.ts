/**
 * Front matter: YAML deck options, validated, with problems placed on the
 * line of the markdown file where they are.
 */
import type {Root, Yaml as YamlBlock} from 'mdast'
import type {VFile} from 'vfile'
import type {Node as YamlNode, Pair} from 'yaml'
import {checkRevealOption, cleanCss, type Problem} from '../safety/attribute-policy.js'
import type {DeckMeta} from '../deck/types.js'

type Yaml = typeof import('../markdown/front-matter-yaml.js')

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
  // Quarto: `format: revealjs`, or its options under `format: revealjs:`.
  format: ['string', 'object'],
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

/** A `key: value` pair of the front matter, with the offsets of its key and value in the YAML. */
interface Entry {
  key: string
  value: unknown
  keyOffset: number | undefined
  valueOffset: number | undefined
  node: YamlNode | null
}

type Place = {line: number; column: number}

/** A key the fast path reads: not one YAML reads as `null` or a boolean. */
const plainKey = /^(?!(?:true|false|null)$)[A-Za-z_][\w-]{0,99}$/i
/** A value that is plainly a string in YAML: no indicator first, nothing numeric, boolean or null-like, no comment, no `: `. */
const plainValue = /^(?![-?:,[\]{}#&*!|>'"%@`0-9+.~<=])(?!(?:true|false|null|yes|no|on|off|y|n)$)(?:[^#:\s\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]|:(?=\S)| (?=[^\s#]))*[^#:\s\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]$/i

/**
 * Read front matter made only of `key: plain string` lines without the YAML
 * parser; `undefined` for anything else (comments, quotes, numbers, dates,
 * nesting, duplicate keys …), which the parser then reads.
 */
export function readPlainFrontMatter(yaml: string): Entry[] | undefined {
  const entries: Entry[] = []
  const seen = new Set<string>()
  let offset = 0
  for (const line of yaml.split('\n')) {
    const lineOffset = offset
    offset += line.length + 1
    if (line === '') continue
    const colon = line.indexOf(': ')
    if (colon === -1) return undefined
    const key = line.slice(0, colon)
    let start = colon + 2
    while (line.charCodeAt(start) === 32) start++
    const value = line.slice(start)
    if (!plainKey.test(key) || !plainValue.test(value) || seen.has(key)) return undefined
    seen.add(key)
    entries.push({key, value, keyOffset: lineOffset, valueOffset: lineOffset + start, node: null})
  }
  return entries.length > 0 ? entries : undefined
}

/**
 * Read and validate the front matter of a tree, and remove it from the tree.
 * Unknown keys are warnings; wrong types and invalid YAML are errors.
 */
export async function readFrontMatter(tree: Root, file: VFile): Promise<DeckMeta> {
  const index = tree.children.findIndex((node) => node.type === 'yaml')
  if (index === -1) return {}
  const node = tree.children[index] as YamlBlock
  tree.children.splice(index, 1)
  if (!node.value.trim()) return {}

  // The YAML starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1
  const plain = readPlainFrontMatter(node.value)
  if (plain) {
    const placeOf = (offset: number | undefined): Place => {
      const before = node.value.slice(0, offset ?? 0)
      const lineStart = before.lastIndexOf('\n') + 1
      let line = firstLine
      for (let i = 0; i < lineStart; i++) if (before.charCodeAt(i) === 10) line++
      return {line, column: before.length - lineStart + 1}
    }
    return readEntries(plain, placeOf, file, undefined)
  }

  const yaml: Yaml = await import('../markdown/front-matter-yaml.js')
  const lineCounter = new yaml.LineCounter()
  const document = yaml.parseDocument(node.value, {lineCounter, prettyErrors: false, uniqueKeys: true})
  const placeOf = (offset: number | undefined): Place => {
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
  if (!yaml.isMap(contents)) {
    const message = file.message('Unexpected front matter that is not a map, expected `key: value` lines', {
      place: placeOf(contents?.range?.[0]),
      ruleId: 'front-matter-type',
      source: 'lectern'
    })
    message.fatal = true
    return {}
  }
  return readEntries(toEntries(contents.items as Array<Pair<YamlNode, YamlNode>>, yaml), placeOf, file, yaml)
}

function toEntries(pairs: Array<Pair<YamlNode, YamlNode>>, yaml: Yaml): Entry[] {
  return pairs.map((pair) => ({
    key: yaml.isScalar(pair.key) ? String(pair.key.value) : String(pair.key),
    value: pair.value ? pair.value.toJSON() : null,
    keyOffset: pair.key?.range?.[0],
    valueOffset: pair.value?.range?.[0],
    node: pair.value ?? null
  }))
}

/** Validate the pairs of the front matter into deck options; `yaml` is unset when no value is a YAML node. */
function readEntries(entries: Entry[], placeOf: (offset: number | undefined) => Place, file: VFile, yaml: Yaml | undefined): DeckMeta {
  const meta: Record<string, unknown> = {}
  const places: Record<string, Place> = {}
  file.data.metaPlaces = places
  for (const {key, value, keyOffset, valueOffset, node} of entries) {
    const place = placeOf(keyOffset)
    const kinds = ownValue(deckKeys, key)
    if (!kinds) {
      file.message(`Unexpected front matter key \`${key}\`, expected one of ${Object.keys(deckKeys).map((k) => `\`${k}\``).join(', ')}`, {
        place,
        ruleId: 'front-matter-key',
        source: 'lectern'
      })
      continue
    }
    if (!checkKind(value, kinds, key, place, file)) continue
    if (ownValue(choices, key) && !choices[key].includes(String(value))) {
      const message = file.message(
        `Unexpected \`${key}: ${String(value)}\`, expected one of ${choices[key].map((c) => `\`${c}\``).join(', ')}`,
        {place: placeOf(valueOffset), ruleId: 'front-matter-value', source: 'lectern'}
      )
      message.fatal = true
      continue
    }
    if (key === 'reveal' || key === 'revealOptions') {
      meta.reveal = {...(meta.reveal as object | undefined), ...(yaml ? readRevealOptions(node, placeOf, file, yaml) : {})}
      places.reveal = place
      continue
    }
    if (key === 'format') {
      if (yaml) readQuartoFormat(node, meta, places, placeOf, file, yaml)
      continue
    }
    if (key === 'vars') {
      // A variable's value lands in the deck's CSS: it may not load from off the deck.
      const vars: Record<string, string> = {}
      for (const [name, item] of Object.entries(value as object)) {
        const css = cleanCss(String(item), `\`vars.${name}\``)
        report(css.problems, place, file)
        if (css.css.trim()) vars[name] = css.css
      }
      meta.vars = vars
      places[key] = place
      continue
    }
    if (key === 'style' && typeof value === 'string') {
      const css = cleanCss(value, '`style`')
      report(css.problems, place, file)
      meta.style = css.css
      places[key] = place
      continue
    }
    meta[key] = key === 'author' && Array.isArray(value) ? value.join(', ') : value
    places[key] = place
    if (typeof value === 'number' && ['title', 'subtitle', 'date'].includes(key)) meta[key] = String(value)
  }
  if (meta.date instanceof Date) meta.date = meta.date.toISOString().slice(0, 10)
  return meta as DeckMeta
}

/** Quarto `format: revealjs:` options lectern has a deck option for. */
const quartoDeckKeys: Record<string, keyof DeckMeta> = {theme: 'theme', incremental: 'incremental', transition: 'transition'}

/** Quarto options that lectern does itself (highlighting, math, one folder of files): accepted and unused. */
const quartoHandled = new Set(['self-contained', 'embed-resources', 'html-math-method', 'highlight-style', 'code-block-height'])

/**
 * Quarto's `format`: `revealjs` (or `revealjs: {…}` among other formats).
 * `theme`, `incremental` and `transition` set the deck's options; options
 * reveal.js knows (`slide-number`, `controls`, `transition-speed` …) set
 * them in `reveal`; any other is a warning at its line. Other formats are
 * not for slides and are ignored.
 */
function readQuartoFormat(
  node: YamlNode | null,
  meta: Record<string, unknown>,
  places: Record<string, Place>,
  placeOf: (offset: number | undefined) => Place,
  file: VFile,
  yaml: Yaml
): void {
  if (!node || !yaml.isMap(node)) return
  const revealjs = (node.items as Array<Pair<YamlNode, YamlNode>>).find((pair) => yaml.isScalar(pair.key) && pair.key.value === 'revealjs')
  if (!revealjs?.value || !yaml.isMap(revealjs.value)) return
  const reveal: Record<string, unknown> = {}
  for (const pair of revealjs.value.items as Array<Pair<YamlNode, YamlNode>>) {
    const key = yaml.isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
    const place = placeOf(pair.key?.range?.[0])
    const value = pair.value ? pair.value.toJSON() : null
    const deckKey = ownValue(quartoDeckKeys, key)
    if (deckKey) {
      if (!checkKind(value, deckKeys[deckKey], `format.revealjs.${key}`, place, file)) continue
      if (choices[deckKey] && !choices[deckKey].includes(String(value))) {
        file.message(`Unexpected \`${key}: ${String(value)}\`, expected one of ${choices[deckKey].map((c) => `\`${c}\``).join(', ')}`, {
          place: placeOf(pair.value?.range?.[0]),
          ruleId: 'front-matter-value',
          source: 'lectern'
        })
        continue
      }
      // A key at the top level of the front matter wins over Quarto's format options.
      if (meta[deckKey] === undefined) {
        meta[deckKey] = value
        places[deckKey] = place
      }
      continue
    }
    if (quartoHandled.has(key)) continue
    const option = key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
    const kinds = ownValue(revealKeys, option)
    if (!kinds) {
      file.message(`Unexpected Quarto option \`format.revealjs.${key}\`, expected \`theme\`, \`incremental\`, \`transition\` or an option reveal.js knows`, {
        place,
        ruleId: 'front-matter-key',
        source: 'lectern'
      })
      continue
    }
    if (checkKind(value, kinds, `format.revealjs.${key}`, place, file) && checkOption(option, value, place, file)) reveal[option] = value
  }
  // Options under `reveal:` win over Quarto's.
  meta.reveal = {...reveal, ...(meta.reveal as object | undefined)}
}

function readRevealOptions(
  node: YamlNode | null,
  placeOf: (offset: number | undefined) => Place,
  file: VFile,
  yaml: Yaml
): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  if (!node || !yaml.isMap(node)) return result
  for (const pair of node.items as Array<Pair<YamlNode, YamlNode>>) {
    const key = yaml.isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
    const place = placeOf(pair.key?.range?.[0])
    const value = pair.value ? pair.value.toJSON() : null
    const kinds = ownValue(revealKeys, key)
    if (!kinds) {
      file.message(`Unexpected reveal.js option \`${key}\`, expected an option reveal.js knows`, {
        place,
        ruleId: 'reveal-option',
        source: 'lectern'
      })
      continue
    }
    if (checkKind(value, kinds, `reveal.${key}`, place, file) && checkOption(key, value, place, file)) result[key] = value
  }
  return result
}

/** Whether a reveal.js option may be kept (an option naming a URL is checked as a URL attribute is). */
function checkOption(key: string, value: unknown, place: Place, file: VFile): boolean {
  const verdict = checkRevealOption(key, value)
  report(verdict.problems, place, file)
  return verdict.keep
}

/** Warn at a place of the front matter about what the allow-list removed or reports. */
function report(problems: ReadonlyArray<Problem>, place: Place, file: VFile): void {
  for (const problem of problems) file.message(problem.reason, {place, ruleId: problem.ruleId, source: 'lectern'})
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

/** A table's own entry for a key: `constructor` or `__proto__` in front matter is just an unknown key. */
function ownValue<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}
