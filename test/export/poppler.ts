/**
 * Reading PDFs back with poppler-utils (pdfinfo, pdftotext, pdffonts,
 * pdftoppm), and what a deck's slides should print.
 */
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {selectAll, select} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {renderDeck, toFile} from '../../src/render/render.js'

/** `pdfinfo` fields. */
export function pdfInfo(file: string): {pages: number; width: number; height: number; title: string} {
  const text = execFileSync('pdfinfo', [file], {encoding: 'utf8'})
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(text)!
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(text)![1]),
    width: Math.round(Number(size[1])),
    height: Math.round(Number(size[2])),
    title: /Title:\s+(.*)/.exec(text)?.[1].trim() ?? ''
  }
}

/** The text of one page (1-based), or of all pages. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)]
  return execFileSync('pdftotext', [...range, '-enc', 'UTF-8', file, '-'], {encoding: 'utf8'})
}

/** `pdffonts` rows: name and whether embedded. */
export function pdfFonts(file: string): Array<{name: string; embedded: boolean}> {
  const lines = execFileSync('pdffonts', [file], {encoding: 'utf8'}).split('\n').slice(2).filter(Boolean)
  return lines.map((line) => {
    const name = line.split(/\s+/)[0]
    // Columns after the name: type (may hold spaces), encoding, emb, sub, uni, object id.
    const columns = line.trim().split(/\s+/)
    return {name, embedded: columns[columns.length - 5] === 'yes'}
  })
}

/** URLs of link annotations, per page. */
export function pdfLinks(file: string): Array<{page: number; url: string}> {
  return execFileSync('pdfinfo', ['-url', file], {encoding: 'utf8'})
    .split('\n')
    .slice(1)
    .map((line) => /^\s*(\d+)\s+Annotation\s+(\S+)/.exec(line))
    .filter((match): match is RegExpExecArray => Boolean(match))
    .map((match) => ({page: Number(match[1]), url: match[2]}))
}

/** Render a page to a grayscale bitmap; returns the share of dark pixels. */
export function darkShare(file: string, page: number, out: string): number {
  execFileSync('pdftoppm', ['-r', '30', '-gray', '-f', String(page), '-l', String(page), '-singlefile', file, out])
  const data = readFileSync(`${out}.pgm`)
  // P5 header: magic, width height, max, then bytes.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 40).toString('latin1'))!
  const pixels = data.subarray(header[0].length)
  let dark = 0
  for (const value of pixels) if (value < 128) dark++
  return dark / pixels.length
}

/** Slides as the built page has them: title and notes text, in order. */
export async function expectedSlides(markdown: string, filePath: string): Promise<Array<{title: string; notes: string}>> {
  const file = toFile(markdown, filePath)
  const rendered = await renderDeck(file)
  const tree = fromHtml(rendered.html)
  const slides = selectAll('.slides section', tree).filter(
    (section) => !section.children.some((child) => child.type === 'element' && child.tagName === 'section')
  )
  return slides.map((section: Element) => {
    const heading = select('h1, h2, h3, h4, h5, h6', section)
    const notes = select('aside.notes', section)
    return {title: heading ? toString(heading) : '', notes: notes ? toString(notes).trim() : ''}
  })
}

/** Text with all whitespace removed, for comparing PDF text (which wraps) with source text. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '')
}
