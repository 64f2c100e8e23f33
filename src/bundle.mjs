// Bundle the CLI and the library into lib/ so `lectern` starts without a
// TypeScript compile and without resolving hundreds of small ESM files.
// Written to a temporary folder and swapped in, so a running `lectern` never
// sees half a bundle.
import {build} from 'esbuild'
import {readFileSync, renameSync, rmSync} from 'node:fs'

const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version
const token = `${process.pid}-${Date.now()}`
process.chdir(new URL('..', import.meta.url).pathname)
const temporary = `lib.tmp-${token}`

await build({
  // The worker thread of parse-parallel.ts is its own entry, found next to cli.js.
  entryPoints: {cli: 'src/cli/cli.ts', index: 'src/index.ts', 'parse-worker': 'src/build/parse-worker.ts'},
  outdir: temporary,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Heavy or file-reading packages stay in node_modules and load lazily.
  external: ['playwright-core', 'subset-font', 'chokidar', 'fsevents'],
  banner: {js: "import {createRequire as __lecternRequire} from 'node:module'; const require = __lecternRequire(import.meta.url);"},
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  // Smaller files parse faster at start-up.
  minify: true,
  // `--debug` turns source maps on, so its stack traces name the TypeScript sources.
  sourcemap: 'linked',
  sourcesContent: false,
  define: {__LECTERN_VERSION__: JSON.stringify(version)},
  logLevel: 'warning'
})

// The faces of the built-in themes' fonts, so a build need not read their CSS (src/build/fonts.ts).
const indexer = `${temporary}/font-index.mjs`
await build({
  entryPoints: {'font-index': 'src/build/font-index.ts'},
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

const old = `lib.old-${token}`
try {
  renameSync('lib', old)
} catch {}
renameSync(temporary, 'lib')
rmSync(old, {recursive: true, force: true})
