import {launchBrowser} from '../src/browser/launch.ts'
import {pathToFileURL} from 'node:url'
const [deck, out, ...ids] = process.argv.slice(2)
const browser = await launchBrowser()
const page = await browser.newPage({viewport: {width: 1280, height: 720}})
page.on('console', (m) => console.log('console', m.type(), m.text()))
page.on('request', (r) => { if (!r.url().startsWith('file:')) console.log('REQUEST', r.url()) })
await page.goto(pathToFileURL(deck).href)
await page.waitForFunction(() => document.documentElement.hasAttribute('data-lectern-fitted'))
const total = await page.evaluate(() => (window as any).Reveal.getTotalSlides())
const list = ids.length ? ids : Array.from({length: total}, (_, i) => String(i))
for (const id of list) {
  await page.evaluate((n) => { const R = (window as any).Reveal; const s = R.getSlides()[Number(n)]; const idx = R.getIndices(s); R.slide(idx.h, idx.v) }, id)
  await page.waitForTimeout(900)
  await page.screenshot({path: `${out}-${id}.png`})
}
const info = await page.evaluate(() => Array.from(document.querySelectorAll('.reveal .slides section[data-lectern-overflow], .reveal .slides section[data-lectern-scale]')).map((s) => s.id + ' ' + s.getAttribute('data-lectern-overflow') + ' ' + s.getAttribute('data-lectern-scale')))
console.log('total', total, 'overflow/scaled', info)
await browser.close()
