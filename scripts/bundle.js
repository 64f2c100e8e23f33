// Bundle the CLI and the library into lib/ so `lectern` starts without a
// TypeScript compile and without resolving hundreds of small ESM files.
import {build} from 'esbuild'
import {readFileSync, rmSync} from 'node:fs'

rmSync(new URL('../lib', import.meta.url), {recursive: true, force: true})

await build({
  entryPoints: {cli: 'src/cli/cli.ts', index: 'src/index.ts'},
  outdir: 'lib',
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
  define: {__LECTERN_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version)},
  logLevel: 'warning'
})
