/**
 * The server's own pages: the index of a folder of decks, and the page a deck
 * gets before it has ever built (the overlay then says why). Built with `h()`
 * and rehype-stringify, so nothing is escaped by hand.
 */
import type {Element} from 'hast'
import {h} from 'hastscript'
import {toHtmlPage} from '../html-page.js'
import {toTalkTime} from '../deck/timing.js'

/** One deck as the index lists it. */
export interface IndexEntry {
  /** Path segment of the deck (`what-is-a-big-model`). */
  name: string
  title: string
  slides: number
  /** Estimated talk time in seconds. */
  seconds: number
  /** Whether the deck's last save has errors. */
  broken: boolean
}

const style = `
body{margin:0;font:18px/1.5 system-ui,"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1d2330;background:#f6f7f9}
main{max-width:46rem;margin:8vh auto;padding:0 1.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
p{color:#5b6475;margin:0 0 2rem}
ol{list-style:none;padding:0;margin:0}
li{background:#fff;border:1px solid #e2e5ea;border-radius:10px;margin:0 0 .75rem;padding:.9rem 1.1rem}
a{font-weight:600;color:#1d4ed8;text-decoration:none}
a:hover{text-decoration:underline}
.meta{display:block;color:#5b6475;font-size:.9rem}
.broken{color:#b42318}
`

/** The index page of a folder of decks. */
export function toIndexPage(folder: string, entries: ReadonlyArray<IndexEntry>, script: string, version: number): string {
  const items: Element[] = entries.map((entry) =>
    h('li', [
      h('a', {href: `${encodeURIComponent(entry.name)}/`}, entry.title),
      h('span.meta', [
        `${entry.slides} slide${entry.slides === 1 ? '' : 's'} · ~${toTalkTime(entry.seconds)} · ${entry.name}`,
        ...(entry.broken ? [' · ', h('span.broken', 'has errors')] : [])
      ])
    ])
  )
  return toPage(`${folder} — lectern`, version, script, [
    h('main', [
      h('h1', folder),
      h('p', `${entries.length} deck${entries.length === 1 ? '' : 's'}. Open one, then press S for the speaker view (notes, next slide, timer).`),
      h('ol', items)
    ])
  ])
}

/** The page of a deck that has not built yet: empty, the overlay says why. */
export function toWaitingPage(title: string, script: string): string {
  return toPage(title, 0, script, [h('main', [h('p', `${title} has errors; fix them and this page updates.`)])])
}

function toPage(title: string, version: number, script: string, body: Element[]): string {
  return toHtmlPage({title, meta: {'lectern-version': String(version)}, style, body: [...body, h('script', script)]})
}
