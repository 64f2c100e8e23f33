/**
 * The shell of lectern's own small pages (the themes gallery, the server's
 * index and waiting pages): built with `h()` and rehype-stringify, so nothing
 * is escaped by hand.
 */
import type {ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'

/** What a small page holds besides its shell. */
export interface HtmlPage {
  title: string
  /** `<meta name content>` pairs after the viewport. */
  meta: Record<string, string>
  /** CSS text for one `<style>`. */
  style: string
  body: ElementContent[]
}

/** A complete English HTML page as text. */
export function toHtmlPage(page: HtmlPage): string {
  const tree: Root = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: 'en'}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          ...Object.entries(page.meta).map(([name, content]) => h('meta', {name, content})),
          h('title', page.title),
          h('style', page.style)
        ]),
        h('body', page.body)
      ])
    ]
  }
  return unified().use(rehypeStringify).stringify(tree)
}
