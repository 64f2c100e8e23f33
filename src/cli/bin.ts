/**
 * The `lectern` command's first file: start the CLI bundle (`lectern.cjs`,
 * next to this file) from V8's code cache when there is one, so a build
 * does not spend its first tens of milliseconds compiling lectern.
 *
 * `src/bundle.mjs` makes the cache: it runs one build with
 * `LECTERN_WRITE_CODE_CACHE` set, and this file then saves the compiled code
 * (lectern's functions that ran included) as `lectern.cjs.cache`. A cache
 * another Node.js made is rejected by V8, and the bundle is compiled as
 * usual. `--debug` loads the bundle the usual way, so that stack traces go
 * through its source map.
 */
import {readFileSync, renameSync, writeFileSync} from 'node:fs'
import Module, {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import vm from 'node:vm'

const folder = path.dirname(fileURLToPath(import.meta.url))
const file = path.join(folder, 'lectern.cjs')
const cacheFile = `${file}.cache`
const require = createRequire(file)

if (process.argv.includes('--debug')) {
  require(file)
} else {
  let cachedData: Buffer | undefined
  try {
    cachedData = readFileSync(cacheFile)
  } catch {
    // No cache: compiled as usual.
  }
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8').replace(/^#!.*/, '')), {
    filename: file,
    cachedData
  })
  if (process.env.LECTERN_WRITE_CODE_CACHE) {
    process.once('exit', () => {
      const temporary = `${cacheFile}.${process.pid}`
      writeFileSync(temporary, script.createCachedData())
      renameSync(temporary, cacheFile)
    })
  }
  const start = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void
  const module = {exports: {}}
  start.call(module.exports, module.exports, require, module, file, folder)
}
