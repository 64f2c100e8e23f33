// Bundle the CLI and the library into lib/ so `lectern` starts without a
// TypeScript compile and without resolving hundreds of small ESM files.
// Written to a temporary folder and swapped in, so a running `lectern` never
// sees half a bundle.
import {build} from 'esbuild'
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {chmodSync, copyFileSync, readdirSync, readFileSync, renameSync, rmSync, statSync} from 'node:fs'
import path from 'node:path'

const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version
const token = `${process.pid}-${Date.now()}`
process.chdir(new URL('..', import.meta.url).pathname)

// What this bundle is made of: parsed sections kept on disk (src/markdown/section-store.ts) are
// read back only by a bundle of the same sources and locked dependencies.
const sources = ['package.json', 'package-lock.json', ...readdirSync('src', {recursive: true, encoding: 'utf8'}).map((name) => path.join('src', name))]
  .filter((file) => statSync(file).isFile())
  .sort()
const hash = createHash('sha256')
for (const file of sources) hash.update(`${file}\0`).update(readFileSync(file)).update('\0')
const buildId = hash.digest('base64url').slice(0, 22)
const define = {__LECTERN_VERSION__: JSON.stringify(version), __LECTERN_BUILD_ID__: JSON.stringify(buildId)}
const temporary = `lib.tmp-${token}`
// Heavy or file-reading packages stay in node_modules and load lazily.
const external = ['playwright-core', 'subset-font', 'chokidar', 'fsevents', 'pptxgenjs', 'mathjax-full', '@resvg/resvg-js']

await build({
  // The library (index.js) and the parse worker of parse-parallel.ts, found next to cli.js.
  entryPoints: {index: 'src/index.ts', 'parse-worker': 'src/markdown/parse-worker.ts'},
  outdir: temporary,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  banner: {js: "import {createRequire as __lecternRequire} from 'node:module'; const require = __lecternRequire(import.meta.url);"},
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  // Smaller files parse faster at start-up.
  minify: true,
  // `--debug` turns source maps on, so its stack traces name the TypeScript sources.
  sourcemap: 'linked',
  sourcesContent: false,
  define,
  logLevel: 'warning'
})

// The command: one CommonJS file, which bin.ts (cli.js) starts from V8's code cache.
await build({
  entryPoints: {lectern: 'src/cli/cli.ts'},
  outdir: temporary,
  outExtension: {'.js': '.cjs'},
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external,
  // paths.ts finds the package from its own URL.
  define: {'import.meta.url': '__lecternUrl', ...define},
  // `import()` becomes `require()`: code from V8's cache has no callback for dynamic imports in Node 20.
  supported: {'dynamic-import': false},
  banner: {js: "var __lecternUrl = require('node:url').pathToFileURL(__filename).href;"},
  legalComments: 'none',
  minify: true,
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning'
})
await build({
  entryPoints: {cli: 'src/cli/bin.ts'},
  outdir: temporary,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner: {js: '#!/usr/bin/env node'},
  logLevel: 'warning'
})
chmodSync(`${temporary}/cli.js`, 0o755)

// The faces of the built-in themes' fonts, so a build need not read their CSS (src/render/fonts.ts).
const indexer = `${temporary}/font-index.mjs`
await build({
  entryPoints: {'font-index': 'src/render/font-index.ts'},
  outdir: temporary,
  outExtension: {'.js': '.mjs'},
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning'
})
const {writeFontIndex} = await import(new URL(indexer, `file://${process.cwd()}/`).href)
writeFontIndex(`${temporary}/font-faces.json`)
rmSync(indexer)

// What runs in the page (src/client/), into lib/client/, where lectern reads it from (src/paths.ts).
// The minimum scale is the deck's (src/deck/metrics.ts), the one the splitter uses, written in here rather than twice.
const facts = await build({
  stdin: {contents: "export {minimumScale} from './src/deck/metrics.ts'", resolveDir: '.', loader: 'ts'},
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'warning'
})
const {minimumScale} = await import(`data:text/javascript;base64,${Buffer.from(facts.outputFiles[0].contents).toString('base64')}`)
await build({
  entryPoints: ['lectern', 'reload', 'print-layout', 'measure'].map((name) => `src/client/${name}.ts`),
  outdir: `${temporary}/client`,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  // What reveal.js 5 runs on.
  target: 'es2017',
  define: {__LECTERN_MINIMUM_SCALE__: JSON.stringify(minimumScale)},
  legalComments: 'none',
  logLevel: 'warning'
})
copyFileSync('src/client/lectern.css', `${temporary}/client/lectern.css`)

const old = `lib.old-${token}`
try {
  renameSync('lib', old)
} catch {}
renameSync(temporary, 'lib')
rmSync(old, {recursive: true, force: true})

// The code cache: one build of the theme sample, run as a user would, from lib/ in place
// (the cache keeps the paths its code was compiled at).
const training = `lib.training-${token}`
const trained = spawnSync(process.execPath, ['lib/cli.js', 'build', 'themes/sample.md', '--out-dir', training, '--quiet'], {
  env: {...process.env, LECTERN_WRITE_CODE_CACHE: '1'},
  encoding: 'utf8'
})
rmSync(training, {recursive: true, force: true})
if (trained.status !== 0) throw new Error(`The code cache build failed: ${trained.stderr}`)
