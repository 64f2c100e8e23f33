/**
 * The markdown syntax lectern reads: remark-parse plus these extensions. Kept
 * apart from the rest of the chain so the parse worker of
 * `build/parse-parallel.ts` loads only what parsing needs, and parses exactly
 * as `createProcessor` does.
 */
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkMath from 'remark-math'
import type {Preset} from 'unified'
import {remarkGfmParts, remarkSkipLiteralAutolinks} from './gfm.js'
import remarkPandocDivs from './pandoc-divs.js'

/** Front matter, GFM, math, directives and pandoc fenced divs, as a unified preset; literal autolinks are looked for only in text that may have one. */
export const remarkSyntax: Preset = {
  plugins: [[remarkFrontmatter, ['yaml']], remarkGfmParts, remarkMath, remarkDirective, remarkPandocDivs, remarkSkipLiteralAutolinks]
}
