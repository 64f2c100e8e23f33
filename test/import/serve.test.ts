/**
 * `serve` takes a `.txt` file as it takes markdown: imported on every save.
 */
import {copyFileSync, writeFileSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {serve, type ServeBuildEvent} from '../../src/serve/serve.js'
import {root, temporaryFolder} from '../util/fixtures.js'

describe('serving an imported deck', () => {
  const temporary = temporaryFolder('lectern-import-serve-')
  afterAll(() => temporary.remove())

  it('should serve a `.txt` file and rebuild it when it is saved', async () => {
    const input = path.join(temporary.dir, 'cloud.txt')
    copyFileSync(path.join(root, 'test', 'fixtures-import', 'en-web-copy-txt', 'input.txt'), input)
    const builds: ServeBuildEvent[] = []
    let notify: (() => void) | undefined
    const server = await serve(input, {
      port: 0,
      cwd: temporary.dir,
      onBuild(event) {
        builds.push(event)
        notify?.()
      }
    })
    try {
      const titles = async () => [...(await (await fetch(server.decks[0].url)).text()).matchAll(/<h2[^>]*>([^<]*)/g)].map((match) => match[1])
      expect((await titles()).slice(0, 2)).toEqual(['Where the money went', 'Compute'])
      expect(builds[0].file?.messages.map((message) => [message.ruleId, message.line])).toEqual([['import-furniture', 2]])

      const rebuilt = new Promise<void>((resolve) => {
        notify = resolve
      })
      writeFileSync(input, readFileSync(input, 'utf8').replace('Where the money went', 'Where the money really went'))
      await rebuilt
      expect(builds.at(-1)?.ok).toBe(true)
      expect((await titles())[0]).toBe('Where the money really went')
    } finally {
      await server.close()
    }
  })
})
