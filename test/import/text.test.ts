import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {importArticle} from '../../src/import/import-article.js'
import {toSlideTree} from '../util/fixtures.js'

const toMarkdown = (text: string) => importArticle(text, {format: 'text'}).markdown

describe('importArticle (text)', () => {
  it('should recognise a title, its subtitle and section headings by their shape', () => {
    const text = [
      'Writing Good Commit Messages',
      '',
      'A short guide for new contributors',
      '',
      'A commit message is a letter to the person who reads the history next, and that person is often you.',
      '',
      'Why it matters',
      '',
      'History is read far more often than it is written, mostly while hunting for the cause of a bug.',
      '',
      'What should the subject say?',
      '',
      'It should say what the change does, in the imperative, in fifty characters or less.'
    ].join('\n')
    expect(toMarkdown(text)).toBe(
      [
        '# Writing Good Commit Messages',
        '',
        'A short guide for new contributors',
        '',
        'A commit message is a letter to the person who reads the history next, and that person is often you.',
        '',
        '## Why it matters',
        '',
        'History is read far more often than it is written, mostly while hunting for the cause of a bug.',
        '',
        '## What should the subject say?',
        '',
        'It should say what the change does, in the imperative, in fifty characters or less.',
        ''
      ].join('\n')
    )
  })

  it('should take question lines and lines with an inner colon for headings, and a lead-in ending with a colon for prose', () => {
    const text = [
      '模型训练指南',
      '',
      '本文介绍训练一个模型的完整流程,从数据准备到上线部署,每一步都有需要注意的地方。',
      '',
      '为什么需要验证集?',
      '',
      '验证集用来在训练过程中评估模型,避免模型只记住了训练数据。',
      '',
      '实践:用验证集调整学习率',
      '',
      '常见的做法如下:',
      '',
      '训练若干轮之后,如果验证集上的损失不再下降,就把学习率减半。'
    ].join('\n')
    const markdown = toMarkdown(text)
    expect(markdown.split('\n').filter((line) => line.startsWith('#'))).toEqual(['# 模型训练指南', '## 为什么需要验证集?', '## 实践:用验证集调整学习率'])
    expect(markdown).toContain('\n常见的做法如下:\n')
  })

  it('should read every kind of bullet and nest lists by indentation', () => {
    const text = ['Tools we use', '', 'These are the tools the team relies on every day:', '', '• Editors', '    ◦ VS Code', '    ◦ Vim', '· Terminals', '- Shells', '* Version control', '◦ Browsers'].join('\n')
    expect(toMarkdown(text)).toBe(
      [
        '# Tools we use',
        '',
        'These are the tools the team relies on every day:',
        '',
        '- Editors',
        '  - VS Code',
        '  - Vim',
        '- Terminals',
        '- Shells',
        '- Version control',
        '- Browsers',
        ''
      ].join('\n')
    )
  })

  it('should read numbered items written in several ways', () => {
    const items = (text: string) => {
      const markdown = toMarkdown(`Steps\n\nFollow these steps to set up the project on a new machine:\n\n${text}`)
      return markdown.split('\n').filter((line) => /^\d+\. /.test(line))
    }
    expect(items('1. Clone the repository\n2. Install the dependencies\n3. Run the tests')).toEqual(['1. Clone the repository', '2. Install the dependencies', '3. Run the tests'])
    expect(items('1) Clone\n2) Install')).toEqual(['1. Clone', '2. Install'])
    expect(items('1、克隆仓库\n2、安装依赖')).toEqual(['1. 克隆仓库', '2. 安装依赖'])
    expect(items('（1）克隆仓库\n（2）安装依赖')).toEqual(['1. 克隆仓库', '2. 安装依赖'])
  })

  it('should make a run of "term: description" lines a list that splits into a slide per term', async () => {
    const text = [
      'Choosing a Database',
      '',
      'There are three kinds of database worth knowing about before you pick one for a new project.',
      '',
      'Options',
      '',
      'Relational: tables with a fixed schema, joined by keys, queried with SQL.',
      'Document: nested records stored as they are used, with a flexible schema.',
      'Key-value: a fast map from keys to values, with little else.'
    ].join('\n')
    const markdown = toMarkdown(text)
    expect(markdown).toContain('## Options\n\n- Relational: tables with a fixed schema, joined by keys, queried with SQL.\n- Document:')
    const {tree} = await toSlideTree(markdown)
    const titles = tree.children.flatMap((node) => (node.type === 'stack' ? node.children : node.type === 'slide' ? [node] : [])).map((slide) => slide.data?.title)
    expect(titles).toEqual(['Choosing a Database', 'Options', 'Relational', 'Document', 'Key-value'])
  })

  it('should join hard-wrapped lines: latin with a space, CJK without', () => {
    const english = toMarkdown('Notes\n\nThis paragraph was wrapped at a fixed width by the editor that\nsaved it, so every line but the last one is about the same\nlength as the others.')
    expect(english).toContain('\nThis paragraph was wrapped at a fixed width by the editor that saved it, so every line but the last one is about the same length as the others.\n')
    const chinese = toMarkdown('笔记\n\n这一段文字在保存的时候被编辑器按照固定的宽度折行了,所以每一行\n的长度都差不多,只有最后一行比较短。')
    expect(chinese).toContain('\n这一段文字在保存的时候被编辑器按照固定的宽度折行了,所以每一行的长度都差不多,只有最后一行比较短。\n')
  })

  it('should not take sentences, lowercase fragments or a closing line for headings', () => {
    const markdown = toMarkdown(
      ['A Day in the Mountains', '', 'We left before dawn.', '', 'The path climbed steadily through the pines for an hour before the first view opened up.', '', 'and then it rained', '', 'We walked back down in the rain, soaked but happy.', '', 'Thanks for reading'].join('\n')
    )
    expect(markdown.split('\n').filter((line) => line.startsWith('#'))).toEqual(['# A Day in the Mountains'])
  })

  it('should give a text without headings paragraphs only', () => {
    const text = 'I started keeping a paper notebook again last spring, out of frustration with apps.\n\nThe notebook has no features, and that turned out to be the point.\n'
    expect(toMarkdown(text)).toBe('I started keeping a paper notebook again last spring, out of frustration with apps.\n\nThe notebook has no features, and that turned out to be the point.\n')
  })

  it('should drop a list whose items each carry a date or a count, and its caption, whatever the caption says', () => {
    const text = [
      'Release Notes',
      '',
      'This release makes startup twice as fast and fixes the crash on empty input files.',
      '',
      'Elsewhere on this site',
      '',
      '1. How we made startup fast',
      '   2024-03-01 10:00   120 views',
      '2. The empty input crash, explained',
      '   2024-02-20 09:12   98 views'
    ].join('\n')
    const {markdown, file} = importArticle(text, {format: 'text'})
    expect(markdown).toBe('# Release Notes\n\nThis release makes startup twice as fast and fixes the crash on empty input files.\n')
    expect(file.messages.map((message) => [message.ruleId, message.line])).toEqual([['import-furniture', 5]])
  })

  it('should keep characters markdown would read as syntax as text', async () => {
    const text = 'Escaping\n\nMultiply 2 * 3 * 4, name it a_b_c, and write <div> or [link](x) literally.\n\n# not a heading in the source? it is one now'
    const markdown = toMarkdown(text)
    const {tree} = await toSlideTree(markdown)
    expect(toString(tree)).toContain('Multiply 2 * 3 * 4, name it a_b_c, and write <div> or [link](x) literally.')
  })

  it('should map each markdown line back to its source line, CRLF or not', () => {
    const text = 'Title\r\n\r\n\r\nLead paragraph that is long enough to be prose, not a heading.\r\n\r\nSection\r\n\r\n  • one item here\r\n  • two items here\r\n'
    const {markdown, lines} = importArticle(text, {format: 'text'})
    const markdownLines = markdown.split('\n')
    const at = (prefix: string) => lines[markdownLines.findIndex((line) => line.startsWith(prefix)) + 1]
    expect([at('# Title'), at('Lead'), at('## Section'), at('- one'), at('- two')]).toEqual([1, 4, 6, 8, 9])
  })

  it('should fail on a text with nothing but furniture', () => {
    const {file} = importArticle('2024-02-07 12:14:02  47 阅读\n\n', {format: 'text', path: 'empty.txt'})
    expect(file.messages.filter((message) => message.fatal).map(String)).toEqual([
      'empty.txt:1:1: Unexpected text without an article, expected paragraphs or lists'
    ])
  })

  it('should read lines indented by four spaces that hold code as one code block, and indented prose as prose', () => {
    const markdown = toMarkdown('Loops\n\nA loop in Python:\n\n    total = 0\n\n    for x in items:\n        total += x\n\n　　这一段用全角空格缩进,是正文,不是代码。\n')
    expect(markdown).toBe('# Loops\n\nA loop in Python:\n\n```\ntotal = 0\n\nfor x in items:\n    total += x\n```\n\n这一段用全角空格缩进,是正文,不是代码。\n')
  })

  it('should drop the interface copied with the text: buttons, symbol lines, follower counts', () => {
    const text = 'A Post\n\nFollow\n\n·\n\n--\n\n12\n\nListen\n\nShare\n\nThe body of the post, which is the only thing worth keeping here.\n\n2.1K Followers\n'
    expect(toMarkdown(text)).toBe('# A Post\n\nThe body of the post, which is the only thing worth keeping here.\n')
  })

  it('should keep a page copied one paragraph per line as separate paragraphs', () => {
    const text = 'Notes\n\nThe first paragraph ends here, with a full stop.\nThe second paragraph is on the next line, and ends too.\n这是第三段,它也以句号结束,是单独的一段。\n'
    expect(toMarkdown(text)).toBe(
      '# Notes\n\nThe first paragraph ends here, with a full stop.\n\nThe second paragraph is on the next line, and ends too.\n\n这是第三段,它也以句号结束,是单独的一段。\n'
    )
  })

  it('should nest lists no deeper than a slide can show', () => {
    const items = Array.from({length: 12}, (_, depth) => `${'  '.repeat(depth)}- level ${depth + 1}`)
    const markdown = toMarkdown(`Outline\n\nThe structure of the talk, level by level:\n\n${items.join('\n')}\n`)
    const indents = markdown.split('\n').filter((line) => line.trimStart().startsWith('- ')).map((line) => (line.length - line.trimStart().length) / 2)
    expect(indents).toEqual([0, 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5])
  })
})
