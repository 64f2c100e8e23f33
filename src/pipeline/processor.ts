/**
 * The unified chain: markdown in, a reveal.js page out.
 */
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified, type Pluggable, type Processor} from 'unified'
import type {Root as HastRoot} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import type {FileAccess} from '../safety/project-root.js'
import {contentHandlers} from './content-handlers.js'
import {hasClass, hasRaw, lazyPlugin} from './lazy-plugin.js'
import rehypeCheckAttributes from './rehype-check-attributes.js'
import rehypeColumns from './rehype-columns.js'
import rehypeLocalAssets from './rehype-local-assets.js'
import rehypeNotesMath from './rehype-notes-math.js'
import rehypePositions from './rehype-positions.js'
import rehypeReveal from './rehype-reveal.js'
import rehypeSanitizeSlides, {type Options as SanitizeOptions} from './rehype-sanitize-slides.js'
import rehypeRevealDocument, {type Options as DocumentOptions} from './rehype-reveal-document.js'
import rehypeSlideFootnotes from './rehype-slide-footnotes.js'
import remarkSlides, {type Options as SlidesOptions} from './remark-slides.js'
import {remarkSyntax} from '../markdown/syntax.js'
import {slideHandlers} from '../slides/to-hast.js'
import {nextTurn} from '../next-turn.js'

export interface Options extends SlidesOptions, DocumentOptions, SanitizeOptions {
  /** Make a whole page; `false` gives the `.reveal` frame alone (default: `true`). */
  document?: boolean | null | undefined
  /** Write each element's markdown `line:column` as `data-lectern-position`, for `lectern check` (default: `false`). */
  positions?: boolean | null | undefined
  /** Folders local pictures may come from, from `resolveFileAccess()` (default: the project root of each file). */
  fileAccess?: Readonly<FileAccess> | null | undefined
  /** Let the event loop run between passes, so a server keeps answering while a large deck renders (default: `false`). */
  yieldBetweenPasses?: boolean | null | undefined
  /** Stop between passes when aborted, rejecting with the signal's reason (default: none). */
  signal?: AbortSignal | null | undefined
}

/** Classes rehype-katex renders. */
const mathClasses = new Set(['language-math', 'math-display', 'math-inline'])

/** Create the frozen processor that turns markdown into a reveal.js page. */
export function createProcessor(options?: Readonly<Options> | null): Processor<MdastRoot, MdastRoot, HastRoot, HastRoot, string> {
  const settings = options || {}
  const passes: Pluggable[] = [
    [remarkSlides, settings],
    [remarkRehype, {allowDangerousHtml: true, handlers: {...slideHandlers, ...contentHandlers}}],
    // parse5 (rehype-raw) loads only for decks with raw HTML; a tree without `raw` nodes needs no re-parse.
    lazyPlugin(() => import('rehype-raw'), hasRaw),
    // Every attribute, whatever wrote it, goes through one allow-list; then raw HTML is sanitized.
    [rehypeCheckAttributes, settings],
    [rehypeSanitizeSlides, settings],
    rehypeColumns,
    // What lectern generates comes after sanitizing, so its markup is kept whole.
    // highlight.js and KaTeX load only for decks with code or math.
    lazyPlugin(() => import('./rehype-highlight-code.js'), (tree) => hasClass(tree, (name) => name.startsWith('language-'))),
    lazyPlugin(() => import('rehype-katex'), (tree) => hasClass(tree, (name) => mathClasses.has(name))),
    rehypeNotesMath,
    rehypeSlideFootnotes,
    [rehypeLocalAssets, {fileAccess: settings.fileAccess}],
    rehypeReveal
  ]
  if (settings.positions) passes.push(rehypePositions)
  if (settings.document !== false) passes.push([rehypeRevealDocument, settings])
  const processor = unified().use(remarkParse).use(remarkSyntax)
  for (const pass of passes) {
    processor.use([pass])
    if (settings.yieldBetweenPasses) processor.use(pause(settings.signal ?? undefined))
  }
  return processor.use(rehypeStringify).freeze() as unknown as Processor<MdastRoot, MdastRoot, HastRoot, HastRoot, string>
}

/** A pass that lets the event loop run (a new plugin each time: unified attaches a plugin once). */
function pause(signal: AbortSignal | undefined) {
  return function () {
    return async function (): Promise<undefined> {
      await nextTurn(signal)
    }
  }
}
