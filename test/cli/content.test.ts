/**
 * The built CLI on decks with pictures: a missing image is a warning with its
 * place and the deck is still written; a local one travels with the deck.
 */
import {existsSync, readdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, temporaryFolder} from '../util/fixtures.js'

describe('lectern build with images', () => {
  it('should warn about a missing image at its line and still write the deck', () => {
    const {dir, remove} = temporaryFolder()
    try {
      writeFileSync(path.join(dir, 'pic.png'), 'png bytes')
      writeFileSync(path.join(dir, 'talk.md'), '# Talk\n\n---\n\n![here](pic.png)\n\n![gone](gone.png)\n\n![far](https://example.com/x.png)\n')
      const result = runCli(['build', 'talk.md', '--out-dir', 'out'], {cwd: dir})
      expect(result.status).toBe(0)
      expect(result.stderr).toMatch(/^talk\.md:7:1: warning: Unexpected missing image `gone\.png`.* \(missing-image\)$/m)
      expect(result.stderr).toMatch(/^talk\.md:9:1: warning: Unexpected remote image `https:\/\/example\.com\/x\.png`.*not offline \(remote-image\)$/m)
      expect(existsSync(path.join(dir, 'out', 'talk', 'index.html'))).toBe(true)
      expect(readdirSync(path.join(dir, 'out', 'talk', 'assets', 'media'))).toEqual([expect.stringMatching(/^[\da-f]{16}\.png$/)])
      expect(readdirSync(dir).sort()).toEqual(['out', 'pic.png', 'talk.md'])
    } finally {
      remove()
    }
  })
})
