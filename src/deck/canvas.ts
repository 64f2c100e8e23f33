/**
 * The slide canvas a deck is laid out at, from its aspect and its `reveal:`
 * options.
 */
import type {DeckInfo} from './types.js'

/** Canvas size for an aspect ratio. */
export function canvasSize(aspect: string | undefined): {width: number; height: number} {
  return aspect === '4:3' ? {width: 960, height: 720} : {width: 1280, height: 720}
}

/** The canvas a deck is laid out at: its aspect's size, unless its `reveal:` map sets a numeric `width` or `height`. */
export function deckCanvas(deck: DeckInfo | undefined): {width: number; height: number} {
  const reveal = deck?.reveal ?? {}
  const canvas = canvasSize(deck?.aspect)
  return {
    width: typeof reveal.width === 'number' ? reveal.width : canvas.width,
    height: typeof reveal.height === 'number' ? reveal.height : canvas.height
  }
}
