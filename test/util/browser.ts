/**
 * Browser tests run against an installed Chromium. Without one they skip,
 * unless `LECTERN_REQUIRE_BROWSER=1` (set by CI), which turns a missing
 * browser into a failure.
 */
import {describe, it} from 'vitest'
import {findChromiumOrUndefined} from '../../src/browser/find-chromium.js'

/** The browser found, if any. */
export const chromiumPath = findChromiumOrUndefined()

/** Whether a missing browser must fail the run. */
export const requireBrowser = process.env.LECTERN_REQUIRE_BROWSER === '1'

/** `describe` for tests that need a browser. */
export function describeBrowser(name: string, body: () => void): void {
  if (chromiumPath) describe(name, body)
  else if (requireBrowser) {
    describe(name, () => {
      it('should find a browser (LECTERN_REQUIRE_BROWSER=1)', () => {
        throw new Error('No Chrome/Chromium found; install `chromium` or set LECTERN_BROWSER')
      })
    })
  } else describe.skip(name, body)
}
