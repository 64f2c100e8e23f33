/**
 * The `lectern` command starts from V8's code cache, which `src/bundle.mjs`
 * made by running a build: the cache is there, Node.js accepts it, and a
 * cache Node.js refuses (another version's, or damaged) costs only speed.
 */
import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {root, runCli, temporaryFolder} from '../util/fixtures.js'

const lib = path.join(root, 'lib')

/** Whether V8 rejects lib/lectern.cjs.cache, asked in a fresh `node` as the command runs. */
function cacheRejected(folder: string): boolean {
  const script = `
    const {readFileSync} = require('node:fs'); const vm = require('node:vm'); const Module = require('node:module')
    const file = ${JSON.stringify(path.join(folder, 'lectern.cjs'))}
    const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8').replace(/^#!.*/, '')), {filename: file, cachedData: readFileSync(file + '.cache')})
    process.stdout.write(String(script.cachedDataRejected))`
  const result = spawnSync(process.execPath, ['-e', script], {encoding: 'utf8'})
  expect(result.status, result.stderr).toBe(0)
  return result.stdout === 'true'
}

describe('code cache', () => {
  const work = temporaryFolder()
  afterAll(() => work.remove())

  it('is built with the command and accepted by this Node.js', () => {
    expect(existsSync(path.join(lib, 'lectern.cjs.cache'))).toBe(true)
    expect(cacheRejected(lib)).toBe(false)
  })

  it('runs the command as usual when the cache is damaged or missing', () => {
    const copy = path.join(work.dir, 'lectern')
    for (const name of ['package.json', 'lib', 'themes']) cpSync(path.join(root, name), path.join(copy, name), {recursive: true})
    const cache = path.join(copy, 'lib', 'lectern.cjs.cache')
    writeFileSync(cache, Buffer.from('not a code cache'.repeat(64)))
    expect(cacheRejected(path.join(copy, 'lib'))).toBe(true)
    const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version as string
    const damaged = spawnSync(process.execPath, [path.join(copy, 'lib', 'cli.js'), '--version'], {encoding: 'utf8'})
    expect(damaged.stdout.trim()).toBe(version)
    expect(damaged.stderr).toBe('')
  })

  it('gives the same deck from the cache as without it (--debug loads the bundle as a module)', () => {
    const cached = runCli(['build', path.join(root, 'slides'), '--out-dir', path.join(work.dir, 'cached'), '--quiet'])
    const plain = runCli(['build', path.join(root, 'slides'), '--out-dir', path.join(work.dir, 'plain'), '--quiet', '--debug'])
    expect(cached.status).toBe(0)
    expect(plain.status).toBe(0)
    const page = (folder: string) => readFileSync(path.join(work.dir, folder, 'what-is-a-big-model', 'index.html'), 'utf8')
    expect(page('cached')).toContain('<section')
    expect(page('cached')).toBe(page('plain'))
  })
})
