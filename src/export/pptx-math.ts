/**
 * Display math as a picture PowerPoint can show: MathJax sets the TeX as an
 * SVG of glyph outlines (no fonts needed), resvg draws it as a PNG. Both
 * load only for a deck with math; when either cannot load, or MathJax
 * cannot read a formula, the caller keeps its TeX as text.
 */
import type {PptxImage} from './pptx-layout.js'

/** A formula drawn as a PNG, with its size in ems of the text it is set in. */
export interface MathPicture extends PptxImage {
  /** Width and height in ems. */
  width: number
  height: number
}

/** A formula's picture, or why there is none. */
export type MathResult = {picture: MathPicture} | {reason: string}

/** Draws a display formula, or says why it cannot. */
export type MathRenderer = (tex: string) => MathResult

/** Pixels per em of the PNG: a 40 pt formula at about 220 dpi. */
const pixelsPerEm = 120

/**
 * Load MathJax and resvg and return a renderer that draws in `color`
 * (`RRGGBB`), keeping each formula's picture; a renderer that always gives
 * a reason when the packages cannot be loaded.
 */
export async function createMathRenderer(color: string): Promise<MathRenderer> {
  let convert: (tex: string) => string
  let rasterise: (svg: string, width: number) => Uint8Array
  try {
    const [{mathjax}, {TeX}, {SVG}, {liteAdaptor}, {RegisterHTMLHandler}, {AllPackages}, {Resvg}] = await Promise.all([
      import('mathjax-full/js/mathjax.js'),
      import('mathjax-full/js/input/tex.js'),
      import('mathjax-full/js/output/svg.js'),
      import('mathjax-full/js/adaptors/liteAdaptor.js'),
      import('mathjax-full/js/handlers/html.js'),
      import('mathjax-full/js/input/tex/AllPackages.js'),
      import('@resvg/resvg-js')
    ])
    const adaptor = liteAdaptor()
    RegisterHTMLHandler(adaptor)
    const tex = new TeX({
      // Without `noerrors`/`noundefined`, which would draw a bad formula's source in red instead of failing.
      packages: AllPackages.filter((name) => !['noerrors', 'noundefined', 'require', 'autoload'].includes(name)),
      // An error is thrown, not drawn in red, so the formula can stay text.
      formatError(_jax: unknown, error: Error) {
        throw error
      }
    })
    // `local`: each SVG holds the outlines it uses, so it stands alone.
    const document = mathjax.document('', {InputJax: tex, OutputJax: new SVG({fontCache: 'local'})})
    convert = (source) => adaptor.innerHTML(document.convert(source, {display: true}))
    rasterise = (svg, width) =>
      new Resvg(svg, {
        fitTo: {mode: 'width', value: width},
        background: 'rgba(0, 0, 0, 0)',
        // MathJax draws its own glyphs as paths; only characters it has none for (Chinese in `\text{}`) are `<text>`,
        // and reading the system's fonts costs about 0.3 s a formula.
        font: {loadSystemFonts: svg.includes('<text')}
      })
        .render()
        .asPng()
  } catch (error) {
    const reason = `MathJax or resvg could not be loaded (${String((error as Error).message ?? error).split('\n')[0]})`
    return () => ({reason})
  }
  const cache = new Map<string, MathResult>()
  return (source) => {
    let result = cache.get(source)
    if (!result) {
      result = draw(source, color, convert, rasterise)
      cache.set(source, result)
    }
    return result
  }
}

function draw(source: string, color: string, convert: (tex: string) => string, rasterise: (svg: string, width: number) => Uint8Array): MathResult {
  let svg: string
  try {
    svg = convert(source)
  } catch (error) {
    return {reason: `MathJax could not read it: ${String((error as Error).message ?? error)}`}
  }
  // MathJax's viewBox is in thousandths of an em.
  const box = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg)
  if (!box) return {reason: 'MathJax drew no picture'}
  const width = Number(box[3]) / 1000
  const height = Number(box[4]) / 1000
  if (!(width > 0 && height > 0)) return {reason: 'the formula is empty'}
  const coloured = svg.replaceAll('currentColor', `#${color}`)
  try {
    const data = rasterise(coloured, Math.max(1, Math.round(width * pixelsPerEm)))
    return {picture: {data, extension: 'png', width, height}}
  } catch (error) {
    return {reason: `resvg could not draw it: ${String((error as Error).message ?? error)}`}
  }
}
