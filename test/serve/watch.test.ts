import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {createWatcher} from '../../src/serve/watch.js'
import {temporaryFolder} from '../util/fixtures.js'

describe('createWatcher', () => {
  const work = temporaryFolder()
  afterAll(() => work.remove())

  function watching(files: string[], folders: string[] = []) {
    const seen: string[] = []
    const watcher = createWatcher((file) => seen.push(file))
    watcher.update(files, folders)
    return {seen, watcher}
  }

  it('should see a write, a save by rename (as editors do), and a file that appears later', async () => {
    const deck = path.join(work.dir, 'deck.md')
    const picture = path.join(work.dir, 'img', 'later.png')
    mkdirSync(path.dirname(picture))
    writeFileSync(deck, '# One\n')
    const {seen, watcher} = watching([deck, picture])
    try {
      writeFileSync(deck, '# Two\n')
      await expect.poll(() => seen.includes(deck)).toBe(true)
      seen.length = 0
      writeFileSync(`${deck}.tmp`, '# Three\n')
      renameSync(`${deck}.tmp`, deck)
      await expect.poll(() => seen.includes(deck)).toBe(true)
      writeFileSync(picture, 'png')
      await expect.poll(() => seen.includes(picture)).toBe(true)
    } finally {
      watcher.close()
    }
  })

  it('should ignore files it was not given, see any file of a watched folder, and stop when closed', async () => {
    const folder = path.join(work.dir, 'decks')
    mkdirSync(folder)
    const {seen, watcher} = watching([], [folder])
    try {
      writeFileSync(path.join(work.dir, 'other.md'), 'x')
      writeFileSync(path.join(folder, 'new.md'), '# New\n')
      await expect.poll(() => seen.includes(path.join(folder, 'new.md'))).toBe(true)
      expect(seen).not.toContain(path.join(work.dir, 'other.md'))
    } finally {
      watcher.close()
    }
    seen.length = 0
    writeFileSync(path.join(folder, 'new.md'), '# Changed\n')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(seen).toEqual([])
  })

  it('should let go of a folder that is removed', async () => {
    const folder = path.join(work.dir, 'gone')
    mkdirSync(folder)
    const file = path.join(folder, 'deck.md')
    writeFileSync(file, 'x')
    const {watcher} = watching([file])
    rmSync(folder, {recursive: true})
    await new Promise((resolve) => setTimeout(resolve, 100))
    // Nothing throws; updating to other files still works.
    watcher.update([path.join(work.dir, 'deck.md')])
    watcher.close()
  })
})
