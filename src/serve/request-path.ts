/**
 * Request paths, read strictly: a URL path becomes the list of its decoded
 * segments, or a refusal. Nothing here touches the file system; the server
 * then looks segments up among the files a deck declares, so a path can name
 * nothing outside the deck.
 */

/** A request path as segments (`/a/b.png` → `['a', 'b.png']`, `/a/` → `['a', '']`), or the status that refuses it. */
export type RequestPath = {segments: string[]; status?: undefined} | {segments?: undefined; status: 403 | 404}

/**
 * Read the path of a request URL (`req.url`). Refuses (403) dot segments,
 * encoded or not, backslashes, encoded slashes, NUL, empty segments and
 * anything that does not start with `/` (absolute-form URLs); dotfiles are
 * not found (404).
 */
export function toRequestPath(url: string | undefined): RequestPath {
  if (!url || !url.startsWith('/')) return {status: 403}
  const raw = url.replace(/[?#].*$/s, '')
  if (raw.includes('\\')) return {status: 403}
  const parts = raw.slice(1).split('/')
  const segments: string[] = []
  for (const [index, part] of parts.entries()) {
    let segment: string
    try {
      segment = decodeURIComponent(part)
    } catch {
      return {status: 403}
    }
    if (segment === '' && index < parts.length - 1) return {status: 403}
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return {status: 403}
    if (segment.startsWith('.')) return {status: 404}
    segments.push(segment)
  }
  return {segments}
}

/**
 * A relative URL written in a deck (`img/a.png`, `./img/a%20b.png?x`) as a
 * normalized path inside the deck folder (`img/a.png`), or `undefined` when it
 * is not a local file of the deck (a URL with a scheme, a root-absolute or
 * protocol-relative URL, a fragment, a path that leaves the folder, a dotfile).
 */
export function toLocalReference(value: string): string | undefined {
  const url = value.trim()
  if (!url || /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('/') || url.startsWith('#') || url.includes('\\')) return undefined
  const path = url.replace(/[?#].*$/s, '')
  const segments: string[] = []
  for (const part of path.split('/')) {
    let segment: string
    try {
      segment = decodeURIComponent(part)
    } catch {
      return undefined
    }
    if (segment === '' || segment === '.') continue
    if (segment === '..' || segment.startsWith('.') || /[/\\\0]/.test(segment)) return undefined
    segments.push(segment)
  }
  return segments.length > 0 ? segments.join('/') : undefined
}
