/**
 * `serve` keeps answering while it rebuilds a large deck: the parse runs on a
 * worker thread and the passes let the event loop turn, so another deck's
 * page and assets are served within a fraction of the rebuild's time. A
 * newer save aborts the rebuild it supersedes, and `close()` ends a rebuild
 * at once.
 *
 * Figures: `npx vitest run test/serve/serve-responsive.test.ts` prints the
 * rebuild's duration and the worst latency seen during it.
 */
import {existsSync, writeFileSync} from 'node:fs'
import {request} from 'node:http'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {generateArticle} from '../../bench/generate.js'
import {serve, type ServeBuildEvent, type ServeHandle} from '../../src/serve/serve.js'
import {temporaryFolder} from '../util/fixtures.js'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
// The parse worker is the bundled lib/parse-worker.js (`node src/bundle.mjs`, run by `npm test`).
const workerBuilt = existsSync(path.join(root, 'lib', 'parse-worker.js'))

// About 1.6 MB (under the 2 MB input limit) of sections with lists, paragraphs and code, Chinese and English.
const sections = 2_500
const small = `---
title: 小讲座 A small talk
---

# 小讲座 A small talk

开场白。Opening words.

## 第一部分 Part one

- 要点一 first point
- 要点二 second point

讲稿在这里。The notes go here.
`

/** GET a URL; resolves with the status and body once the response has ended. */
function get(url: string): Promise<{status: number; body: string}> {
  return new Promise((resolve, reject) => {
    request(url, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8')}))
    })
      .on('error', reject)
      .end()
  })
}

/** A version of the large deck whose every section differs from the others', so nothing is parsed from the cache. */
function largeDeck(version: string): string {
  return generateArticle(sections).replaceAll('\n## ', `\n## ${version} `)
}

describe.skipIf(!workerBuilt)('serve while a large deck rebuilds', () => {
  const work = temporaryFolder('lectern-serve-async-')
  const big = path.join(work.dir, 'big.md')
  let server: ServeHandle
  let next: ((event: ServeBuildEvent) => void) | undefined
  const builds: ServeBuildEvent[] = []

  /** Resolves with the next build of the large deck after the server started. */
  function nextBuild(): Promise<ServeBuildEvent> {
    return new Promise((resolve) => {
      next = resolve
    })
  }

  beforeAll(async () => {
    writeFileSync(big, largeDeck('v1'))
    writeFileSync(path.join(work.dir, 'small.md'), small)
    server = await serve(work.dir, {
      port: 0,
      cwd: work.dir,
      onBuild(event) {
        if (event.first || event.input !== 'big.md') return
        builds.push(event)
        next?.(event)
      }
    })
  }, 120_000)

  afterAll(async () => {
    await server?.close()
    work.remove()
  })

  it('should answer another deck\'s page and assets within a fraction of the rebuild\'s time', async () => {
    const built = nextBuild()
    let rebuilt: ServeBuildEvent | undefined
    void built.then((event) => {
      rebuilt = event
    })
    writeFileSync(big, largeDeck('v2'))
    const urls = [new URL('small/', server.url).href, new URL('small/assets/lectern.css', server.url).href]
    const latencies: number[] = []
    const statuses = new Set<number>()
    let page = ''
    // Latency counts from when the request was due, so time this thread was held before sending it counts too.
    let due = performance.now()
    while (!rebuilt) {
      const response = await get(urls[latencies.length % urls.length])
      latencies.push(performance.now() - due)
      statuses.add(response.status)
      if (latencies.length === 1) page = response.body
      await new Promise((resolve) => setTimeout(resolve, 5))
      due = performance.now()
    }
    const worst = Math.max(...latencies)
    console.log(`rebuild of ${sections} sections: ${Math.round(rebuilt.ms)} ms; ${latencies.length} requests meanwhile, worst latency ${Math.round(worst)} ms`)

    expect(rebuilt.ok).toBe(true)
    expect(String(rebuilt.file?.value)).toContain('v2 ')
    expect([...statuses]).toEqual([200])
    expect(page).toContain('小讲座 A small talk')
    // Meaningful only if the rebuild is long; then the server answered all along it.
    expect(rebuilt.ms).toBeGreaterThan(2000)
    expect(latencies.length).toBeGreaterThan(10)
    expect(worst * 4).toBeLessThan(rebuilt.ms)
  }, 120_000)

  it('should build only the newest of two saves, aborting the rebuild the second supersedes', async () => {
    const count = builds.length
    const built = nextBuild()
    writeFileSync(big, largeDeck('v3'))
    // The first rebuild is parsing (a 1.6 MB parse takes seconds) when the second save comes.
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(builds.length).toBe(count)
    writeFileSync(big, largeDeck('v4'))
    const event = await built
    expect(event.ok).toBe(true)
    expect(String(event.file?.value)).toContain('v4 ')
    expect(builds.length).toBe(count + 1)
    const page = await get(new URL('big/', server.url).href)
    expect(page.body).toContain('v4 1.')
  }, 120_000)

  it('should end a running rebuild when closed, without waiting for it', async () => {
    const durations = builds.map((event) => event.ms)
    writeFileSync(big, largeDeck('v5'))
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(builds.length).toBe(durations.length)
    const start = performance.now()
    await server.close()
    const closing = performance.now() - start
    // No build is reported after close, and closing took a fraction of a rebuild.
    expect(builds.length).toBe(durations.length)
    expect(closing * 2).toBeLessThan(Math.min(...durations))
  }, 120_000)
})
