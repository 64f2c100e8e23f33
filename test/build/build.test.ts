/**
 * `build`: files on disk, as a user gets them.
 */
import {existsSync, readdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {selectAll} from 'hast-util-select'
import {describe, expect, it} from 'vitest'
import {build} from '../../src/build/build.js'
import {cleanUpInterrupted, temporaryToken} from '../../src/output/interrupted.js'
import {root, temporaryFolders} from '../util/fixtures.js'

const folder = temporaryFolders()

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]
  )
}

describe('build', () => {
  it('should write index.html with only the assets the page links to', async () => {
    const out = folder()
    const result = await build([path.join(root, 'slides')], {outDir: out})
    expect(result.decks.map((deck) => deck.input)).toContain('slides/what-is-a-big-model.md')
    const deck = path.join(out, 'what-is-a-big-model')
    const html = readFileSync(path.join(deck, 'index.html'), 'utf8')
    const tree = fromHtml(html)
    const referenced = [
      ...selectAll('link[href]', tree).map((node) => String(node.properties.href)),
      ...selectAll('script[src]', tree).map((node) => String(node.properties.src))
    ]
    for (const href of referenced) {
      expect(href).not.toMatch(/^(https?:)?\/\//)
      expect(existsSync(path.join(deck, href)), href).toBe(true)
    }
    const files = listFiles(deck)
    expect(files).toContain('assets/reveal/reveal.js')
    expect(files).toContain('assets/reveal/notes.js')
    // Not the whole reveal.js package: no themes, no other plugins, no source maps.
    expect(files.filter((file) => file.startsWith('assets/reveal/'))).toHaveLength(4)
    // Only the font subsets the text needs, not all of them.
    const fonts = files.filter((file) => file.endsWith('.woff2'))
    expect(fonts.length).toBeGreaterThan(2)
    expect(fonts.length).toBeLessThan(80)
  })

  it('should give byte-identical output for the same input', async () => {
    const a = folder()
    const b = folder()
    await build([path.join(root, 'slides')], {outDir: a})
    await build([path.join(root, 'slides')], {outDir: b})
    const files = listFiles(a).sort()
    expect(listFiles(b).sort()).toEqual(files)
    for (const file of files) expect(readFileSync(path.join(b, file)).equals(readFileSync(path.join(a, file))), file).toBe(true)
  })

  it('should build every markdown file of a folder, in order, and report each deck', async () => {
    const input = folder()
    const out = folder()
    writeFileSync(path.join(input, 'b.md'), '# Second\n\n## Part\n\nProse here.\n')
    writeFileSync(path.join(input, 'a.md'), '# First\n\n## Part\n\n- one\n- two\n')
    writeFileSync(path.join(input, 'notes.txt'), 'not a deck')
    const result = await build([input], {outDir: out, cwd: input})
    expect(result.decks.map((deck) => deck.input)).toEqual(['a.md', 'b.md'])
    expect(result.decks.map((deck) => deck.deck?.slides)).toEqual([2, 2])
    expect(readdirSync(out).sort()).toEqual(['a', 'b'])
  })

  it('should leave the previous output as it was when a deck has an error', async () => {
    const input = folder()
    const out = folder()
    const deck = path.join(input, 'talk.md')
    writeFileSync(deck, '# Talk\n\n## One\n\nText.\n')
    await build([deck], {outDir: out})
    const before = readFileSync(path.join(out, 'talk', 'index.html'))
    writeFileSync(deck, '---\ntitle: [unclosed\n---\n\n# Talk\n')
    const result = await build([deck], {outDir: out})
    expect(result.decks[0].output).toBeUndefined()
    expect(result.files[0].messages.some((message) => message.fatal)).toBe(true)
    expect(readFileSync(path.join(out, 'talk', 'index.html')).equals(before)).toBe(true)
    expect(readdirSync(out)).toEqual(['talk'])
  })

  it('should refuse an output folder that contains its inputs', async () => {
    const input = folder()
    writeFileSync(path.join(input, 'talk.md'), '# Talk\n')
    await expect(build([input], {outDir: input})).rejects.toThrow(/contains the input/)
  })

  it('should put back a deck moved aside by a swap that was interrupted', async () => {
    const input = folder()
    const out = folder()
    writeFileSync(path.join(input, 'talk-2024.md'), '# Talk\n\n## One\n\nText.\n')
    await build([path.join(input, 'talk-2024.md')], {outDir: out})
    const before = readFileSync(path.join(out, 'talk-2024', 'index.html'))
    // Where `swapInto` moves the previous output before the new one arrives.
    renameSync(path.join(out, 'talk-2024'), path.join(out, `.lectern-old-talk-2024-${temporaryToken()}`))
    expect(cleanUpInterrupted(out)).toHaveLength(1)
    expect(readdirSync(out)).toEqual(['talk-2024'])
    expect(readFileSync(path.join(out, 'talk-2024', 'index.html')).equals(before)).toBe(true)
  })
})
