/**
 * Inputs: the files and folders a user names, turned into deck files, read
 * as UTF-8 text or refused with a reason.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {LecternError} from '../errors.js'
import {decodeDeclaredCharset} from '../import/charset.js'

/** File extensions lectern reads as decks in a folder; a `.txt` or `.html` file named on its own is imported first (`src/import/deck-file.ts`). */
export const deckExtensions = ['.md', '.markdown'] as const

/**
 * Largest input read (bytes); bigger files are refused. A talk's article is
 * tens of kilobytes; building takes about 40 s and 600 MB per megabyte, so a
 * 10 MB file would exhaust memory instead of making a deck.
 */
export const maxInputBytes = 2 * 1024 * 1024

/**
 * Expand inputs: a file is itself, a folder is every deck file in it
 * (sorted). Throws for a missing path or a folder without decks.
 */
export function resolveInputs(inputs: ReadonlyArray<string>, cwd: string, extensions: ReadonlyArray<string> = deckExtensions): string[] {
  if (inputs.length === 0) throw new LecternError('USAGE', 'Missing input: pass a markdown file or a folder of them, such as `slides`')
  const files: string[] = []
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input)
    let stats
    try {
      stats = statSync(absolute)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      // A link that points back at itself exists but leads nowhere; saying "no such file" would send the user looking for a typo.
      if (code === 'ELOOP') throw new LecternError('INPUT', `Cannot read \`${input}\`: symbolic link loop (ELOOP); point the link at a file`, {file: input, cause: error})
      if (code === 'EACCES' || code === 'EPERM') throw new LecternError('INPUT', `Cannot read \`${input}\`: permission denied (${code})`, {file: input, cause: error})
      throw new LecternError('INPUT', `Cannot find \`${input}\`: no such file or folder`, {file: input})
    }
    if (stats.isDirectory()) {
      const decks = readdirSync(absolute)
        .filter((name) => !name.startsWith('.') && extensions.includes(path.extname(name).toLowerCase()))
        .sort()
        .map((name) => path.join(absolute, name))
      if (decks.length === 0) {
        throw new LecternError('INPUT', `No decks in folder \`${input}\`: expected ${extensions.map((e) => `\`*${e}\``).join(' or ')} files`, {file: input})
      }
      files.push(...decks)
    } else {
      files.push(absolute)
    }
  }
  return [...new Set(files)]
}

/** Read a deck as text; refuse binary, non-UTF-8 and oversized files. */
export function readDeckText(file: string, display: string): string {
  let buffer: Buffer
  try {
    if (statSync(file).size > maxInputBytes) {
      throw new LecternError('INPUT', `Unexpected file larger than ${maxInputBytes / 1024 / 1024} MB, expected an article a talk can cover; split it into several decks`, {file: display})
    }
    buffer = readFileSync(file)
  } catch (error) {
    if (error instanceof LecternError) throw error
    throw new LecternError('INPUT', `Cannot read \`${display}\`: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {file: display, cause: error})
  }
  if (buffer.subarray(0, 8000).includes(0)) {
    throw new LecternError('INPUT', `Cannot read \`${display}\`: it is a binary file, expected markdown text`, {file: display})
  }
  try {
    const text = new TextDecoder('utf-8', {fatal: true}).decode(buffer)
    return text.replace(/^\uFEFF/, '')
  } catch {
    // A saved page in the charset its `<meta>` declares (GBK, Shift_JIS…) is read in it.
    const declared = decodeDeclaredCharset(buffer, file)
    if (declared !== undefined) return declared
    throw new LecternError('INPUT', `Cannot read \`${display}\`: it is not UTF-8 text; save it as UTF-8`, {file: display})
  }
}
