/**
 * Measuring a deck in the browser for `lectern check`: add the bundled
 * measuring plugin (src/client/measure.ts) to the page and call it.
 */
import type {Page} from 'playwright-core'
import type {MeasuredDeck, MeasurePlugin, MeasureSettings} from '../client/measure.js'
import {clientScript} from '../paths.js'

export type {MeasuredContrast, MeasuredDeck, MeasuredSlide, MeasuredSmallText, MeasureSettings, Place} from '../client/measure.js'

/** Measure the deck open in `page` (reveal.js ready, its slides fitted). */
export async function measureDeck(page: Page, settings: MeasureSettings): Promise<MeasuredDeck> {
  await page.addScriptTag({content: clientScript('measure.js')})
  return page.evaluate((settings) => {
    const reveal = (window as unknown as {Reveal: {getPlugin(id: string): unknown}}).Reveal
    return (reveal.getPlugin('lectern-measure') as MeasurePlugin).measure(settings)
  }, settings)
}
