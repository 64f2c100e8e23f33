/**
 * Browser tests run against an installed Chromium. Without one they skip,
 * unless `LECTERN_REQUIRE_BROWSER=1` (set by CI), which turns a missing
 * browser into a failure.
 */
import path from 'node:path'
import type {Page} from 'playwright-core'
import {describe, it} from 'vitest'
import {build} from '../../src/build/build.js'
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

/** Wait until lectern's page runtime has fitted every slide (`<html data-lectern-fitted>`). */
export async function waitForFitted(page: Pick<Page, 'waitForFunction'>, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-lectern-fitted'), null, {timeout})
}

/** Build decks (files or folders) and map each deck's name to its written `index.html`. */
export async function buildDecks(inputs: string[], outDir: string): Promise<Map<string, string>> {
  const result = await build(inputs, {outDir})
  const output = new Map<string, string>()
  for (const deck of result.decks) if (deck.output) output.set(path.basename(path.dirname(deck.output)), deck.output)
  return output
}
