/**
 * The seed deck: the article in slides/, built as users build it.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {select, selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {beforeAll, describe, expect, it} from 'vitest'
import {renderDeck, toFile} from '../../src/render/render.js'
import {root} from '../util/fixtures.js'

const seedDeck = path.join(root, 'slides', 'what-is-a-big-model.md')
// The client's seed article as it arrived (a copy of shared/seeds/, so the tests need nothing outside the repo).
const seedText = path.join(root, 'test', 'seed', '000_a8297c40f6681348.txt')

let slides: Element[] = []
let tree: ReturnType<typeof fromHtml>

beforeAll(async () => {
  const file = toFile(readFileSync(seedDeck, 'utf8'), 'slides/what-is-a-big-model.md', root)
  const {html} = await renderDeck(file)
  tree = fromHtml(html)
  slides = selectAll('.slides section', tree).filter((section) => !select('section', {type: 'root', children: section.children}))
})

function titleOf(section: Element): string {
  const heading = select('h1, h2', section)
  return heading ? toString(heading).trim() : ''
}

function notesOf(section: Element): string {
  const notes = select('aside.notes', section)
  return notes ? toString(notes).trim() : ''
}

/** Letters and digits only: punctuation and spacing differ between slide and source. */
function normalize(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '')
}

describe('seed deck', () => {
  it('should start with a title slide and its lead prose in the notes', () => {
    expect(titleOf(slides[0])).toBe('什么是大模型')
    expect(toString(select('.lectern-subtitle', slides[0])!)).toBe('让你了解什么是大模型')
    expect(notesOf(slides[0])).toContain('大模型(Big Model)是指')
    expect(select('html', tree)!.properties.lang).toBe('zh-CN')
  })

  it('should have exactly one slide per application area and technique, each with notes', () => {
    const titles = slides.map(titleOf)
    for (const term of ['自然语言处理', '计算机视觉', '推荐系统', '医疗健康', '分布式训练', '模型压缩', '增量学习', '模型并行', '模型优化']) {
      const matching = slides.filter((slide) => titleOf(slide) === term)
      expect(matching, term).toHaveLength(1)
      expect(notesOf(matching[0]).length, term).toBeGreaterThan(10)
    }
    expect(titles.filter((title) => title.includes('GPT-3'))).toHaveLength(1)
  })

  it('should put items under their overview slide as a vertical stack', () => {
    const stack = selectAll('.slides > section', tree).find((section) => titleOf(selectAll('section', section)[0] ?? section) === '常见的大模型技术')
    expect(stack).toBeDefined()
    const inner = stack!.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'section')
    expect(inner.map(titleOf)).toEqual(['常见的大模型技术', '分布式训练', '模型压缩', '增量学习', '模型并行', '模型优化'])
  })

  it('should give every slide notes', () => {
    for (const slide of slides) expect(notesOf(slide), titleOf(slide)).not.toBe('')
  })

  it('should keep every sentence of the article, on a slide or in the notes', () => {
    const raw = readFileSync(seedText, 'utf8')
    // The article ends where the page's "related" furniture starts.
    const article = raw.slice(0, raw.indexOf('相关推荐'))
    const output = normalize(slides.map((slide) => toString(slide)).join('\n'))
    const sentences = article
      .split('\n')
      .map((line) => line.replace(/^\s*(?:•|\d+\.)\s*/, '').trim())
      .filter(Boolean)
      .flatMap((line) => line.split(/(?<=[。])/))
      .map(normalize)
      .filter(Boolean)
    expect(sentences.length).toBeGreaterThan(20)
    for (const sentence of sentences) expect(output, sentence).toContain(sentence)
  })

  it('should carry none of the page furniture', () => {
    const text = slides.map((slide) => toString(slide)).join('\n')
    for (const furniture of ['相关推荐', '最近更新', '热门阅读', '阅读', '2024-02-07']) expect(text).not.toContain(furniture)
  })

  it('should give every slide a stable id from its title and its source line', () => {
    const ids = slides.map((slide) => slide.properties.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toContain('分布式训练')
    for (const slide of slides) expect(Number(slide.properties.dataSourceLine)).toBeGreaterThan(0)
    const line = slides.find((slide) => titleOf(slide) === '模型压缩')!.properties.dataSourceLine
    expect(readFileSync(seedDeck, 'utf8').split('\n')[Number(line) - 1]).toContain('模型压缩')
  })
})
