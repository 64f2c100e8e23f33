/**
 * The live reload client (src/client/reload.ts, bundled into
 * `lib/client/reload.js`) that `lectern serve` inlines in every page it sends.
 */
import {clientScript} from '../paths.js'

/** Script text for `RenderOptions.inject` and the server's own pages. */
export function reloadClient(): string {
  return clientScript('reload.js')
}
