/**
 * `createMathRenderer`: TeX to a PNG through MathJax and resvg, sized in
 * ems, or a reason the caller shows when the formula stays text.
 */
import {describe, expect, it} from 'vitest'
import {createMathRenderer} from '../../src/export/pptx-math.js'

/** Width, height and the RGBA of each pixel of a PNG, decoded by resvg's own reader. */
async function decode(png: Uint8Array): Promise<{width: number; height: number; pixels: Uint8Array}> {
  const {Resvg} = await import('@resvg/resvg-js')
  const base64 = Buffer.from(png).toString('base64')
  // An SVG that only shows the PNG, drawn at its size, gives its pixels back.
  const width = Buffer.from(png).readUInt32BE(16)
  const height = Buffer.from(png).readUInt32BE(20)
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" xlink:href="data:image/png;base64,${base64}"/></svg>`
  const rendered = new Resvg(svg).render()
  return {width: rendered.width, height: rendered.height, pixels: rendered.pixels}
}

describe('createMathRenderer', () => {
  it('should draw a formula in the given colour on a transparent ground, as wide in ems as MathJax sets it', async () => {
    const render = await createMathRenderer('C0392B')
    const result = render('\\frac{a}{b} + \\sqrt{x_1}')
    if (!('picture' in result)) throw new Error(result.reason)
    const {picture} = result
    expect(picture.extension).toBe('png')
    expect(picture.width).toBeGreaterThan(2)
    expect(picture.height).toBeGreaterThan(1.5)
    const {width, height, pixels} = await decode(picture.data)
    expect(Math.abs(width / height - picture.width / picture.height)).toBeLessThan(0.05)
    const opaque: number[][] = []
    let clear = 0
    for (let index = 0; index < pixels.length; index += 4) {
      if (pixels[index + 3] === 255) opaque.push([pixels[index], pixels[index + 1], pixels[index + 2]])
      if (pixels[index + 3] === 0) clear++
    }
    expect(opaque.length).toBeGreaterThan(100)
    expect(clear).toBeGreaterThan(pixels.length / 8)
    for (const rgb of opaque) expect(rgb).toEqual([0xc0, 0x39, 0x2b])
  })

  it('should draw Chinese text inside a formula and keep each formula once', async () => {
    const render = await createMathRenderer('000000')
    const first = render('\\text{面积} = \\pi r^2')
    expect('picture' in first).toBe(true)
    expect(render('\\text{面积} = \\pi r^2')).toBe(first)
  })

  it('should give a reason, not a picture, for TeX MathJax cannot read', async () => {
    const render = await createMathRenderer('000000')
    for (const tex of ['x_{', '\\frac{1}{\\undefinedcommand}']) {
      const result = render(tex)
      expect('reason' in result ? result.reason : 'picture', tex).toMatch(/^MathJax could not read it: /)
    }
  })
})
