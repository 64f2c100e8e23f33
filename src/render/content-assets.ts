/**
 * Files a deck's content needs beyond the page's own: KaTeX's stylesheet and
 * fonts when the deck has math, the local media `rehypeLocalAssets` found.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Element, Root} from 'hast'
import type {VFile} from 'vfile'
import {packageDir} from '../paths.js'
import {hasClassName} from '../tree/has-class-name.js'
import {someNode} from '../tree/some-node.js'
import type {Asset} from '../pipeline/rehype-reveal-document.js'
import type {OutputFile} from './render.js'

/** Whether a page has typeset math (KaTeX's `.katex` elements). */
export function hasMath(tree: Root): boolean {
  return someNode(tree, (node) => node.type === 'element' && hasClassName(node as Element, 'katex'))
}

/**
 * KaTeX's stylesheet and fonts, when the page has math. Only the `woff2`
 * fonts ship, the stylesheet trimmed to name them alone: every browser that
 * runs reveal.js reads `woff2`, and the page never asks for a file that is
 * not there.
 */
export function toMathAssets(tree: Root): {files: OutputFile[]; styles: Asset[]} {
  if (!hasMath(tree)) return {files: [], styles: []}
  const dist = path.join(packageDir('katex'), 'dist')
  const css = readFileSync(path.join(dist, 'katex.min.css'), 'utf8').replace(
    /,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\(["']?(?:woff|truetype)["']?\)/g,
    ''
  )
  const files: OutputFile[] = [{path: 'assets/katex/katex.css', content: css}]
  for (const match of css.matchAll(/url\(["']?fonts\/([^)"']+\.woff2)["']?\)/g)) {
    files.push({path: `assets/katex/fonts/${match[1]}`, from: path.join(dist, 'fonts', match[1])})
  }
  return {files, styles: [{href: 'assets/katex/katex.css'}]}
}

/** The media files `rehypeLocalAssets` recorded on a file. */
export function toMediaAssets(file: VFile): OutputFile[] {
  return (file.data.media ?? []).map((entry) => ({path: entry.path, from: entry.from}))
}
