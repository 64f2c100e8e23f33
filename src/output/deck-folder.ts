/**
 * A deck's output folder: its name, its files, and the atomic swap that puts
 * a finished folder in place of the old one. Every command that writes a deck
 * (build, check, pdf, png, the theme gallery) writes it through here.
 */
import {copyFile as copyFileCallback, rename as renameCallback, rm as rmCallback, writeFile as writeFileCallback} from 'node:fs'
import path from 'node:path'
import {promisify} from 'node:util'
import {toWriteError} from '../errors.js'
import type {OutputFile} from '../render/render.js'
import {temporaryToken} from './interrupted.js'
import {makeFolders} from './make-folders.js'

// The callback forms, promisified: `node:fs/promises` costs a build module loads it does not need.
const copyFile = promisify(copyFileCallback)
const rename = promisify(renameCallback)
const rm = promisify(rmCallback)
const writeFile = promisify(writeFileCallback)

/** The folder name of a deck: its file name without extension. */
export function deckName(file: string): string {
  return path.basename(file, path.extname(file))
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
