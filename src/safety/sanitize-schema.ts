/**
 * The rehype-sanitize schema for decks: GitHub's rules, plus what slides
 * need (the `<section>`/`<aside class="notes">` structure, classes and
 * `data-*` attributes for fragments and slide attributes, ids, media), minus
 * anything that runs script or loads a page: scripts, event handlers,
 * `javascript:`/`vbscript:`/`data:text/html` URLs, CSS `url()`, iframes,
 * objects, embeds, forms, `meta`/`base`/`link`.
 */
import {defaultSchema} from 'rehype-sanitize'
import type {Options as Schema} from 'rehype-sanitize'

/**
 * A URL that cannot run script: relative (no scheme before the first `/`,
 * `?` or `#`), `http(s):`, or a `data:` image. An allow list, so
 * `java&#9;script:` and ` javascript:` are refused too.
 */
export const safeUrl = /^(?:https?:|data:image\/(?:png|jpe?g|gif|webp|avif|svg\+xml)[;,]|[^:/?#]*(?:[/?#]|$))/i

/** A `srcset`: candidates whose only schemes are `http(s):`. */
const safeSrcSet = /^(?:[^:]|https?:)*$/i

/**
 * Inline CSS without anything that loads or runs: no `url(`, `image-set(`,
 * `expression(`, `@import`, `behavior`, `-moz-binding`, escapes or
 * markup characters.
 */
export const safeStyle = /^(?![\s\S]*(?:url\s*\(|image-set|expression|javascript|vbscript|@import|behavior|binding|[\\<>&]))[\s\S]*$/i

/** reveal.js attributes whose value is a URL it loads. */
const urlData = ['dataBackground', 'dataBackgroundImage', 'dataBackgroundVideo', 'dataSrc', 'dataPreviewImage', 'dataPreviewVideo']

const aria = ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy', 'ariaHidden', 'role']

/** Elements whose content goes with them: it is code, or text no slide shows. */
export const strippedTagNames = [
  'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'noscript', 'noembed', 'noframes', 'textarea', 'title', 'xmp', 'plaintext', 'select',
  'meta', 'base', 'link', 'param'
]

// Classes are allowed everywhere (fragments, `.element` comments), so the
// default schema's per-element class lists, which would drop other classes, go.
type Definition = NonNullable<Schema['attributes']>[string][number]

const defaults: Record<string, Definition[]> = Object.fromEntries(
  Object.entries(defaultSchema.attributes ?? {}).map(([tag, definitions]) => [
    tag,
    definitions.filter((definition) => typeof definition === 'string' || definition[0] !== 'className')
  ])
)

/** The schema `rehypeSanitizeSlides` applies. */
export const sanitizeSchema: Readonly<Schema> = Object.freeze({
  ...defaultSchema,
  // Keep ids as written: slide links (`#/intro`) and GFM footnotes (already
  // prefixed by remark-rehype) need them. `name` is dropped (form and
  // `document.x` clobbering).
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
  strip: strippedTagNames,
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'abbr', 'aside', 'audio', 'caption', 'cite', 'col', 'colgroup', 'dfn', 'figcaption', 'figure',
    'footer', 'header', 'mark', 'small', 'time', 'track', 'u', 'video', 'wbr'
  ],
  protocols: {
    ...defaultSchema.protocols,
    // `src` is checked per element below, so that `data:` images pass.
    src: []
  },
  attributes: {
    ...defaults,
    a: <Definition[]>[...(defaults.a ?? []), 'target', 'rel', 'download'],
    img: <Definition[]>[...aria, 'longDesc', ['src', safeUrl], ['srcSet', safeSrcSet], 'loading', 'decoding', 'sizes'],
    source: <Definition[]>[['src', safeUrl], ['srcSet', safeSrcSet], 'type', 'sizes'],
    video: <Definition[]>[['src', safeUrl], ['poster', safeUrl], 'controls', 'autoPlay', 'loop', 'muted', 'playsInline', 'preload'],
    audio: <Definition[]>[['src', safeUrl], 'controls', 'autoPlay', 'loop', 'muted', 'preload'],
    track: <Definition[]>[['src', safeUrl], 'kind', 'srcLang', 'label', 'default'],
    // A slide's background page may be a file of the deck, never a remote page or script.
    section: <Definition[]>[...(defaults.section ?? []), ['dataBackgroundIframe', /^(?![a-z][a-z\d+.-]*:|[/\\]{2})[^\s]/i]],
    // GFM task lists: a disabled checkbox, checked or not.
    input: <Definition[]>[['disabled', true], ['type', 'checkbox'], 'checked'],
    '*': <Definition[]>[
      ...(defaults['*'] ?? []).filter((name) => name !== 'name'),
      ...aria,
      'className',
      ['style', safeStyle],
      // reveal.js: anything it loads must be a safe URL; it never gets an iframe.
      ...urlData.map((name): Definition => [name, safeUrl]),
      ['dataBackgroundIframe', /^(?!)/],
      ['dataPreviewLink', /^(?:|true|false)$/],
      'data*'
    ]
  }
})
