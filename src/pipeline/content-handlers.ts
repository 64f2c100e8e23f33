/**
 * mdast-util-to-hast handlers for content nodes whose attributes belong
 * elsewhere than the default handler puts them: a code block's
 * `.element:` attributes go on its `<pre>` (its `<code>` keeps its language).
 */
import type {Element, Properties} from 'hast'
import type {Code} from 'mdast'
import {defaultHandlers, type Handler, type State} from 'mdast-util-to-hast'

/** Handlers to pass to `remark-rehype` next to the slide handlers. */
export const contentHandlers: Record<'code', Handler> = {
  code(state: State, node: Code): Element {
    const result = defaultHandlers.code(state, node)
    const extra = (node.data as {lecternPreProperties?: Properties} | undefined)?.lecternPreProperties
    if (extra) result.properties = {...result.properties, ...extra}
    return result
  }
} as Record<'code', Handler>
