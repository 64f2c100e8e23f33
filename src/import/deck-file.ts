/**
 * Imported decks: a `.txt` or `.html` file given to `build`, `serve`, `pdf`
 * or `check` is imported to markdown before the pipeline runs, and the
 * messages the pipeline leaves point back into the original file.
 */
import type {Node} from 'unist'
import type {VFile} from 'vfile'
import {importArticle, type ImportFormat} from './import-article.js'
import {importFormatOf, isImportPath} from './extensions.js'

/** What an imported deck file remembers. */
export interface ImportedDeck {
  /** The format it was read as. */
  format: ImportFormat
  /** `lines[n]`: the source line of markdown line `n` (`0` when none). */
  lines: number[]
}

declare module 'vfile' {
  interface DataMap {
    /** Set on a deck file that was imported from text or HTML. */
    imported: ImportedDeck
  }
}

/**
 * Import a `.txt`/`.html` deck file in place: its value becomes markdown,
 * the importer's messages join its own. Does nothing to markdown files or
 * to a file already imported. Returns whether it imported.
 */
export function importDeckFile(file: VFile): boolean {
  if (file.data.imported || !isImportPath(file.path)) return false
  const result = importArticle(String(file.value ?? ''), {path: file.path})
  for (const message of result.file.messages) {
    message.file = file.path
    file.messages.push(message)
  }
  file.value = result.markdown
  file.data.imported = {
    format: importFormatOf(file.extname),
    lines: result.lines
  }
  return true
}

/**
 * Point the positions of a tree parsed from an imported file's markdown at
 * the lines of the original file, so messages, `data-source-line` and
 * `lectern check` name the line the text came from. Offsets stay markdown
 * offsets: the pipeline slices the markdown with them.
 */
export function placeImportedTree(tree: Node, file: VFile): void {
  const imported = file.data.imported
  if (!imported) return
  // Lines that came from nowhere (blank lines, front matter) take the next source line.
  const lines = [...imported.lines]
  let next = 0
  for (let line = lines.length - 1; line >= 1; line--) {
    if (lines[line]) next = lines[line]
    else lines[line] = next || line
  }
  const move = (node: Node) => {
    if (node.position) {
      node.position = {
        start: {...node.position.start, line: lines[node.position.start.line] ?? node.position.start.line},
        end: {...node.position.end, line: lines[node.position.end.line] ?? node.position.end.line}
      }
    }
    const children = (node as {children?: Node[]}).children
    if (children) for (const child of children) move(child)
  }
  move(tree)
}
