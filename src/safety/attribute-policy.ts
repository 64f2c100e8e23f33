/**
 * The one allow-list for values that reach a page and can load or run
 * something: URL attributes (`data-src`, `data-background-*`,
 * `data-preview-*`), CSS values (`style`, `data-background-gradient`, front
 * matter `style` and `vars`), `data-notes`, and reveal.js options that name
 * a URL. Every origin (raw HTML, attribute comments, pandoc `{…}`
 * attributes, front matter) goes through these functions: a value that
 * could run script is removed, a request off the deck is removed (CSS, a
 * remote page) or kept and reported, so that every request a deck makes was
 * named by a warning at build time.
 */
import {safeUrl} from './sanitize-schema.js'

/** A problem with a value: what to say, and its stable rule. */
export interface Problem {
  reason: string
  ruleId: 'unsafe-attribute' | 'remote-request'
}

/** What becomes of an attribute: its value (`undefined`: removed), what to report, and text for the notes. */
export interface Verdict {
  value: string | undefined
  problems: Problem[]
  /** `data-notes` text, to be shown in the slide's notes as text. */
  notes?: string | undefined
}

/** How a URL is reached: it could run script, it goes to the network, it names a file in the deck, or it is inline. */
export type UrlKind = 'unsafe' | 'remote' | 'local' | 'inline'

/** The kind of a URL, read as a browser would (tabs and newlines dropped, controls and spaces trimmed). */
export function toUrlKind(url: string): UrlKind {
  const value = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
  if (!safeUrl.test(value)) return 'unsafe'
  if (/^data:/i.test(value)) return 'inline'
  // Browsers read `\` as `/` in web URLs: `\\host/x` is `//host/x`.
  if (/^https?:/i.test(value) || /^[/\\]{2}/.test(value)) return 'remote'
  return 'local'
}

/** Whether a CSS `url()` target stays in the deck folder: inline, or relative without leaving it. */
function isInDeck(url: string): boolean {
  const kind = toUrlKind(url)
  if (kind === 'inline') return true
  return kind === 'local' && !/^[/\\]/.test(url.trim()) && !/(?:^|[/\\])\.\.(?:[/\\]|$)/.test(url)
}

/** reveal.js attributes whose value is a URL it loads (a list of them for videos). */
const urlAttributes = new Set([
  'data-src', 'data-background-image', 'data-background-video', 'data-background-iframe',
  'data-preview-image', 'data-preview-video', 'data-preview-link'
])

/** Attributes reveal.js (or the browser) applies as CSS. */
const cssAttributes = new Set([
  'style', 'data-background-gradient', 'data-background-color', 'data-background-size',
  'data-background-position', 'data-background-repeat', 'data-background-opacity'
])

/** Remote slide backgrounds that `rehypeLocalAssets` reports itself (`remote-image`). */
const reportedLater = new Set(['data-background-image', 'data-background-video'])

