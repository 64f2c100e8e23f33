#!/usr/bin/env node
/**
 * Proof for restructurings: build a fixed set of decks (the seed, every
 * fixture and acceptance deck, the imported fixtures; folder and single-file
 * output, PDF-free) with the CLI and print one SHA-256 per output file.
 *
 *   node bench/same-output.js > before.txt   # on the old commit
 *   node bench/same-output.js > after.txt    # on the new one
 *   diff before.txt after.txt                # empty: byte-identical decks
 *
 * Run `npm run build` first: it uses lib/cli.js, as a user would.
 */
import {execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const cli = path.join(root, 'lib', 'cli.js')

/** Every deck input under the project, sorted so two runs list them alike. */
function inputs() {
  const found = [path.join(root, 'slides')]
  for (const folder of ['test/fixtures', 'test/fixtures-import']) {
    for (const name of readdirSync(path.join(root, folder)).sort()) {
      for (const candidate of ['input.md', 'input.txt', 'input.html']) {
        const file = path.join(root, folder, name, candidate)
        if (existsSync(file)) found.push(file)
      }
    }
  }
  const acceptance = path.join(root, 'test/fixtures-acceptance')
  for (const name of readdirSync(acceptance).sort()) if (name.endsWith('.md')) found.push(path.join(acceptance, name))
  return found
}

/** Every file under `folder`, relative, sorted. */
function walk(folder, prefix = '') {
  const out = []
  for (const name of readdirSync(folder).sort()) {
    const full = path.join(folder, name)
    if (statSync(full).isDirectory()) out.push(...walk(full, path.join(prefix, name)))
    else out.push(path.join(prefix, name))
  }
  return out
}

const work = mkdtempSync(path.join(tmpdir(), 'lectern-same-'))
try {
  for (const input of inputs()) {
    const label = path.relative(root, input)
    for (const mode of [[], ['--single-file']]) {
      const out = path.join(work, 'out')
      rmSync(out, {recursive: true, force: true})
      let status = 0
      try {
        execFileSync(process.execPath, [cli, 'build', input, '--out-dir', out, '--no-cache', '--quiet', ...mode], {cwd: path.dirname(input), stdio: ['ignore', 'ignore', 'pipe']})
      } catch (error) {
        status = error.status ?? 1
      }
      const tag = `${label}${mode.length > 0 ? ' (single file)' : ''}`
      if (!existsSync(out)) {
        console.log(`${tag}\texit ${status}\t(no output)`)
        continue
      }
      for (const file of walk(out)) {
        const hash = createHash('sha256').update(readFileSync(path.join(out, file))).digest('hex').slice(0, 16)
        console.log(`${tag}\texit ${status}\t${file}\t${hash}`)
      }
    }
  }
} finally {
  rmSync(work, {recursive: true, force: true})
}
