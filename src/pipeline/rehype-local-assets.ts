/**
 * rehype plugin: make a deck's pictures travel with it. Local images (and
 * videos, and `data-background-image`/`-video` on slides) are resolved from
 * the markdown file's folder, recorded on `file.data.media` to be copied to
 * `assets/media/<content-hash>.<ext>`, and their references rewritten. A
 * missing file, or one outside the folders the deck may read (its project
 * root, `--allow-fs`), is a warning and shows as its alt text, so the page
 * never requests it and nothing of it is copied; a remote one is kept and
 * reported, since the deck then needs the network.
 */
import {createRequire} from 'node:module'
import {readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Element, Root} from 'hast'
import type {VFile} from 'vfile'
import {isAllowedFile, resolveFileAccess, toOutsideReason, type FileAccess} from '../safety/project-root.js'
import {toDisplayPath} from '../relative-path.js'

/** A file the deck needs, copied into its folder. */
export interface MediaFile {
  /** Path inside the deck folder (`assets/media/3f2a….png`). */
  path: string
  /** Absolute path of the original. */
  from: string
}

declare module 'vfile' {
  interface DataMap {
    /** Local media the page references, set by `rehypeLocalAssets`, copied by `lectern build`. */
    media: MediaFile[]
  }
}

export interface Options {
  /** Folder in the deck the files go to (default: `'assets/media'`). */
  folder?: string | null | undefined
  /** Folders files may come from, from `resolveFileAccess()` (default: the project root of the markdown file). */
  fileAccess?: Readonly<FileAccess> | null | undefined
}

/** Attributes holding a media URL, by element. */
const sourceAttributes: Record<string, string[]> = {
  img: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  source: ['src'],
  section: ['dataBackgroundImage', 'dataBackgroundVideo']
}

/** Copy local media into the deck and rewrite references to them. */
export default function rehypeLocalAssets(options?: Readonly<Options> | null) {
  const folder = options?.folder ?? 'assets/media'

  return function (tree: Root, file: VFile): undefined {
    const base = path.resolve(file.cwd, file.dirname ?? '.')
    const access = options?.fileAccess ?? resolveFileAccess(file.path, [], file.cwd)
    const media: MediaFile[] = (file.data.media ??= [])
    const byPath = new Map<string, string>()
    // Continuation slides repeat their slide's background: it is refused once.
    const refusedBackgrounds = new Set<string>()

    // Elements in document order; a picture replaced by its alt text is not entered.
    const walk = (parent: Root | Element): void => {
      for (let index = 0; index < parent.children.length; index++) {
        const node = parent.children[index]
        if (node.type === 'element' && !relink(node, index, parent)) walk(node)
      }
    }

    /** Point a media reference at its copy in the deck; `true` when the element was replaced. */
    const relink = (node: Element, index: number, parent: Root | Element): boolean => {
      const names = sourceAttributes[node.tagName]
      if (!names) return false
      for (const name of names) {
        const value = node.properties[name]
        if (typeof value !== 'string' || !value.trim()) continue
        const reference = value.trim()
        if (/^(?:data|blob):/i.test(reference) || reference.startsWith('#')) continue
        if (/^(?:[a-z][a-z\d+.-]*:)?\/\//i.test(reference) && !/^file:/i.test(reference)) {
          file.message(`Unexpected remote ${describe(node)} \`${reference}\`, expected a local file: the deck is not offline`, {
            place: node.position,
            ruleId: 'remote-image',
            source: 'lectern'
          })
          if (node.tagName === 'img' && name === 'src') {
            // A remote picture loads when its slide is shown (src/client/remote-images.ts), not
            // when the deck opens: offline, a deck full of badges still starts cleanly.
            node.properties.dataLecternSrc = reference
            delete node.properties.src
          }
          continue
        }
        const absolute = toAbsolute(reference, base)
        // A file that is not there is missing wherever it would be (a saved page's `/images/…`).
        if (absolute && isFile(absolute) && !isAllowedFile(access, absolute)) {
          if (node.tagName !== 'section' || !refusedBackgrounds.has(absolute)) {
            file.message(toOutsideReason(`${describe(node)} \`${reference}\``, access, file.cwd), {
              place: node.position ?? parent.position,
              ruleId: 'outside-root',
              source: 'lectern'
            })
          }
          if (node.tagName === 'section') refusedBackgrounds.add(absolute)
          if (leaveOut(node, name, reference, index, parent)) return true
          continue
        }
        let target = absolute ? byPath.get(absolute) : undefined
        if (absolute && !target && isFile(absolute)) {
          const hash = crypto().createHash('sha256').update(readFileSync(absolute)).digest('hex').slice(0, 16)
          target = `${folder}/${hash}${path.extname(absolute).toLowerCase()}`
          byPath.set(absolute, target)
          if (!media.some((entry) => entry.path === target)) media.push({path: target, from: absolute})
        }
        if (target) {
          node.properties[name] = target
          continue
        }
        file.message(
          `Unexpected missing ${describe(node)} \`${reference}\`, expected a file at \`${absolute ? toDisplayPath(absolute, file.cwd) : reference}\``,
          {place: node.position ?? parent.position, ruleId: 'missing-image', source: 'lectern'}
        )
        if (leaveOut(node, name, reference, index, parent)) return true
      }
      return false
    }

    walk(tree)
  }
}

/**
 * Drop a reference the page cannot have; a picture becomes its alt text, so
 * the page never requests it. `true` when the element was replaced.
 */
function leaveOut(node: Element, name: string, reference: string, index: number, parent: Root | Element): boolean {
  delete node.properties[name]
  if (node.tagName !== 'img') return false
  // The alt text keeps the image's own attributes (a fragment stays a fragment).
  const {alt, src, srcSet, width, height, loading, decoding, ...kept} = node.properties
  const classes = Array.isArray(kept.className) ? kept.className : []
  parent.children.splice(index, 1, {
    type: 'element',
    tagName: 'span',
    properties: {...kept, className: [...classes, 'lectern-missing-image'], title: reference},
    children: [{type: 'text', value: (typeof alt === 'string' && alt) || path.basename(reference)}],
    position: node.position
  })
  return true
}

function describe(node: Element): string {
  if (node.tagName === 'section') return 'slide background'
  if (node.tagName === 'img') return 'image'
  return node.tagName === 'source' ? 'media source' : node.tagName
}

/** The file a reference names, relative to the markdown file's folder. */
function toAbsolute(reference: string, base: string): string | undefined {
  if (/^file:/i.test(reference)) {
    try {
      return fileURLToPath(reference)
    } catch {
      return undefined
    }
  }
  const bare = reference.replace(/[?#].*$/, '')
  let decoded = bare
  try {
    decoded = decodeURIComponent(bare)
  } catch {
    // Keep the reference as written when it is not valid percent-encoding.
  }
  return path.resolve(base, decoded)
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}

/** `node:crypto`, loaded when a deck has a picture to copy: most builds never need it. */
function crypto(): typeof import('node:crypto') {
  return createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')
}