/** reveal.js reads `data-background` as an image URL when it looks like one, else as CSS. */
const imageLike = /^(?:https?:|file:|\/\/)|\.(?:svg|png|jpe?g|gif|bmp|webp)(?:[?#\s]|$)/i

/**
 * Check one attribute (its HTML name, `data-background-iframe`) of any
 * origin. `trusted` (`--allow-html`) keeps every value and still reports
 * every remote request.
 */
export function checkAttribute(name: string, value: string, trusted: boolean): Verdict {
  const attribute = name.toLowerCase()
  if (attribute === 'data-notes') {
    // reveal.js inserts `data-notes` as HTML in the speaker view: it is shown as text instead.
    return trusted ? {value, problems: []} : {value: undefined, problems: [], notes: value}
  }
  if (attribute === 'data-background') {
    return imageLike.test(value.trim()) && !/\(/.test(value) ? checkUrls(attribute, value, trusted) : checkCssValue(attribute, value, trusted)
  }
  if (urlAttributes.has(attribute)) {
    // `data-preview-link` without a URL previews the link's `href` (checked with it).
    if (attribute === 'data-preview-link' && /^(?:|true|false)$/i.test(value.trim())) return {value, problems: []}
    return checkUrls(attribute, value, trusted)
  }
  if (cssAttributes.has(attribute)) return checkCssValue(attribute, value, trusted)
  return {value, problems: []}
}

function checkUrls(attribute: string, value: string, trusted: boolean): Verdict {
  const urls = attribute === 'data-background-video' ? value.split(',') : [value]
  const problems: Problem[] = []
  let keep = true
  for (const url of urls.map((item) => item.trim()).filter(Boolean)) {
    const kind = toUrlKind(url)
    if (kind === 'unsafe' && !trusted) {
      problems.push({reason: `Unexpected \`${attribute}="${url}"\`, expected a URL that cannot run script: removed it`, ruleId: 'unsafe-attribute'})
      keep = false
    } else if (kind === 'remote' && attribute === 'data-background-iframe' && !trusted) {
      problems.push({
        reason: `Unexpected remote page \`${url}\` in \`${attribute}\`, expected a file in the deck (\`--allow-html\` allows remote pages): removed it`,
        ruleId: 'remote-request'
      })
      keep = false
    } else if (kind === 'remote' && !reportedLater.has(attribute)) {
      problems.push({reason: `Unexpected remote \`${url}\` in \`${attribute}\`, expected a file in the deck: the deck requests it from the network`, ruleId: 'remote-request'})
    }
  }
  return {value: keep ? value : undefined, problems}
}

function checkCssValue(attribute: string, value: string, trusted: boolean): Verdict {
  const result = cleanCss(value, `\`${attribute}\``, trusted)
  if (result.problems.length === 0) return {value, problems: []}
  return {value: result.css.trim() ? result.css : undefined, problems: result.problems}
}

/** CSS that loads or runs something, to look for in text with its escapes decoded. */
const active = /url\s*\(|image-set\s*\(|src\s*\(|@import|expression\s*\(|javascript:|vbscript:|behavior\s*:|-moz-binding/i
const unsafeCss = /expression\s*\(|javascript:|vbscript:|behavior\s*:|-moz-binding/i
const cssUrl = /(?:url|src)\s*\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)|@import\s*(?:"([^"]*)"|'([^']*)')|image-set\s*\(([^)]*)\)/gi

/**
 * Remove from CSS (a stylesheet or a declaration list) each statement or
 * declaration that loads from off the deck (`url()`, `@import`,
 * `image-set()` to a remote, absolute or `..` URL) or runs script (kept
 * when `trusted`); `where` names the CSS in the reasons.
 */
export function cleanCss(css: string, where: string, trusted = false): {css: string; problems: Problem[]} {
  const problems: Problem[] = []
  let result = ''
  for (const [chunk, delimiter] of splitCss(css)) {
    const decoded = decodeCssEscapes(chunk)
    // An escape in CSS that calls a function or an at-rule may hide what it loads.
    const hidden = chunk.includes('\\') && /[(@]/.test(decoded)
    if (!hidden && !active.test(decoded)) {
      result += chunk + delimiter
      continue
    }
    if (unsafeCss.test(decoded) && !trusted) {
      problems.push({reason: `Unexpected \`${decoded.trim()}\` in ${where}, expected CSS that runs no script: removed it`, ruleId: 'unsafe-attribute'})
      result += delimiter === ';' ? '' : delimiter
      continue
    }
    const off = urlsOf(decoded).filter((url) => !isInDeck(url))
    if (off.length === 0 && !hidden) {
      result += chunk + delimiter
      continue
    }
    const named = off.length > 0 ? off.map((url) => `\`${url}\``).join(', ') : `\`${decoded.trim()}\``
    problems.push({reason: `Unexpected ${named} in ${where}, expected a file in the deck: removed \`${decoded.trim()}\``, ruleId: 'remote-request'})
    result += delimiter === ';' ? '' : delimiter
  }
  return {css: result, problems}
}

/** The URLs CSS text names. */
function urlsOf(css: string): string[] {
  const urls: string[] = []
  for (const match of css.matchAll(cssUrl)) {
    if (match[6] !== undefined) {
      for (const string of match[6].matchAll(/"([^"]*)"|'([^']*)'|url\s*\(([^)]*)/gi)) urls.push((string[1] ?? string[2] ?? string[3]).trim())
    } else urls.push((match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '').trim().replace(/^["']|["']$/g, ''))
  }
  // `@import url(…)` is matched as `url(…)`; a bare `@import x` names nothing fetchable but is refused too.
  if (/@import/i.test(css) && urls.length === 0) urls.push(css.replace(/^[\s\S]*?@import\s*/i, '').trim())
  return urls
}

/** CSS split at `;`, `{` and `}` outside strings and parentheses: pairs of text and the delimiter after it. */
function splitCss(css: string): Array<[string, string]> {
  const parts: Array<[string, string]> = []
  let start = 0
  let depth = 0
  let quote = ''
  for (let index = 0; index < css.length; index++) {
    const char = css[index]
    if (char === '\\') {
      index++
      continue
    }
    if (quote) {
      if (char === quote) quote = ''
      continue
    }
    if (char === '"' || char === "'") quote = char
    else if (char === '(') depth++
    else if (char === ')') depth = Math.max(0, depth - 1)
    else if (depth === 0 && (char === ';' || char === '{' || char === '}')) {
      parts.push([css.slice(start, index), char])
      start = index + 1
    }
  }
  parts.push([css.slice(start), ''])
  return parts
}

/** CSS text with its escapes (`\72`, `\(`) read as the characters they stand for. */
function decodeCssEscapes(css: string): string {
  return css.replace(/\\(?:([0-9a-f]{1,6})\s?|([\s\S]))/gi, (_, hex: string | undefined, char: string | undefined) =>
    hex ? String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff) || 0xfffd) : (char ?? '')
  )
}

/** reveal.js options whose value is a URL it loads. */
const urlOptions = new Set(['parallaxBackgroundImage'])

/** Check a reveal.js option (front matter `reveal:` or Quarto's `format: revealjs:`) whose value is a URL, as an attribute is; other options pass. */
export function checkRevealOption(key: string, value: unknown): {keep: boolean; problems: Problem[]} {
  if (!urlOptions.has(key) || typeof value !== 'string') return {keep: true, problems: []}
  const kind = toUrlKind(value)
  if (kind === 'unsafe') {
    return {keep: false, problems: [{reason: `Unexpected \`${key}: ${value}\`, expected a URL that cannot run script: removed it`, ruleId: 'unsafe-attribute'}]}
  }
  if (kind === 'remote') {
    return {keep: true, problems: [{reason: `Unexpected remote \`${value}\` in \`${key}\`, expected a file in the deck: the deck requests it from the network`, ruleId: 'remote-request'}]}
  }
  return {keep: true, problems: []}
}
