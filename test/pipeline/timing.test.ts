import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {selectAll} from 'hast-util-select'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {createProcessor} from '../../src/pipeline/processor.js'
import {estimateSeconds, scaleToDuration, secondsToSay, speakingRate} from '../../src/deck/timing.js'

/** `count` Chinese characters of ordinary prose. */
function chinese(count: number): string {
  const text = '大模型是指在处理大规模数据和复杂模型时所采用的一种模型和算法它通常具有以下特点'
  return text.repeat(Math.ceil(count / text.length)).slice(0, count) + '。'
}

/** `count` English words. */
function english(count: number): string {
  const words = 'large models learn patterns from vast amounts of text and then predict what comes next'.split(' ')
  return Array.from({length: count}, (_, index) => words[index % words.length]).join(' ') + '.'
}

async function timings(markdown: string): Promise<{slides: Array<{id: string; seconds: number}>; page: string}> {
  const page = String(await createProcessor().process(new VFile({value: markdown, path: 'deck.md'})))
  const slides = selectAll('.reveal .slides section', fromHtml(page))
    .filter((section) => !section.children.some((child) => child.type === 'element' && child.tagName === 'section'))
    .map((section: Element) => ({id: String(section.properties.id), seconds: Number(section.properties.dataTiming)}))
  return {slides, page}
}

describe('secondsToSay', () => {
  it('should read Chinese by characters, about 240 a minute', () => {
    expect(secondsToSay(chinese(240))).toBe(60)
    expect(secondsToSay(chinese(40))).toBe(10)
  })

  it('should read English by words, about 150 a minute', () => {
    expect(secondsToSay(english(150))).toBe(60)
    expect(secondsToSay(english(25))).toBe(10)
  })

  it('should count both in mixed text, and nothing for punctuation and digits', () => {
    // 4 characters and 1 word.
    expect(secondsToSay('使用 BERT 模型')).toBeCloseTo(4 / 4 + 1 / 2.5)
    expect(secondsToSay('1750 — 2024, (42)!')).toBe(0)
  })
})

describe('estimateSeconds', () => {
  it('should count the notes in full and the visible text in part', () => {
    expect(estimateSeconds(chinese(240), chinese(40))).toBe(60 + Math.round(speakingRate.visibleWeight * 10))
    expect(estimateSeconds(english(150), english(50))).toBe(60 + Math.round(speakingRate.visibleWeight * 20))
  })

  it('should give every slide at least the floor', () => {
    expect(estimateSeconds('', '')).toBe(speakingRate.floorSeconds)
    expect(estimateSeconds('Thanks.', 'Questions?')).toBe(speakingRate.floorSeconds)
    expect(estimateSeconds('谢谢。', '提问')).toBe(speakingRate.floorSeconds)
  })
})

describe('scaleToDuration', () => {
  it('should scale estimates to the planned minutes, keeping their proportions', () => {
    expect(scaleToDuration([10, 30, 60], 5)).toEqual([30, 90, 180])
    expect(scaleToDuration([20, 20, 20, 20], 1)).toEqual([15, 15, 15, 15])
  })

  it('should keep a small floor and leave estimates alone without a duration', () => {
    expect(scaleToDuration([10, 1000], 1)).toEqual([3, 59])
    expect(scaleToDuration([10, 20], undefined)).toEqual([10, 20])
    expect(scaleToDuration([10, 20], 0)).toEqual([10, 20])
    expect(scaleToDuration([], 10)).toEqual([])
  })
})

describe('data-timing in the page', () => {
  it('should follow the notes of an English deck', async () => {
    const {slides, page} = await timings(
      `# A talk\n\n## Short\n\n- one point\n\n${english(10)}\n\n## Long\n\n- another point\n\n${english(150)}\n`
    )
    expect(slides.map((slide) => slide.id)).toEqual(['a-talk', 'short', 'long'])
    const [, short, long] = slides.map((slide) => slide.seconds)
    expect(short).toBe(speakingRate.floorSeconds)
    // 150 words of notes is a minute, plus a glance at the list.
    expect(long).toBeGreaterThanOrEqual(60)
    expect(long).toBeLessThanOrEqual(62)
    // The speaker view shows its pacing timer only with a default timing configured.
    expect(page).toMatch(/"defaultTiming":\d+/)
  })

  it('should follow the notes of a Chinese deck', async () => {
    const {slides} = await timings(`# 讲座\n\n## 短\n\n- 要点\n\n${chinese(20)}\n\n## 长\n\n- 另一个要点\n\n${chinese(480)}\n`)
    const [, short, long] = slides.map((slide) => slide.seconds)
    expect(short).toBe(speakingRate.floorSeconds)
    // 480 characters of notes are two minutes.
    expect(long).toBeGreaterThanOrEqual(120)
    expect(long).toBeLessThanOrEqual(122)
  })

  it('should scale to the front matter `duration`, keeping the proportions', async () => {
    const body = `# 讲座\n\n## 一\n\n- 要点\n\n${chinese(120)}\n\n## 二\n\n- 要点\n\n${chinese(360)}\n`
    const plain = (await timings(body)).slides.map((slide) => slide.seconds)
    const planned = (await timings(`---\nduration: 10\n---\n\n${body}`)).slides.map((slide) => slide.seconds)
    const total = planned.reduce((a, b) => a + b, 0)
    expect(Math.abs(total - 600)).toBeLessThanOrEqual(planned.length)
    expect(planned[2] / planned[1]).toBeCloseTo(plain[2] / plain[1], 1)
    expect(planned.every((seconds, index) => seconds > plain[index])).toBe(true)
  })
})
