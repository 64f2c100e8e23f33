/**
 * GFM as remark-gfm reads it (autolink literals, footnotes, strikethrough,
 * tables, task lists), added in parts so that the parser can leave literal
 * autolinks out for text that cannot have one. They are the slowest part
 * of GFM: micromark tries an email address at every letter and digit, and
 * a second pass searches every text node again. A literal autolink needs
 * `://`, `www.` or an `@` after an address character: micromark's part is
 * left out for source text without them, and the second pass runs only when
 * a text node has them (an escape or character reference, `www\.`, makes
 * them in the text and not in the source).
 */
import {fromMarkdown, type Extension as FromMarkdownExtension} from 'mdast-util-from-markdown'
import {gfmAutolinkLiteralFromMarkdown} from 'mdast-util-gfm-autolink-literal'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmAutolinkLiteral} from 'micromark-extension-gfm-autolink-literal'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import type {Extension} from 'micromark-util-types'
import type {Root, RootContent} from 'mdast'
import type {Processor} from 'unified'

/** Text that may hold a literal autolink: a scheme's `://`, `www.`, or an address's `x@`. */
const mayHaveLiteralAutolink = /:\/\/|www\.|[\w+.-]@/i

const autolinkSyntax = gfmAutolinkLiteral()
const autolinkFromMarkdown = onlyWithAutolinkText(gfmAutolinkLiteralFromMarkdown())

/** remark plugin: GFM, as `remark-gfm` adds it, in its five parts. */
export function remarkGfmParts(this: Processor<Root>): undefined {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(autolinkSyntax, gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem())
  ;(data.fromMarkdownExtensions ??= []).push(
    autolinkFromMarkdown,
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown()
  )
}

/**
 * remark plugin, last of the syntax: parse as remark-parse does, without
 * literal autolinks when the text cannot have one.
 */
export function remarkSkipLiteralAutolinks(this: Processor<Root>): undefined {
  const processor = this
  processor.parser = function (document: string): Root {
    const extensions = (processor.data('micromarkExtensions') ?? []) as Extension[]
    const mdastExtensions = (processor.data('fromMarkdownExtensions') ?? []) as Array<FromMarkdownExtension | FromMarkdownExtension[]>
    return fromMarkdown(document, {
      ...processor.data('settings'),
      extensions: mayHaveLiteralAutolink.test(document) ? extensions : extensions.filter((extension) => extension !== autolinkSyntax),
      mdastExtensions
    })
  }
}

/** The mdast part of literal autolinks, its tree pass run only on trees whose text may have one. */
function onlyWithAutolinkText(extension: FromMarkdownExtension): FromMarkdownExtension {
  const transforms = (extension.transforms ?? []).map((transform) => (tree: Root) => (hasAutolinkText(tree) ? transform(tree) : undefined))
  return {...extension, transforms}
}

/** Whether a text node of the tree may hold a literal autolink. */
function hasAutolinkText(node: Root | RootContent): boolean {
  if (node.type === 'text') return mayHaveLiteralAutolink.test(node.value)
  return 'children' in node && node.children.some(hasAutolinkText)
}
