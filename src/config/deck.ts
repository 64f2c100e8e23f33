/**
 * Deck options by precedence, decided here once: defaults < front matter <
 * the caller (the command line or the library's options).
 */
import {canvasSize} from '../deck/canvas.js'
import type {DeckInfo, DeckMeta} from '../deck/types.js'
import {defaults} from './defaults.js'

/** The deck's options: its front matter, then what the caller set (unset values do not count). */
export function mergeDeckMeta(frontMatter: Readonly<DeckMeta>, caller: Readonly<DeckMeta> | null | undefined): DeckMeta {
  const set = Object.entries(caller ?? {}).filter(([, value]) => value !== undefined && value !== null)
  return {...frontMatter, ...Object.fromEntries(set)}
}

/** How slides are found: the caller's choice, else the front matter's; `undefined` lets the content decide. */
export function chooseSplit(caller: 'auto' | 'manual' | null | undefined, meta: Readonly<DeckMeta>): 'auto' | 'manual' | undefined {
  return caller ?? meta.split ?? undefined
}

/** The theme a deck uses and who chose it: a caller's theme resolves from `cwd`, a front matter theme from the deck's folder. */
export function chooseTheme(caller: string | undefined, meta: Readonly<DeckMeta>): {name: string; by: 'caller' | 'deck' | 'default'} {
  if (caller !== undefined) return {name: caller, by: 'caller'}
  if (meta.theme !== undefined) return {name: meta.theme, by: 'deck'}
  return {name: defaults.theme, by: 'default'}
}

/** The reveal.js configuration of a deck. */
export function toRevealConfig(deck: DeckInfo, overrides?: Readonly<Record<string, unknown>> | null): Record<string, unknown> {
  // defaults < front matter (deck options, then its `reveal:` map) < caller
  const {margin, hash, center, slideNumber, transition, defaultTiming} = defaults.reveal
  return {
    ...canvasSize(deck.aspect),
    margin,
    hash,
    center,
    slideNumber,
    transition: deck.transition ?? transition,
    defaultTiming,
    ...(deck.reveal ?? {}),
    ...(overrides ?? {})
  }
}
