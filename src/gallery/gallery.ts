/**
 * The theme gallery: lectern's sample deck built once per theme, and a page
 * that shows the same slides side by side in every theme. Plain files that
 * open from `file://`, offline; written to a temporary folder and swapped in.
 */
import {rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import {toString} from 'hast-util-to-string'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {LecternError, toWriteError} from '../errors.js'
import {toHtmlPage} from '../html-page.js'
import {themesDir} from '../paths.js'
import {hasClassName} from '../tree/has-class-name.js'
import {listThemes, loadTheme, type Theme} from '../themes/theme.js'
import {resolveConfig} from '../config/resolve.js'
import {deckName, swapInto, writeDeck} from '../output/deck-folder.js'
import {readDeckText} from '../render/inputs.js'
import {renderDeck, toFile, type RenderedDeck} from '../render/render.js'
import {toRelativePath} from '../relative-path.js'
import {temporaryToken} from '../output/interrupted.js'
import {makeFolders} from '../output/make-folders.js'

/** Options for `buildGallery`. */
export interface GalleryOptions {
  /** Folder the gallery goes in, as `<outDir>/themes/index.html` (default: `'dist'`). */
  outDir?: string | null | undefined
  /** Folder relative paths are resolved from (default: `process.cwd()`). */
  cwd?: string | null | undefined
  /** Themes to show, by name or path (default: every built-in theme). */
  themes?: ReadonlyArray<string> | null | undefined
  /** The deck shown in every theme (default: lectern's `themes/sample.md`). */
  sample?: string | null | undefined
}

/** One slide of the sample deck, as reveal.js addresses it. */
export interface GallerySlide {
  /** `#/h` or `#/h/v`. */
  hash: string
  /** The slide's title. */
  title: string
}

/** One theme in the gallery. */
export interface GalleryTheme {
  name: string
  description: string
  /** Folder of the theme's deck, relative to the gallery (`light/sample/index.html`). */
  deck: string
}

/** What `buildGallery` wrote. */
export interface GalleryResult {
  /** The gallery page (`<outDir>/themes/index.html`); `undefined` when a deck had errors. */
  output: string | undefined
  themes: GalleryTheme[]
  slides: GallerySlide[]
  /** The sample deck's file per theme, with its messages. */
  files: VFile[]
}

/** The sample deck the gallery shows. */
export function sampleDeck(): string {
  return path.join(themesDir(), 'sample.md')
}

/** Build the sample deck in every theme and a page showing them side by side. */
export async function buildGallery(options?: Readonly<GalleryOptions> | null): Promise<GalleryResult> {
  const settings = options || {}
  const {cwd, outDir} = resolveConfig(settings, 'themes')
  const sample = path.resolve(cwd, settings.sample ?? sampleDeck())
  // Load every theme first: a bad name fails before anything is written.
  const themes: Theme[] = settings.themes ? settings.themes.map((name) => loadTheme(name, cwd)) : listThemes()
  if (themes.length === 0) throw new LecternError('THEME', 'No themes to show, expected at least one theme')

  const token = temporaryToken()
  const temporary = path.join(outDir, `.lectern-tmp-themes-${token}`)
  const target = path.join(outDir, 'themes')
  const entries: GalleryTheme[] = []
  const files: VFile[] = []
  let slides: GallerySlide[] = []
  try {
    await makeFolders(temporary)
    const folders = new Set<string>()
    for (const theme of themes) {
      let folder = theme.name.replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '') || 'theme'
      while (folders.has(folder)) folder += '-'
      folders.add(folder)
      const input = toRelativePath(cwd, sample)
      const file = toFile(readDeckText(sample, input), input, cwd)
      files.push(file)
      const rendered = await renderSample(file, theme)
      if (!rendered) {
        await rm(temporary, {recursive: true, force: true})
        return {output: undefined, themes: entries, slides, files}
      }
      const output = await writeDeck(path.join(temporary, folder), deckName(sample), rendered.html, rendered.assets)
      if (slides.length === 0) slides = toGallerySlides(rendered.html)
      entries.push({
        name: theme.name,
        description: theme.description,
        deck: path.relative(temporary, output).split(path.sep).join('/')
      })
    }
    await writeFile(path.join(temporary, 'index.html'), toGalleryPage(entries, slides))
    await swapInto(temporary, target, token)
  } catch (error) {
    await rm(temporary, {recursive: true, force: true})
    throw toWriteError(target, error)
  }
  return {output: path.join(target, 'index.html'), themes: entries, slides, files}
}

