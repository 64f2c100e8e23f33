/**
 * `lectern png`: one PNG per slide, in the final state of its fragments, at
 * the deck's canvas size: `001.png`, `002.png`, … in slide order (vertical
 * slides counted in place), written to a temporary folder and swapped in.
 */
import {readdir, rm} from 'node:fs/promises'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import type {VFile} from 'vfile'
import {deckName, swapInto} from '../output/deck-folder.js'
import {temporaryToken} from '../output/interrupted.js'
import {exportPath, resolveConfig} from '../config/resolve.js'
import {LecternError} from '../errors.js'
import {isInside} from '../relative-path.js'
import type {DeckInfo} from '../deck/types.js'
import {prepareDeck} from './prepare.js'
import {withPrintedDeck, type ExportOptions} from './session.js'
import {makeFolders} from '../output/make-folders.js'

/** Options of `exportPng`. */
export interface PngOptions extends ExportOptions {
  /** Folder the PNGs are written to, relative to `cwd` (default: `dist/<deck>-png`). */
  outDir?: string | null | undefined
}

/** What `exportPng` did. */
export interface PngResult {
  /** Input path as given. */
  input: string
  /** The folder written; `undefined` when the deck had errors. */
  outDir: string | undefined
  /** The PNG files, in slide order. */
  files: string[]
  /** The deck's file, with its messages. */
  file: VFile
  deck: DeckInfo | undefined
  /** Milliseconds the export took. */
  ms: number
}

/** `0` of `16` → `001.png`; names are as wide as the largest number, at least 3 digits. */
export function pngName(index: number, total: number): string {
  return `${String(index + 1).padStart(Math.max(3, String(total).length), '0')}.png`
}

/** Render one PNG per slide of a markdown deck. */
export async function exportPng(input: string, options?: Readonly<PngOptions> | null): Promise<PngResult> {
  const settings = options || {}
  const start = performance.now()
  // `outDir` here is the folder of the pictures itself, not the output folder it defaults into.
  const config = resolveConfig({...settings, outDir: undefined}, 'png')
  const prepared = await prepareDeck(input, settings, 'png')
  const outDir = exportPath(config, settings.outDir, deckName(prepared.absolute), 'png')
  await refuseUnsafeOutDir(outDir, prepared.absolute)
  const result: PngResult = {input, outDir: undefined, files: [], file: prepared.file, deck: prepared.deck, ms: 0}
  if (!prepared.html) return {...result, ms: performance.now() - start}

  const token = temporaryToken()
  const temporary = path.join(path.dirname(outDir), `.lectern-tmp-${path.basename(outDir)}-${token}`)
  try {
    await makeFolders(temporary)
    const names = await withPrintedDeck(
      prepared,
      'slides',
      settings,
      async ({page, layout}, step) => {
        const sheets = page.locator('.lectern-sheet')
        const written: string[] = []
        for (let index = 0; index < layout.sheets; index++) {
          step(`slide ${index + 1}`)
          const name = pngName(index, layout.sheets)
          await sheets.nth(index).screenshot({path: path.join(temporary, name), animations: 'disabled'})
          written.push(name)
        }
        return written
      },
      prepared.deck?.slides ?? 1
    )
    await swapInto(temporary, outDir, token)
    return {...result, outDir, files: names.map((name) => path.join(outDir, name)), ms: performance.now() - start}
  } catch (error) {
    await rm(temporary, {recursive: true, force: true})
    throw error
  }
}

/**
 * The PNG folder is replaced as a whole, so refuse one that holds the input
 * or anything but PNGs lectern wrote.
 */
async function refuseUnsafeOutDir(outDir: string, input: string): Promise<void> {
  if (isInside(input, outDir)) {
    throw new LecternError('OUTPUT', `Refusing to write PNGs to \`${outDir}\`: it contains the input; choose another \`--out-dir\``)
  }
  let entries: string[]
  try {
    entries = await readdir(outDir)
  } catch {
    return
  }
  const foreign = entries.find((name) => !/^\d{3,}\.png$/.test(name))
  if (foreign) {
    throw new LecternError(
      'OUTPUT',
      `Refusing to replace \`${outDir}\`: it holds \`${foreign}\`, which lectern did not write; choose another \`--out-dir\``
    )
  }
}
