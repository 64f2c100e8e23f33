/**
 * The font index of the built-in themes, written by `src/bundle.mjs` to
 * `lib/font-faces.json` when lectern is built (see `toFontIndex`).
 */
import {writeFileSync} from 'node:fs'
import {listThemes} from '../themes/theme.js'
import {fontIndexFile, toFontIndex} from './fonts.js'

/** Write the faces of every font package and weight a built-in theme names. */
export function writeFontIndex(file = fontIndexFile()): void {
  const weights = new Map<string, Set<number>>()
  for (const theme of listThemes()) {
    for (const request of theme.fonts) {
      const known = weights.get(request.package) ?? new Set<number>()
      for (const weight of request.weights) known.add(weight)
      weights.set(request.package, known)
    }
  }
  const packages = [...weights].map(([pkg, set]) => ({pkg, weights: [...set].sort((a, b) => a - b)}))
  writeFileSync(file, JSON.stringify(toFontIndex(packages)))
}
