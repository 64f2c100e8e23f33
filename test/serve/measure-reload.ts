/**
 * Measure save → updated slide on screen for `lectern serve` on the seed deck
 * (a temporary copy), in real Chromium. A benchmark, not a test: it prints
 * figures and asserts nothing.
 *
 * Run it:
 *   npx esbuild test/serve/measure-reload.ts --bundle --platform=node --format=esm \
 *     --outfile=.work/measure-reload.mjs --external:playwright-core --external:subset-font --external:chokidar \
 *     --banner:js="import {createRequire as __lecternRequire} from 'node:module'; const require = __lecternRequire(import.meta.url);" \
 *   && node .work/measure-reload.mjs [rounds]
 */
import {copyFileSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {launchBrowser} from '../../src/browser/launch.js'
import {serve, type ServeBuildEvent} from '../../src/serve/serve.js'
import {temporaryFolder} from '../util/fixtures.js'

const rounds = Number(process.argv[2] ?? 20)
// Run from the repository root (a bundled copy of this file lives elsewhere).
const seed = path.resolve('slides/what-is-a-big-model.md')
const slide = '大模型的应用场景'
const work = temporaryFolder('lectern-measure-')
const file = path.join(work.dir, 'seed.md')
copyFileSync(seed, file)
const original = readFileSync(file, 'utf8')

const builds: number[] = []
const server = await serve(file, {port: 0, onBuild: (event: ServeBuildEvent) => builds.push(event.ms)})
const browser = await launchBrowser()
try {
  const page = await browser.newPage({viewport: {width: 1280, height: 720}})
  await page.goto(`${server.url}#/${encodeURIComponent(slide)}`)
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-lectern-fitted'))
  const latencies: number[] = []
  for (let round = 1; round <= rounds + 2; round++) {
    const marker = `第${round}次修改`
    // Resolves at the first frame painted after the slide holds the new text.
    const shown = page.evaluate(
      ({id, marker}) =>
        new Promise<number>((resolve) => {
          const check = () => {
            if (document.getElementById(id)?.textContent?.includes(marker)) {
              requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()))
            } else requestAnimationFrame(check)
          }
          check()
        }),
      {id: slide, marker}
    )
    await page.waitForTimeout(50)
    const saved = performance.timeOrigin + performance.now()
    writeFileSync(file, original.replace('4. 医疗健康:', `4. 医疗健康${marker}:`))
    const at = await shown
    if (round > 2) latencies.push(at - saved)
    const id = await page.evaluate(() => (window as unknown as {Reveal: {getCurrentSlide(): HTMLElement}}).Reveal.getCurrentSlide().id)
    if (id !== slide) throw new Error(`Moved to \`${id}\` after an edit`)
    await page.waitForTimeout(150)
  }
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b)
  const at = (values: number[], q: number) => sorted(values)[Math.min(values.length - 1, Math.floor(q * values.length))]
  const format = (values: number[]) =>
    `median ${at(values, 0.5).toFixed(0)} ms, p90 ${at(values, 0.9).toFixed(0)} ms, min ${sorted(values)[0].toFixed(0)} ms, max ${sorted(values).at(-1)!.toFixed(0)} ms`
  console.log(`save → updated slide painted (${latencies.length} saves after 2 warm-ups): ${format(latencies)}`)
  console.log(`of which the rebuild on the server: ${format(builds.slice(3))}`)
} finally {
  await browser.close()
  await server.close()
  work.remove()
}
