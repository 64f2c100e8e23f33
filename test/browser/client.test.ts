/**
 * lectern's page programs (src/client/, bundled into lib/client/) join the
 * deck as reveal.js plugins: lectern.js's before `Reveal.initialize()`, the
 * print layout and the measuring script once the deck is ready.
 */
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {launchBrowser} from '../../src/browser/launch.js'
import {clientScript} from '../../src/paths.js'
import {minimumScale} from '../../src/deck/metrics.js'
import {chromiumPath, describeBrowser, openMarkdown} from '../util/browser.js'
import {temporaryFolders} from '../util/fixtures.js'

const deck = `---
title: 插件与幻灯片
---

# 插件与幻灯片

## 第一张

- 每个页面程序都是一个插件
- Each page program is a plugin

它们由 reveal.js 初始化。

## A second slide

Plain words, and a table:

| a | b |
|---|---|
| 1 | 2 |

Its notes.
`

type Deck = {getPlugins(): Record<string, unknown>; getPlugin(id: string): Record<string, unknown> | undefined}

describeBrowser('page programs as reveal.js plugins', () => {
  const folders = temporaryFolders()
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser({browser: chromiumPath})
  })

  afterAll(() => browser?.close())

  it('should register the runtime with the deck, with the minimum scale of the build', async () => {
    const page = await openMarkdown(browser, deck, folders())
    const seen = await page.evaluate(() => {
      const reveal = (window as unknown as {Reveal: Deck}).Reveal
      const fit = reveal.getPlugin('lectern-fit')!
      const lectern = (window as unknown as {lectern: Record<string, unknown>}).lectern
      return {ids: Object.keys(reveal.getPlugins()).sort(), minimum: fit.minimum, same: lectern.fitAll === fit.fitAll}
    })
    expect(seen).toEqual({ids: ['lectern-fit', 'lectern-remote-images', 'notes'], minimum: minimumScale, same: true})
  })

  it('should initialize a plugin added once the deck is ready (measuring, then the print layout)', async () => {
    const page = await openMarkdown(browser, deck, folders())
    await page.addScriptTag({content: clientScript('measure.js')})
    const measured = await page.evaluate(() => {
      const reveal = (window as unknown as {Reveal: Deck}).Reveal
      const measure = reveal.getPlugin('lectern-measure')!.measure as (settings: {minimumFontSize: number}) => {slides: Array<{id: string}>; width: number}
      const result = measure({minimumFontSize: 12})
      return {ids: result.slides.map((slide) => slide.id), width: result.width}
    })
    expect(measured).toEqual({ids: ['插件与幻灯片', '第一张', 'a-second-slide'], width: 1280})

    await page.addScriptTag({content: clientScript('print-layout.js')})
    const laidOut = await page.evaluate(() => {
      const reveal = (window as unknown as {Reveal: Deck}).Reveal
      const layout = reveal.getPlugin('lectern-print')!.layout as (options: {mode: string}) => unknown
      return {layout: layout({mode: 'slides'}), pages: document.querySelectorAll('.lectern-page > section').length}
    })
    expect(laidOut).toEqual({layout: {width: 1280, height: 720, slides: 3, sheets: 3}, pages: 3})
  })
})
