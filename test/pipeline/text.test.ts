import {describe, expect, it} from 'vitest'
import {detectLang, endsLikeSentence, textWidthEm, toSentences} from '../../src/deck/text.js'
import {toSlideTree} from '../util/fixtures.js'

describe('detectLang', () => {
  it('should call mostly-CJK text Chinese, Japanese or Korean by script', () => {
    expect(detectLang('大模型是指在机器学习和人工智能领域中处理大规模数据的方法，如BERT、GPT等。')).toBe('zh')
    expect(detectLang('これは日本語の文章です。カタカナもひらがなも使います。')).toBe('ja')
    expect(detectLang('이것은 한국어 문장입니다. 대규모 모델을 설명합니다.')).toBe('ko')
  })

  it('should call latin text, or latin text with a few CJK words, English', () => {
    expect(detectLang('Large models process large data sets with complex structures.')).toBe('en')
    expect(detectLang('The word 大模型 means large model in Chinese, and this sentence is mostly English words.')).toBe('en')
    expect(detectLang('')).toBe('en')
  })

  it('should set the deck language from front matter first, else from the text', async () => {
    expect((await toSlideTree('---\nlang: fr\n---\n\n# Bonjour\n')).file.data.deck?.lang).toBe('fr')
    expect((await toSlideTree('# 标题\n\n## 第一部分\n\n这是一段中文说明文字，讲述第一部分的内容。\n')).file.data.deck?.lang).toBe('zh')
    expect((await toSlideTree('# Title\n\n## Part\n\nSome English prose.\n')).file.data.deck?.lang).toBe('en')
  })

  it('should title continuation slides in the deck language', async () => {
    const items = Array.from({length: 40}, (_, i) => `- 第${i}项内容说明文字比较长一些以便占满一行`).join('\n')
    const {file} = await toSlideTree(`# 标题\n\n## 清单\n\n${items}\n`)
    expect(file.messages.map((message) => message.ruleId)).toContain('continuation')
    const {tree} = await toSlideTree(`# 标题\n\n## 清单\n\n${items}\n`)
    const titles = tree.children.map((node) => (node.type === 'slide' ? node.data?.title : undefined))
    expect(titles).toContain('清单 (续)')
  })
})

describe('sentences', () => {
  it('should split CJK and latin sentences, keeping their punctuation', () => {
    expect(toSentences('第一句。第二句！Third one. Fourth?')).toEqual(['第一句。', '第二句！', 'Third one.', 'Fourth?'])
    expect(toSentences('Version 1.5 is out. Really.')).toEqual(['Version 1.5 is out.', 'Really.'])
  })

  it('should tell sentences from titles', () => {
    expect(endsLikeSentence('这是一句话。')).toBe(true)
    expect(endsLikeSentence('什么是大模型')).toBe(false)
    expect(endsLikeSentence('A short title')).toBe(false)
  })

  it('should count CJK characters as one em and latin ones as about half', () => {
    expect(textWidthEm('大模型')).toBe(3)
    expect(textWidthEm('abcd')).toBeCloseTo(2.08)
  })
})

describe('sections', () => {
  it('should make a slide of every heading, even one before the first top-level section', async () => {
    const {tree} = await toSlideTree('Intro text.\n\n## Before\n\n- a\n- b\n\n# Part one\n\n## Inside\n\nText.\n\n# Part two\n\nMore.\n')
    const titles: string[] = []
    for (const node of tree.children) {
      const slides = node.type === 'stack' ? node.children : node.type === 'slide' ? [node] : []
      for (const slide of slides) titles.push(slide.data?.title ?? '')
    }
    expect(titles).toEqual(['Deck', 'Before', 'Part one', 'Inside', 'Part two'])
  })
})
