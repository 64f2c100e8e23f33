/**
 * rehype plugin: wrap the reveal.js frame in a whole page: `<html lang>`,
 * title, stylesheets, reveal.js and its notes plugin, and the configuration.
 * Built with `h()`, so nothing here escapes by hand.
 */
import type {Element, Root} from 'hast'
import {h} from 'hastscript'
import type {VFile} from 'vfile'
import {toRevealConfig} from '../config/deck.js'

/** A stylesheet or script: a URL to link, or text to inline. */
export type Asset = {href: string; content?: undefined} | {content: string; href?: undefined}

/** What the page loads. */
export interface PageAssets {
  /** Stylesheets in cascade order: reveal.js, lectern, fonts, theme, deck. */
  styles: Asset[]
  /** Scripts in order; reveal.js first. */
  scripts: Asset[]
}

export interface Options {
  /** The page's stylesheets and scripts, possibly per file (default: the `assets/` layout `lectern build` writes). */
  assets?: PageAssets | ((file: VFile, tree: Root) => PageAssets | Promise<PageAssets>) | null | undefined
  /** reveal.js options that win over the deck's (default: `{}`). */
  reveal?: Readonly<Record<string, unknown>> | null | undefined
}

/** The asset layout `lectern build` writes next to `index.html`. */
export const defaultAssets: Readonly<PageAssets> = Object.freeze({
  styles: [
    {href: 'assets/reveal/reset.css'},
    {href: 'assets/reveal/reveal.css'},
    {href: 'assets/lectern.css'},
    {href: 'assets/theme.css'}
  ],
  scripts: [{href: 'assets/reveal/reveal.js'}, {href: 'assets/reveal/notes.js'}, {href: 'assets/lectern.js'}]
})

/** Make a whole reveal.js page of the slides. */
export default function rehypeRevealDocument(options?: Readonly<Options> | null) {
  const settings = options || {}

  return async function (tree: Root, file: VFile): Promise<undefined> {
    const deck = file.data.deck
    const assets = typeof settings.assets === 'function' ? await settings.assets(file, tree) : (settings.assets ?? defaultAssets)
    const config = toRevealConfig(
      deck ?? {title: file.stem ?? 'Untitled', lang: 'en', mode: 'auto', slides: 0, slidesWithNotes: 0, seconds: 0},
      settings.reveal
    )
    const head: Element[] = [
      h('meta', {charSet: 'utf-8'}),
      h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
      h('meta', {name: 'generator', content: 'lectern'}),
      h('title', deck?.title ?? file.stem ?? 'Untitled')
    ]
    if (deck?.author) head.push(h('meta', {name: 'author', content: deck.author}))
    for (const style of assets.styles) {
      head.push(style.href ? h('link', {rel: 'stylesheet', href: style.href}) : h('style', style.content))
    }
    const body: Element[] = []
    for (const script of assets.scripts) {
      body.push(script.href ? h('script', {src: script.href}) : h('script', script.content))
    }
    body.push(h('script', toInitScript(config)))

    const content = tree.children.filter((node) => node.type === 'element') as Element[]
    tree.children = [
      {type: 'doctype'},
      h('html', {lang: deck?.lang ?? 'en'}, [h('head', head), h('body', [...content, ...body])])
    ]
  }
}

/** The script that starts reveal.js. JSON is made safe inside `<script>`. */
function toInitScript(config: Record<string, unknown>): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
  return `Reveal.initialize(Object.assign(${json}, {plugins: [window.RevealNotes].filter(Boolean)}));`
}
