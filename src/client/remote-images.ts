/**
 * Remote pictures (`data-lectern-src`, set at build time by
 * rehype-local-assets.ts) load when their slide is shown, so a deck opened
 * offline starts without failed requests.
 */
import type {Plugin, RevealDeck} from './reveal.js'

/** Load the remote pictures under `root` (default: the whole page). */
export function loadRemote(root?: ParentNode): void {
  const images = (root || document).querySelectorAll('img[data-lectern-src]')
  for (const image of Array.from(images)) {
    // Pictures in the notes stay unloaded: the audience never sees them.
    if (image.closest('aside.notes')) continue
    image.setAttribute('src', image.getAttribute('data-lectern-src')!)
    image.removeAttribute('data-lectern-src')
  }
}

/** The plugin that loads the current slide's remote pictures. */
export const remoteImagesPlugin: Plugin = {
  id: 'lectern-remote-images',
  init(deck: RevealDeck) {
    const loadCurrent = function () {
      const slide = deck.getCurrentSlide()
      if (slide) loadRemote(slide)
    }
    deck.on('ready', loadCurrent)
    deck.on('slidechanged', loadCurrent)
  }
}
