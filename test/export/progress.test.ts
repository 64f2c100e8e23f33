/**
 * Progress of exports on stderr, and the names PNGs get.
 */
import {describe, expect, it} from 'vitest'
import {createProgress} from '../../src/cli/progress.js'
import {pngName} from '../../src/export/png.js'

function stream(isTTY: boolean) {
  const chunks: string[] = []
  const fake = {isTTY, write: (chunk: string) => chunks.push(chunk) > 0} as unknown as NodeJS.WriteStream
  return {fake, chunks}
}

describe('createProgress', () => {
  it('should redraw one bar in place on a terminal and clear it at the end', () => {
    const {fake, chunks} = stream(true)
    const progress = createProgress('pdf', {stream: fake})
    progress.update({step: 'render', done: 0, total: 4})
    progress.update({step: 'print', done: 2, total: 4})
    progress.end()
    expect(chunks).toEqual([
      `\rpdf [${'-'.repeat(24)}] render  `,
      `\rpdf [${'#'.repeat(12)}${'-'.repeat(12)}] print   `,
      '\r\u001B[2K'
    ])
  })

  it('should print plain lines when not a terminal', () => {
    const {fake, chunks} = stream(false)
    const progress = createProgress('png', {stream: fake})
    progress.update({step: 'launch', done: 1, total: 6})
    progress.end()
    expect(chunks).toEqual(['png: launch (2/6)\n'])
  })

  it('should print nothing when quiet', () => {
    const {fake, chunks} = stream(true)
    const progress = createProgress('pdf', {stream: fake, quiet: true})
    progress.update({step: 'render', done: 0, total: 4})
    progress.end()
    expect(chunks).toEqual([])
  })
})

describe('pngName', () => {
  it('should number from 001, as wide as the largest number', () => {
    expect([pngName(0, 16), pngName(15, 16), pngName(0, 1200), pngName(1199, 1200)]).toEqual(['001.png', '016.png', '0001.png', '1200.png'])
  })
})
