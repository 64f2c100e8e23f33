/**
 * rehype plugin: highlight code blocks at build time with lowlight (the
 * highlight.js grammars), so the page needs no highlighting script. Tokens get
 * highlight.js's `hljs-*` classes, coloured by `--lectern-code-*` variables in
 * lectern.css; the block keeps its language as `data-lang` on the `<pre>`,
 * which lectern.css shows as a small label.
 */
import type {Element, ElementContent, Root} from 'hast'
import {toString} from 'hast-util-to-string'
import {common, createLowlight} from 'lowlight'
import {eachNode} from '../tree/some-node.js'

export interface Options {
  /** Languages to highlight, as lowlight grammars by name (default: lowlight's `common` set, 37 languages). */
  languages?: Parameters<typeof createLowlight>[0] | null | undefined
}

/** Highlight `<pre><code class="language-x">` blocks whose language is known. */
export default function rehypeHighlightCode(options?: Readonly<Options> | null) {
  const lowlight = createLowlight(options?.languages ?? common)

  return function (tree: Root): undefined {
    eachNode(tree, (any) => {
      if (any.type !== 'element' || (any as Element).tagName !== 'pre') return undefined
      const node = any as Element
      const code = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code')
      if (!code) return
      const language = languageOf(code)
      if (!language) return
      node.properties = {...node.properties, dataLang: language}
      const classes = Array.isArray(code.properties.className) ? code.properties.className : []
      if (!lowlight.registered(language)) return
      const result = lowlight.highlight(language, toString(code))
      code.properties = {...code.properties, className: [...classes, 'hljs']}
      code.children = result.children as ElementContent[]
    })
  }
}

/** The language of a `<code>`, from its `language-*` class. */
function languageOf(code: Element): string | undefined {
  const classes = Array.isArray(code.properties.className) ? code.properties.className : []
  for (const name of classes) {
    if (typeof name === 'string' && name.startsWith('language-')) return name.slice('language-'.length)
  }
  return undefined
}
