/**
 * Where lectern's own files are: the package root (for `themes/` and the
 * page runtime) and the packages it ships assets from.
 */
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

let root: string | undefined

/** The folder of lectern's `package.json`, found by walking up from this module. */
export function packageRoot(): string {
  if (root) return root
  let folder = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const manifest = path.join(folder, 'package.json')
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'lectern') {
      root = folder
      return folder
    }
    const parent = path.dirname(folder)
    if (parent === folder) throw new Error('Cannot find the lectern package root')
    folder = parent
  }
}

const packageDirs = new Map<string, string>()

/** The folder of an installed npm package lectern depends on. */
export function packageDir(name: string): string {
  let folder = packageDirs.get(name)
  if (folder) return folder
  // Where Node looks first, checked directly: resolving costs a build about a millisecond a package.
  const nested = path.join(packageRoot(), 'node_modules', name)
  if (existsSync(path.join(nested, 'package.json'))) folder = nested
  else folder = path.dirname(createRequire(path.join(packageRoot(), 'package.json')).resolve(`${name}/package.json`))
  packageDirs.set(name, folder)
  return folder
}

/** The built-in themes folder. */
export function themesDir(): string {
  return path.join(packageRoot(), 'themes')
}

let client: string | undefined

/**
 * The folder of files that run in the page (`lectern.js`, `lectern.css`, the
 * reload, print and measuring scripts): `lib/client/`, which `npm run build`
 * bundles from `src/client/`, whether lectern runs from `lib/` or its sources.
 */
export function clientDir(): string {
  if (client) return client
  const folder = path.join(packageRoot(), 'lib', 'client')
  if (!existsSync(path.join(folder, 'lectern.js'))) {
    throw new Error(`Cannot find lectern's page scripts in \`${folder}\`; run \`npm run build\` to bundle them from \`src/client/\``)
  }
  client = folder
  return folder
}

const scripts = new Map<string, string>()

/** The text of a bundled page script (`reload.js`, `print-layout.js`, `measure.js`), read once. */
export function clientScript(name: string): string {
  let text = scripts.get(name)
  if (text === undefined) {
    text = readFileSync(path.join(clientDir(), name), 'utf8')
    scripts.set(name, text)
  }
  return text
}
