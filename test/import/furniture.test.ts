import {describe, expect, it} from 'vitest'
import {isFurnitureCaption, isFurnitureLine, isMetaLine} from '../../src/import/furniture.js'

describe('isMetaLine', () => {
  it('should recognise timestamps, counts and bylines', () => {
    expect(
      [
        '2024-02-07 12:14:02       47 阅读',
        '2023/11/20 16:21',
        '于 2024-01-18 09:30:12 发布',
        '1.2w 阅读',
        'Jan 12, 2024 · 1,204 views',
        'Posted on March 12, 2024 by Dana Whitfield',
        '3 days ago · 6 min read',
        '12 comments',
        '阅读数：3456',
        '5 分钟前'
      ].map(isMetaLine)
    ).toEqual([true, true, true, true, true, true, true, true, true, true])
  })

  it('should not take sentences that mention a date or a number for metadata', () => {
    expect(
      [
        'GPT-3 was released on June 11, 2020, and changed how people saw language models.',
        '在2024-02-07发布的版本中,模型的参数量增加到了1750亿个,推理速度也提升了一倍。',
        'We had 300 views on the first day.',
        '大模型通常需要处理海量的数据',
        'Chapter 3'
      ].map(isMetaLine)
    ).toEqual([false, false, false, false, false])
  })
})

describe('isFurnitureCaption', () => {
  it('should recognise captions of link blocks in Chinese and English', () => {
    expect(
      ['相关推荐', '最近更新', '热门阅读', '猜你喜欢', 'Related posts', 'Recent Posts:', 'You might also like', '3 Comments', 'Leave a Reply', 'Share this:'].map(
        isFurnitureCaption
      )
    ).toEqual([true, true, true, true, true, true, true, true, true, true])
  })

  it('should not take headings of an article for captions', () => {
    expect(['大模型的应用场景', 'Related work', 'Recent advances in testing', 'Comments in code', '什么是大模型?'].map(isFurnitureCaption)).toEqual([
      false, false, false, false, false
    ])
  })
})

describe('isFurnitureLine', () => {
  it('should recognise copyright, tag lines, menus and breadcrumbs', () => {
    expect(['© 2024 Example. All rights reserved.', 'Tags: testing, ci', '标签：数据库', 'Home | Blog | About | Contact', 'Home › Guides › Testing'].map(isFurnitureLine)).toEqual([
      true, true, true, true, true
    ])
  })

  it('should keep ordinary lines', () => {
    expect(['Input / output is where the time goes.', 'A | B', '模型压缩: 通过剪枝、量化、蒸馏等技术减少模型的参数'].map(isFurnitureLine)).toEqual([false, false, false])
  })
})
