/**
 * Import fixtures: every `test/fixtures-import/<case>/input.txt|html` is
 * imported and compared with `output.md` (the markdown), `outline.txt` (the
 * deck it splits into) and `messages.txt`; `absent.txt` lists furniture
 * that must not survive (`vitest -u` regenerates the snapshots; review the diff).
 */
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {importArticle} from '../../src/import/import-article.js'
import {toOutline} from '../../src/slides/outline.js'
import {root, toSlideTree} from '../util/fixtures.js'

const fixtures = path.join(root, 'test', 'fixtures-import')

describe('import fixtures', () => {
  const cases = readdirSync(fixtures).sort()

  it('should cover text and HTML, English and Chinese', () => {
    const inputs = cases.map((name) => readdirSync(path.join(fixtures, name)).find((file) => file.startsWith('input.')))
    expect(inputs.filter((file) => file === 'input.txt').length).toBeGreaterThanOrEqual(4)
    expect(inputs.filter((file) => file === 'input.html').length).toBeGreaterThanOrEqual(3)
    expect(cases.some((name) => name.startsWith('zh-'))).toBe(true)
    expect(cases.some((name) => name.startsWith('en-'))).toBe(true)
  })

  for (const name of cases) {
    const folder = path.join(fixtures, name)
    const input = ['input.txt', 'input.html'].map((file) => path.join(folder, file)).find((file) => existsSync(file))
    if (!input) continue
    it(`should import \`${name}\` as its snapshots say`, async () => {
      const text = readFileSync(input, 'utf8')
      const before = createHash('sha256').update(readFileSync(input)).digest('hex')
      const result = importArticle(text, {path: `${name}/${path.basename(input)}`})
      await expect(result.markdown).toMatchFileSnapshot(path.join(folder, 'output.md'))
      await expect(result.file.messages.map(String).join('\n') + '\n').toMatchFileSnapshot(path.join(folder, 'messages.txt'))
      const {tree, file} = await toSlideTree(result.markdown, undefined, `${name}/output.md`)
      await expect(toOutline(tree)).toMatchFileSnapshot(path.join(folder, 'outline.txt'))
      expect(file.messages.filter((message) => message.fatal)).toEqual([])

      const absent = path.join(folder, 'absent.txt')
      if (existsSync(absent)) {
        for (const line of readFileSync(absent, 'utf8').split('\n').filter(Boolean)) {
          expect(result.markdown, `furniture \`${line}\` left in`).not.toContain(line)
        }
      }
      // The input is left as it was (the title is in the output.md snapshot; no-headings-txt has none).
      expect(createHash('sha256').update(readFileSync(input)).digest('hex')).toBe(before)
    })
  }
})
