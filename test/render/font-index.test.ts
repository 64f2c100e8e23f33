/**
 * The font index built into lib/ holds exactly what the font packages'
 * stylesheets say, for every weight a built-in theme names, so a build that
 * reads it ships the same subsets as one that reads the CSS.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {writeFontIndex} from '../../src/render/font-index.js'
import {fontIndexFile, readFontFacesFromCss, toDeckFonts, type FontIndex} from '../../src/render/fonts.js'
import {packageDir} from '../../src/paths.js'
import {listThemes} from '../../src/themes/theme.js'
import {temporaryFolder} from '../util/fixtures.js'

describe('font index', () => {
  const work = temporaryFolder()
  const file = path.join(work.dir, 'font-faces.json')
  writeFontIndex(file)
  const index = JSON.parse(readFileSync(file, 'utf8')) as FontIndex
  afterAll(() => work.remove())

  it('covers every font package and weight of the built-in themes', () => {
    const wanted = listThemes().flatMap((theme) => theme.fonts.flatMap((font) => font.weights.map((weight) => `${font.package} ${weight}`)))
    const indexed = Object.entries(index).flatMap(([pkg, entry]) => Object.keys(entry.weights).map((weight) => `${pkg} ${weight}`))
    expect(wanted.length).toBeGreaterThan(3)
    expect(new Set(indexed)).toEqual(new Set(wanted))
  })

  it('holds the faces the stylesheets give, ranges included', () => {
    for (const [pkg, entry] of Object.entries(index)) {
      const dir = packageDir(pkg)
      for (const [weight, faces] of Object.entries(entry.weights)) {
        const restored = faces.map((face) => ({...face, file: path.join(dir, face.file), ranges: entry.ranges[face.ranges]}))
        const fromCss = readFontFacesFromCss(dir, Number(weight))
        expect(fromCss.length).toBeGreaterThan(0)
        expect(restored, `${pkg} ${weight}`).toEqual(fromCss)
      }
    }
  })

  it('is the index lib/ was built with', () => {
    // `npm test` bundles before it runs the tests; a stale index would be read by every build.
    if (!existsSync(fontIndexFile())) return
    expect(JSON.parse(readFileSync(fontIndexFile(), 'utf8'))).toEqual(index)
  })
})

describe('toDeckFonts', () => {
  const requests = [{package: '@fontsource/noto-sans-sc', weights: [400]}, {package: '@fontsource/noto-emoji', weights: [400]}]
  /** The faces a text needs, found one character at a time from the faces' own ranges. */
  function expected(text: string): string[] {
    const faces = requests.flatMap((request) => request.weights.flatMap((weight) => readFontFacesFromCss(packageDir(request.package), weight)))
    const used = new Set([...text].map((char) => char.codePointAt(0)!))
    const points = new Set(used)
    for (let cp = 0x20; cp < 0x7f; cp++) points.add(cp)
    // Ranges are stored flat: start, end, start, end …
    const covers = (ranges: number[], cp: number) => ranges.some((start, index) => index % 2 === 0 && start <= cp && cp <= ranges[index + 1])
    return faces
      .filter((face) => {
        // A face with letters is a text font; a symbol font is chosen by the deck's other characters, joiners aside.
        const textFont = covers(face.ranges, 0x61)
        return [...points].some((cp) => (textFont || (used.has(cp) && cp >= 0x80 && cp !== 0x200d && cp !== 0xfe0e && cp !== 0xfe0f)) && covers(face.ranges, cp))
      })
      .map((face) => face.file)
  }

  it('picks the subsets of every character, outside the BMP and lone surrogates included', () => {
    for (const text of ['大模型 hello 🎉', '𠀀 rare CJK, 😀 emoji and a lone \ud83d surrogate', 'ASCII only', '版本说明 \u200d\ufe0f']) {
      expect(toDeckFonts(requests, text).files.sort(), text).toEqual(expected(text).sort())
    }
  })
})
