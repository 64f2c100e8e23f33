/**
 * Fixture runner: every `test/fixtures/<case>/input.md` is split into slides
 * and its outline and messages compared with `outline.txt` and
 * `messages.txt` (`vitest -u` regenerates them; review the diff).
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {toOutline} from '../../src/slides/outline.js'
import {root, toSlideTree} from '../util/fixtures.js'

const fixtures = path.join(root, 'test', 'fixtures')

describe('fixtures', () => {
  for (const name of readdirSync(fixtures).sort()) {
    const folder = path.join(fixtures, name)
    if (!existsSync(path.join(folder, 'input.md'))) continue
    it(`should split \`${name}\` as its outline says`, async () => {
      const input = readFileSync(path.join(folder, 'input.md'), 'utf8')
      const optionsFile = path.join(folder, 'options.json')
      const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : undefined
      const {tree, file} = await toSlideTree(input, options, `${name}/input.md`)
      await expect(toOutline(tree)).toMatchFileSnapshot(path.join(folder, 'outline.txt'))
      await expect(file.messages.map(String).join('\n') + '\n').toMatchFileSnapshot(path.join(folder, 'messages.txt'))
    })
  }
})
