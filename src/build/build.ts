/**
 * `lectern build`: every deck to `<outDir>/<deck>/index.html` plus its
 * assets, written to a temporary folder and swapped into place, so a failed
 * build leaves the previous output as it was.
 */
import {copyFile as copyFileCallback, rename as renameCallback, rm as rmCallback, writeFile as writeFileCallback} from 'node:fs'
import path from 'node:path'
import {promisify} from 'node:util'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {LecternError, toWriteError} from '../errors.js'
import {resolveOptions, type Options} from '../options.js'
import type {DeckInfo} from '../pipeline/types.js'
import {isInside, toRelativePath} from '../relative-path.js'
import {resolveInputs, readDeckText} from './inputs.js'
import {cleanUpStale, temporaryToken} from './interrupted.js'
import {minSectionedLength} from './parse-parallel.js'
import {renderDeck, toFile, type OutputFile} from './render.js'
import {openSectionStore} from './section-store.js'
import {makeFolders} from '../make-folders.js'

// The callback forms, promisified: `node:fs/promises` costs a build module loads it does not need.
const copyFile = promisify(copyFileCallback)
const rename = promisify(renameCallback)
const rm = promisify(rmCallback)
const writeFile = promisify(writeFileCallback)

/** A clock for timing decks; not `performance.now()`, whose first use loads `perf_hooks`. */
function milliseconds(): number {
  return Number(process.hrtime.bigint()) / 1e6
}

/** What happened to one deck. */
export interface DeckResult {
  /** Input path as given (relative to `cwd`). */
  input: string
  /** Written `index.html` (or single file); `undefined` when the deck had errors. */
  output: string | undefined
  /** The file with its messages. */
  file: VFile
  /** What the pipeline learned about the deck. */
  deck: DeckInfo | undefined
  /** Milliseconds spent on this deck. */
  ms: number
  /** Size of the written single file in bytes (`--single-file` only). */
  bytes?: number | undefined
}

/** What a build did. */
export interface BuildResult {
  decks: DeckResult[]
  /** Every file, for reporting messages. */
  files: VFile[]
}

/** Build decks (files or folders of them) into the output folder. */
export async function build(inputs: ReadonlyArray<string>, options?: Readonly<Options> | null): Promise<BuildResult> {
  const settings = resolveOptions(options)
  const files = resolveInputs(inputs, settings.cwd)
  refuseUnsafeOutDir(settings.outDir, files, settings.cwd)
  const names = new Set<string>()
  for (const file of files) {
    const name = deckName(file)
    if (names.has(name)) {
      throw new LecternError('INPUT', `Two decks would both be written to \`${name}\`: rename one of them`, {file: toRelativePath(settings.cwd, file)})
    }
    names.add(name)
  }
  // What killed builds left behind (`kill -9`, a signal while a folder was being made).
  cleanUpStale(settings.outDir)

  const decks: DeckResult[] = []
  for (const [index, absolute] of files.entries()) {
    const input = toRelativePath(settings.cwd, absolute)
    settings.onProgress?.({type: 'start', input, index, total: files.length})
    const start = milliseconds()
    const file = toFile(readDeckText(absolute, input), input, settings.cwd)
    // Large decks keep their parsed sections for the next build; small ones parse faster than a store loads.
    const store = settings.cacheDir && String(file.value).length >= minSectionedLength ? openSectionStore(absolute, settings.cacheDir) : undefined
    let rendered
    try {
      rendered = await renderDeck(file, store?.cache ? {...settings, cache: store.cache} : settings)
      store?.save()
    } catch (error) {
      // A plugin's `file.fail()` is already a fatal message of this deck; the other decks still build.
      if (!(error instanceof VFileMessage && file.messages.includes(error))) throw error
    }
    let output: string | undefined
    let bytes: number | undefined
    if (rendered && !file.messages.some((message) => message.fatal)) {
      const writing = {type: 'write', input, index, total: files.length} as const
      if (settings.singleFile) {
        output = path.join(settings.outDir, `${deckName(absolute)}.html`)
        // The inliner (an HTML parser, a font subsetter) loads only for --single-file.
        const {toSingleFile, writeSingleFile} = await import('./single-file.js')
        const page = await toSingleFile(rendered)
        settings.onProgress?.(writing)
        bytes = await writeSingleFile(output, page)
      } else {
        settings.onProgress?.(writing)
        output = await writeDeck(settings.outDir, deckName(absolute), rendered.html, rendered.assets)
      }
    }
    decks.push({input, output, file, deck: file.data.deck, ms: milliseconds() - start, bytes})
    settings.onProgress?.({type: 'done', input, index, total: files.length})
  }
  return {decks, files: decks.map((deck) => deck.file)}
}

/** The folder name of a deck: its file name without extension. */
export function deckName(file: string): string {
  return path.basename(file, path.extname(file))
}

/** Refuse an output folder that holds the inputs, or is the project itself. */
function refuseUnsafeOutDir(outDir: string, files: string[], cwd: string): void {
  for (const file of files) {
    if (isInside(file, outDir)) {
      throw new LecternError(
        'OUTPUT',
        `Refusing to write to \`${toRelativePath(cwd, outDir) || '.'}\`: it contains the input \`${toRelativePath(cwd, file)}\`; choose another \`--out-dir\``,
        {file: toRelativePath(cwd, outDir) || '.'}
      )
    }
  }
  if (outDir === path.parse(outDir).root) {
    throw new LecternError('OUTPUT', `Refusing to write to the root folder \`${outDir}\`; choose another \`--out-dir\``, {file: outDir})
  }
}

/** Write a deck folder atomically: into a temporary folder, then swapped in. */
export async function writeDeck(outDir: string, name: string, html: string, assets: OutputFile[]): Promise<string> {
  const target = path.join(outDir, name)
  const token = temporaryToken()
  const temporary = path.join(outDir, `.lectern-tmp-${name}-${token}`)
  try {
    await writeDeckFiles(temporary, html, assets)
    await swapInto(temporary, target, token)
  } catch (error) {
    // Removing what was written can fail for the same reason writing did.
    await rm(temporary, {recursive: true, force: true}).catch(() => undefined)
    throw toWriteError(target, error, outDir)
  }
  return path.join(target, 'index.html')
}

/** Write a deck's `index.html` and its assets into a folder (created if missing), as they are, not atomically. */
export async function writeDeckFiles(folder: string, html: string, assets: ReadonlyArray<OutputFile>): Promise<void> {
  await makeFolders(folder)
  const unique = new Map(assets.map((asset) => [asset.path, asset]))
  const folders = new Set([...unique.keys()].map((file) => path.dirname(path.join(folder, ...file.split('/')))))
  for (const dir of folders) await makeFolders(dir)
  // Files are independent: copy them all at once, so the disk, not the loop, sets the pace.
  await Promise.all([
    ...[...unique.values()].map((asset) => {
      const destination = path.join(folder, ...asset.path.split('/'))
      return asset.from ? copyFile(asset.from, destination) : writeFile(destination, asset.content ?? '')
    }),
    writeFile(path.join(folder, 'index.html'), html)
  ])
}

/** Put a finished folder (or file) in place of the old one with renames only. */
export async function swapInto(temporary: string, target: string, token: string): Promise<void> {
  const old = path.join(path.dirname(target), `.lectern-old-${path.basename(target)}-${token}`)
  let moved = false
  try {
    await rename(target, old)
    moved = true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  try {
    await rename(temporary, target)
  } catch (error) {
    if (moved) await rename(old, target)
    throw error
  }
  if (moved) await rm(old, {recursive: true, force: true})
}
