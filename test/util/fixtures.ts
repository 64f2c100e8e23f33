/**
 * Helpers for tests: temporary folders, running the pipeline on markdown,
 * running the built CLI.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {afterEach} from 'vitest'
import remarkSlides, {type Options} from '../../src/pipeline/remark-slides.js'
import {remarkSyntax} from '../../src/markdown/syntax.js'

/** The repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The seed article (Chinese, auto mode): the deck every change is first tried on. */
export const seedDeck = path.join(root, 'slides', 'what-is-a-big-model.md')

/** The built CLI. */
export const cli = path.join(root, 'lib', 'cli.js')

/** A fresh temporary folder, removed by the returned function. */
export function temporaryFolder(prefix = 'lectern-test-'): {dir: string; remove: () => void} {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
  return {dir, remove: () => rmSync(dir, {recursive: true, force: true})}
}

/** Call at the top of a test file: a function giving fresh temporary folders, each removed after the test that asked for it. */
export function temporaryFolders(prefix?: string): () => string {
  const removes: Array<() => void> = []
  afterEach(() => {
    while (removes.length > 0) removes.pop()!()
  })
  return () => {
    const {dir, remove} = temporaryFolder(prefix)
    removes.push(remove)
    return dir
  }
}

/** Run the mdast half of the pipeline: markdown → slide tree. */
export async function toSlideTree(markdown: string, options?: Options, filePath = 'deck.md'): Promise<{tree: Root; file: VFile}> {
  const file = new VFile({value: markdown, path: filePath})
  const processor = unified().use(remarkParse).use(remarkSyntax).use(remarkSlides, options)
  const tree = await processor.run(processor.parse(file), file)
  return {tree: tree as Root, file}
}

/** Run the built CLI; returns its status and output. */
export function runCli(args: string[], options: {cwd?: string; env?: NodeJS.ProcessEnv; input?: string} = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? root,
    env: {...process.env, ...options.env},
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 120_000
  })
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}
