/**
 * remark plugin: split an article (auto mode) or slide markdown (explicit
 * mode) into slide and notes nodes (slides/index.ts), and record what it
 * learned about the deck on `file.data.deck`.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {toSlides, type SlidesOptions} from '../slides/index.js'

export type Options = SlidesOptions
export {eachSlide} from '../slides/index.js'

const emptyOptions: Readonly<Options> = {}

/** Turn an article into slides and move its prose into speaker notes. */
export default function remarkSlides(options?: Readonly<Options> | null) {
  const settings = options || emptyOptions
  return function (tree: Root, file: VFile): Promise<void> {
    return toSlides(tree, file, settings)
  }
}
