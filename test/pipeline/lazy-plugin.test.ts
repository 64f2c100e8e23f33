/**
 * Plugins that load only when a tree needs them.
 */
import type {Root} from 'hast'
import {h} from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {createProcessor} from '../../src/pipeline/processor.js'
import {hasClass, lazyPlugin} from '../../src/pipeline/lazy-plugin.js'

function upperCase(this: unknown, suffix: string) {
  return function (tree: Root) {
    tree.children.push({type: 'text', value: suffix})
  }
}

describe('lazyPlugin', () => {
  it('should load and run the plugin only for trees that need it', async () => {
    let loads = 0
    const load = async () => {
      loads++
      return {default: upperCase}
    }
    const processor = unified()
      .use(lazyPlugin(load, (tree) => hasClass(tree, (name) => name === 'wanted'), '!'))
      .use(rehypeStringify)
    const plain = await processor.run({type: 'root', children: [h('p', 'plain')]})
    expect([processor.stringify(plain), loads]).toEqual(['<p>plain</p>', 0])
    for (let round = 0; round < 2; round++) {
      const wanted = await processor.run({type: 'root', children: [h('p.wanted', 'x')]})
      expect(processor.stringify(wanted)).toBe('<p class="wanted">x</p>!')
    }
    expect(loads).toBe(1)
  })

  it('should still highlight code and render math through the processor', async () => {
    const processor = createProcessor({document: false})
    const html = String(await processor.process('# Deck\n\n## Code\n\n```js\nconst a = 1\n```\n\n## Math\n\n$$\nx^2\n$$\n'))
    expect(html).toContain('hljs-keyword')
    expect(html).toContain('class="katex')
    const plain = String(await processor.process('# Deck\n\n## Text\n\n- no code here\n'))
    expect(plain).not.toContain('hljs')
    expect(plain).not.toContain('katex')
  })
})
