/**
 * Which files are imported (plain text, HTML pages) before they are built.
 * Kept apart from the importer so `build` can ask without loading it.
 */

/** Extensions read as HTML pages. */
export const htmlExtensions = ['.html', '.htm', '.xhtml'] as const

/** File extensions imported before they are built. */
export const importExtensions = ['.txt', '.text', ...htmlExtensions] as const

/** How a file with this extension (`.html`, `.HTM`…) is imported: as an HTML page, else as plain text. */
export function importFormatOf(extname: string | undefined): 'html' | 'text' {
  return (htmlExtensions as ReadonlyArray<string>).includes((extname ?? '').toLowerCase()) ? 'html' : 'text'
}

/** Whether a path names a file that is imported before it is built. */
export function isImportPath(filePath: string | undefined): boolean {
  const match = /\.[^./\\]+$/u.exec(filePath ?? '')
  return match !== null && (importExtensions as ReadonlyArray<string>).includes(match[0].toLowerCase())
}
