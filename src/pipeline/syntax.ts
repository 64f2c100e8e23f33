/**
 * The markdown syntax lectern reads: remark-parse plus these extensions. Kept
 * apart from the rest of the chain so the parse worker of
 * `build/parse-parallel.ts` loads only what parsing needs, and parses exactly
 * as `createProcessor` does.
 */
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import type {Preset} from 'unified'
import remarkPandocDivs from './pandoc-divs.js'

/** Front matter, GFM, math, directives and pandoc fenced divs, as a unified preset. */
export const remarkSyntax: Preset = {
  plugins: [[remarkFrontmatter, ['yaml']], remarkGfm, remarkMath, remarkDirective, remarkPandocDivs]
}
