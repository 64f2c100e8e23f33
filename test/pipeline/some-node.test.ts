import {h} from 'hastscript'
import {describe, expect, it} from 'vitest'
import {hasMath} from '../../src/render/content-assets.js'
import {hasClass, hasRaw} from '../../src/pipeline/lazy-plugin.js'
import {eachNode, someNode} from '../../src/tree/some-node.js'

describe('someNode', () => {
  it('should find the tree itself and nodes at any depth, and stop at the first', () => {
    const tree = h(null, [h('section', [h('div', [h('p', [h('code.language-js', 'x')])])]), h('p', 'after')])
    const seen: string[] = []
    expect(
      someNode(tree, (node) => {
        seen.push(node.type === 'element' ? (node as unknown as {tagName: string}).tagName : node.type)
        return node.type === 'element' && (node as unknown as {tagName: string}).tagName === 'code'
      })
    ).toBe(true)
    expect(seen).toEqual(['root', 'section', 'div', 'p', 'code'])
    expect(someNode(tree, (node) => node.type === 'root')).toBe(true)
    expect(someNode(tree, (node) => node.type === 'raw')).toBe(false)
  })

  it('should tell deck trees with code, math and raw HTML from those without', () => {
    const plain = h(null, [h('section', [h('p', 'text'), h('ul', [h('li', 'a')])])])
    const rich = h(null, [h('section', [h('p', [h('span.katex', 'x')]), h('pre', [h('code.language-ts', 'y')])]), {type: 'raw', value: '<b>'}])
    expect([hasClass(plain, (name) => name.startsWith('language-')), hasRaw(plain), hasMath(plain)]).toEqual([false, false, false])
    expect([hasClass(rich, (name) => name.startsWith('language-')), hasRaw(rich as never), hasMath(rich)]).toEqual([true, true, true])
  })

  it('should visit every node parents first in document order, skipping the children of a node the visitor refuses', () => {
    const tree = h(null, [h('aside', [h('p', 'a')]), h('div', [h('p', 'b'), h('span', 'c')])])
    const seen: string[] = []
    eachNode(tree, (node) => {
      seen.push(node.type === 'element' ? (node as unknown as {tagName: string}).tagName : node.type)
      return node.type === 'element' && (node as unknown as {tagName: string}).tagName === 'aside' ? false : undefined
    })
    expect(seen).toEqual(['root', 'aside', 'div', 'p', 'text', 'span', 'text'])
  })
})
