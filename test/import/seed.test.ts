/**
 * The seed as it arrived — text copied from a web page, furniture and all —
 * must give the same deck as its hand-written transcription in `slides/`.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {select, selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {afterAll, describe, expect, it} from 'vitest'
import {importArticle} from '../../src/import/import-article.js'
import {toOutline} from '../../src/slides/outline.js'
import {root, runCli, seedDeck, temporaryFolder, toSlideTree} from '../util/fixtures.js'

// The client's seed article as it arrived (a copy of shared/seeds/, so the tests need nothing outside the repo).
const seedText = path.join(root, 'test', 'seed', '000_a8297c40f6681348.txt')
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

/** Each horizontal or vertical slide's title and how many notes paragraphs it has. */
function deckOutline(html: string): Array<[string, number]> {
  const tree = fromHtml(html)
  const slides = selectAll('.slides section', tree).filter((section) => !select('section', {type: 'root', children: section.children}))
  return slides.map((section: Element) => {
    const heading = select('h1, h2, h3', section)
    const notes = select('aside.notes', section)
    return [heading ? toString(heading).trim() : '', notes ? selectAll('p, li', notes).length : 0]
  })
}

describe('seed import', () => {
  const temporary = temporaryFolder('lectern-seed-import-')
  afterAll(() => temporary.remove())

  it('should split the raw seed into the same outline as the transcription', async () => {
    const imported = importArticle(readFileSync(seedText, 'utf8'), {path: seedText})
    const fromText = await toSlideTree(imported.markdown, undefined, 'seed.txt')
    const fromDeck = await toSlideTree(readFileSync(seedDeck, 'utf8'), undefined, 'what-is-a-big-model.md')
    expect(toOutline(fromText.tree)).toBe(toOutline(fromDeck.tree))
    expect(toOutline(fromText.tree).split('\n')[0]).toMatch(/^1\s+什么是大模型\s+subtitle/)
  })

  it('should leave out every piece of the page furniture', () => {
    const {markdown, file} = importArticle(readFileSync(seedText, 'utf8'), {path: 'seed.txt'})
    for (const furniture of ['相关推荐', '最近更新', '热门阅读', '2024-02-07', '阅读', 'docker', 'layui', 'SQL--DQL']) {
      expect(markdown).not.toContain(furniture)
    }
    expect(file.messages.map((message) => [message.ruleId, message.line])).toEqual([['import-furniture', 40]])
  })

  it('should build the raw seed file directly into the deck the transcription builds', () => {
    const before = hash(seedText)
    const fromText = runCli(['build', seedText, '--out-dir', path.join(temporary.dir, 'text')])
    const fromDeck = runCli(['build', seedDeck, '--out-dir', path.join(temporary.dir, 'deck')])
    expect([fromText.status, fromDeck.status]).toEqual([0, 0])
    // Messages name the file the user gave.
    expect(fromText.stderr).toContain(`${path.relative(root, seedText)}:40:1: info: Dropped 49 lines of page furniture`)

    const textHtml = readFileSync(path.join(temporary.dir, 'text', '000_a8297c40f6681348', 'index.html'), 'utf8')
    const deckHtml = readFileSync(path.join(temporary.dir, 'deck', 'what-is-a-big-model', 'index.html'), 'utf8')
    const outline = deckOutline(textHtml)
    expect(outline).toEqual(deckOutline(deckHtml))
    expect(outline.map(([title]) => title)).toEqual([
      '什么是大模型', '什么是大模型?', '规模庞大的数据集', '复杂的模型结构',
      '大模型的应用场景', '自然语言处理', '计算机视觉', '推荐系统', '医疗健康',
      '常见的大模型技术', '分布式训练', '模型压缩', '增量学习', '模型并行', '模型优化',
      '实例分析:深度学习语言模型GPT-3'
    ])
    expect(outline.every(([, notes]) => notes > 0)).toBe(true)
    expect(textHtml).not.toContain('热门阅读')
    expect(hash(seedText)).toBe(before)
  })
})
