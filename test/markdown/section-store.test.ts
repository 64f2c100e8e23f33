/**
 * Parsed sections kept on disk between builds: a rebuild reads them back
 * (and parses only what changed) and gives the very page a build without
 * them gives; a deck built once keeps nothing but a marker; another
 * lectern's sections, a damaged file or a folder that cannot be written
 * change nothing but speed.
 */
import {readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {openSectionStore} from '../../src/markdown/section-store.js'
import {renderDeck, toFile} from '../../src/render/render.js'
import {runCli, root, temporaryFolder} from '../util/fixtures.js'

/** A large article: sections enough for the sectioned parse. */
function article(edit = ''): string {
  const parts = ['# A long article 长文\n\nThe lead paragraph.\n']
  for (let index = 1; index <= 200; index++) {
    parts.push(`## ${index}. Section ${index}${index === 60 ? edit : ''}\n\n第 ${index} 节的正文，with **bold** and \`code\` and a [link](https://example.org/${index}).\n\n- point one of ${index}\n- point two of ${index}\n`)
  }
  return parts.join('\n')
}

async function render(markdown: string, folder?: string, id = 'test-build') {
  const deck = path.join(work.dir, 'deck.md')
  const store = folder ? openSectionStore(deck, folder, id) : undefined
  const rendered = await renderDeck(toFile(markdown, deck), {cache: store?.cache, cwd: work.dir})
  store?.save()
  return {html: rendered.html, store}
}

const work = temporaryFolder()
afterAll(() => work.remove())

describe('section store', () => {
  it('keeps nothing at a first build, every section from the second, and reads them back unchanged', async () => {
    const folder = path.join(work.dir, 'store-1')
    const plain = (await render(article())).html
    const first = await render(article(), folder)
    expect(first.store?.cache).toBeUndefined()
    const [file] = readdirSync(folder)
    expect(readFileSync(path.join(folder, file), 'utf8').split('\n')).toHaveLength(1)

    const second = await render(article(), folder)
    expect(second.html).toBe(plain)
    expect(second.store?.cache?.hits).toBe(0)
    const lines = readFileSync(path.join(folder, file), 'utf8').split('\n')
    expect(lines.length).toBeGreaterThan(100)
    const written = statSync(path.join(folder, file)).mtimeMs

    const third = await render(article(), folder)
    expect(third.html).toBe(plain)
    expect(third.store?.cache?.misses).toBe(0)
    expect(third.store?.cache?.hits).toBe(lines.length - 1)
    // Nothing new: the file is not written again.
    expect(statSync(path.join(folder, file)).mtimeMs).toBe(written)
  })

  it('parses only the edited section, and gives the page of the edited text', async () => {
    const folder = path.join(work.dir, 'store-2')
    await render(article(), folder)
    await render(article(), folder)
    const edited = await render(article(' (edited)'), folder)
    expect(edited.store?.cache?.misses).toBe(1)
    expect(edited.html).toBe((await render(article(' (edited)'))).html)
    expect(edited.html).toContain('Section 60 (edited)')
  })

  it('does not read the sections another lectern kept', async () => {
    const folder = path.join(work.dir, 'store-3')
    await render(article(), folder, 'one')
    await render(article(), folder, 'one')
    const other = await render(article(), folder, 'two')
    expect(other.store?.cache?.hits).toBe(0)
    expect(other.html).toBe((await render(article())).html)
  })

  it('builds as usual from a damaged store, and into a folder it cannot write', async () => {
    const folder = path.join(work.dir, 'store-4')
    await render(article(), folder)
    const [file] = readdirSync(folder)
    const header = readFileSync(path.join(folder, file), 'utf8')
    writeFileSync(path.join(folder, file), `${header}\nkey-a {"not": "a list"}\nkey-b [unclosed\nno-space-line`)
    expect((await render(article(), folder)).html).toBe((await render(article())).html)
    // A file where the folder should be: nothing can be written, the build goes on.
    const blocked = path.join(work.dir, 'blocked')
    writeFileSync(blocked, '')
    expect((await render(article(), path.join(blocked, 'store'))).html).toBe((await render(article())).html)
  })
})

describe('lectern build and the section store', () => {
  it('keeps sections of large decks from their second build, none with --no-cache, none for small decks', () => {
    const folder = path.join(work.dir, 'cli')
    const deck = path.join(work.dir, 'large.md')
    writeFileSync(deck, article())
    const build = (...flags: string[]) => runCli(['build', deck, path.join(root, 'slides', 'what-is-a-big-model.md'), '--out-dir', path.join(work.dir, 'out'), '--quiet', ...flags])
    expect(build('--no-cache', '--cache-dir', folder).status).toBe(0)
    expect(() => readdirSync(folder)).toThrow()
    expect(build('--cache-dir', folder).status).toBe(0)
    expect(build('--cache-dir', folder).status).toBe(0)
    // One file: the large deck's; the seed is parsed whole.
    const files = readdirSync(folder)
    expect(files).toHaveLength(1)
    expect(readFileSync(path.join(folder, files[0]), 'utf8').split('\n').length).toBeGreaterThan(100)
    const page = readFileSync(path.join(work.dir, 'out', 'large', 'index.html'), 'utf8')
    expect(build('--no-cache').status).toBe(0)
    expect(readFileSync(path.join(work.dir, 'out', 'large', 'index.html'), 'utf8')).toBe(page)
  })
})