/** The sample rendered in a theme; `undefined` when it has errors (they are on `file`). */
async function renderSample(file: VFile, theme: Theme): Promise<RenderedDeck | undefined> {
  try {
    const rendered = await renderDeck(file, {theme: theme.path, cwd: file.cwd})
    return file.messages.some((message) => message.fatal) ? undefined : rendered
  } catch (error) {
    // A plugin's `file.fail()` is already a fatal message of the deck.
    if (error instanceof VFileMessage && file.messages.includes(error)) return undefined
    throw error
  }
}

/** The slides of a built deck, in order, with the hash reveal.js opens each at. */
export function toGallerySlides(html: string): GallerySlide[] {
  const tree = unified().use(rehypeParse).parse(html)
  const frame = findElement(tree, (node) => hasClassName(node, 'slides'))
  const slides: GallerySlide[] = []
  const sections = (node: Element | undefined) =>
    (node?.children ?? []).filter((child): child is Element => child.type === 'element' && child.tagName === 'section')
  for (const [h, section] of sections(frame).entries()) {
    const nested = sections(section)
    if (nested.length === 0) slides.push({hash: `#/${h}`, title: titleOf(section)})
    for (const [v, child] of nested.entries()) slides.push({hash: `#/${h}/${v}`, title: titleOf(child)})
  }
  return slides
}

/** The gallery page: per theme, its name, description and the sample slides in frames. */
export function toGalleryPage(themes: ReadonlyArray<GalleryTheme>, slides: ReadonlyArray<GallerySlide>): string {
  const page = toHtmlPage({
    title: 'lectern themes',
    meta: {generator: 'lectern'},
    style: galleryStyle,
    body: [
      h('header', [
        h('h1', 'lectern themes'),
        h('p', [
          'The same sample slides in every theme. Choose one with ',
          h('code', 'lectern build deck.md --theme NAME'),
          ' or front matter ',
          h('code', 'theme: NAME'),
          '.'
        ])
      ]),
      h(
        'nav',
        themes.map((theme) => h('a', {href: `#theme-${theme.name}`}, theme.name))
      ),
      ...themes.map((theme) =>
        h('section.theme', {id: `theme-${theme.name}`}, [
          h('h2', theme.name),
          h('p', [theme.description, ' ', h('a', {href: theme.deck}, 'Open the deck →')]),
          h(
            'div.strip',
            slides.map((slide, index) =>
              h('figure', [
                // A full-size canvas scaled down: under 435px wide reveal.js switches to its scroll view.
                h('div.frame', [
                  h('iframe', {
                    src: `${theme.deck}${slide.hash}`,
                    title: `${theme.name}: slide ${index + 1}, ${slide.title}`,
                    width: 1280,
                    height: 720,
                    tabIndex: -1
                  })
                ]),
                h('figcaption', `${index + 1} · ${slide.title}`)
              ])
            )
          )
        ])
      )
    ]
  })
  return page + '\n'
}

const galleryStyle = `
body { margin: 0 auto; max-width: 1400px; padding: 24px 32px 64px; font-family: system-ui, sans-serif; color: #1f2328; background: #f6f7f9; }
h1 { margin: 0 0 8px; } header p { margin: 0 0 16px; color: #444c56; }
nav { display: flex; gap: 16px; margin-bottom: 24px; } nav a, section a { color: #1d5fc4; }
code { font-family: ui-monospace, monospace; background: #e8eaee; padding: 0 4px; border-radius: 3px; }
section.theme { margin: 0 0 40px; } section.theme h2 { margin: 0 0 4px; } section.theme p { margin: 0 0 12px; color: #444c56; }
.strip { display: grid; grid-template-columns: repeat(auto-fill, 416px); gap: 16px; }
figure { margin: 0; } figcaption { font-size: 13px; color: #444c56; margin-top: 4px; }
.frame { width: 416px; height: 234px; overflow: hidden; border: 1px solid #d0d7de; border-radius: 4px; background: #fff; }
iframe { display: block; width: 1280px; height: 720px; border: 0; transform: scale(0.325); transform-origin: 0 0; pointer-events: none; }
`

function titleOf(section: Element): string {
  const heading = findElement(section, (node) => /^h[1-6]$/.test(node.tagName))
  return heading ? toString(heading).trim() : ''
}

function findElement(node: Root | Element, test: (node: Element) => boolean): Element | undefined {
  for (const child of node.children as Array<ElementContent | Root['children'][number]>) {
    if (child.type !== 'element') continue
    if (test(child)) return child
    const found = findElement(child, test)
    if (found) return found
  }
  return undefined
}
