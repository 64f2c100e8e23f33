/**
 * `lectern build`: every deck to `<outDir>/<deck>/index.html` plus its
 * assets, written to a temporary folder and swapped into place, so a failed
 * build leaves the previous output as it was.
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {LecternError} from '../errors.js'
import type {Options} from '../config/options.js'
import {resolveConfig} from '../config/resolve.js'
import type {DeckInfo} from '../deck/types.js'
import {isInside, toRelativePath} from '../relative-path.js'
import {resolveInputs, readDeckText} from '../render/inputs.js'
import {deckName, writeDeck} from '../output/deck-folder.js'
import {cleanUpStale} from '../output/interrupted.js'
import {minSectionedLength} from '../markdown/parse-parallel.js'
import {renderDeck, toFile} from '../render/render.js'
import {openSectionStore} from '../markdown/section-store.js'

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
  const settings = resolveConfig(options, 'build')
  const onProgress = options?.onProgress ?? undefined
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
    onProgress?.({type: 'start', input, index, total: files.length})
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
        const {toSingleFile, writeSingleFile} = await import('../output/single-file.js')
        const page = await toSingleFile(rendered)
        onProgress?.(writing)
        bytes = await writeSingleFile(output, page)
      } else {
        onProgress?.(writing)
        output = await writeDeck(settings.outDir, deckName(absolute), rendered.html, rendered.assets)
      }
    }
    decks.push({input, output, file, deck: file.data.deck, ms: milliseconds() - start, bytes})
    onProgress?.({type: 'done', input, index, total: files.length})
  }
  return {decks, files: decks.map((deck) => deck.file)}
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
