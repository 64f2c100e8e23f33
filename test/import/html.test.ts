import {describe, expect, it} from 'vitest'
import {importArticle} from '../../src/import/import-article.js'

const toMarkdown = (html: string) => importArticle(html, {format: 'html'}).markdown
const page = (body: string, head = '<title>A Page</title>') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`
const prose = (n: number) =>
  Array.from({length: n}, (_, i) => `<p>Paragraph ${i + 1} of the article, long enough to count as prose, with a comma, and a second clause that runs on.</p>`).join('\n')

describe('importArticle (html)', () => {
  it('should keep the <article> and drop navigation, header, sidebar, footer, scripts and forms', () => {
    const markdown = toMarkdown(
      page(`
        <header><a href="/">Site</a><nav><a href="/a">Archive</a></nav></header>
        <script>track()</script><style>p{}</style>
        <article><h1>The Post</h1>${prose(2)}<form><input name="q"><button>Search posts</button></form></article>
        <aside><h3>About me</h3><p>I write about things, often and at length, with commas, many commas, indeed.</p></aside>
        <footer><p>© 2024 Site</p></footer>`)
    )
    expect(markdown).toBe(
      '# The Post\n\nParagraph 1 of the article, long enough to count as prose, with a comma, and a second clause that runs on.\n\nParagraph 2 of the article, long enough to count as prose, with a comma, and a second clause that runs on.\n'
    )
  })

  it('should fall back to <main> or [role=main] without an <article>', () => {
    expect(toMarkdown(page(`<nav><a href="/">Home</a></nav><main><h1>In Main</h1>${prose(1)}</main>`))).toContain('# In Main\n\nParagraph 1')
    expect(toMarkdown(page(`<div class="menu"><a href="/">Home</a></div><div role="main"><h1>In Role</h1>${prose(1)}</div>`))).toContain('# In Role\n\nParagraph 1')
  })

  it('should find the article by its paragraph text when the page has no landmarks', () => {
    const markdown = toMarkdown(
      page(
        `<div id="top"><div class="logo">Site</div><ul><li><a href="/">Home</a></li><li><a href="/b">Blog</a></li></ul></div>
         <div id="wrap"><div class="col-left"><h2>Links</h2><ul>${'<li><a href="/x">A link to another long post title, with a comma</a></li>'.repeat(8)}</ul></div>
         <div class="col-right"><h1>Real Title</h1>${prose(4)}</div></div>`
      )
    )
    expect(markdown.startsWith('# Real Title\n\nParagraph 1')).toBe(true)
    expect(markdown).not.toContain('A link to another')
    expect(markdown).not.toContain('Home')
  })

  it('should not take a short <article> card for the article', () => {
    const markdown = toMarkdown(
      page(`<div class="content"><h1>Long Read</h1>${prose(6)}</div><div class="more"><article><h3>Other post</h3><p>A teaser of another post, short.</p></article></div>`)
    )
    expect(markdown.startsWith('# Long Read\n')).toBe(true)
    expect(markdown).not.toContain('Other post')
  })

  it('should drop comments, related posts, share and tag blocks inside the article, and a captioned section with its list', () => {
    const markdown = toMarkdown(
      page(`<article><h1>Post</h1>${prose(2)}
        <p class="post-meta">Posted on March 3, 2024 by Jane</p>
        <div class="share-buttons"><a href="#">Share on Twitter</a></div>
        <h2>Related posts</h2><ul><li><a href="/1">First other post</a></li></ul>
        <h2>Conclusion</h2><p>The end of the article, with its last thought, which is kept.</p>
        <section id="comments"><h2>2 Comments</h2><p>Nice post, thank you very much for writing it all down!</p></section>
        <p class="tags">Tags: <a href="/t">testing</a></p></article>`)
    )
    expect(markdown).toContain('## Conclusion\n\nThe end of the article')
    for (const furniture of ['Posted on', 'Share on Twitter', 'Related posts', 'First other post', 'Comments', 'Nice post', 'Tags:']) {
      expect(markdown).not.toContain(furniture)
    }
  })

  it('should keep images and links, load lazy images from `data-src`, and resolve them against <base href>', () => {
    const markdown = toMarkdown(
      page(
        `<article><h1>Pictures</h1>${prose(1)}
         <p><img src="data:image/gif;base64,R0lGOD" data-src="img/cat.jpg" alt="A cat"></p>
         <p>See <a href="https://example.com/docs">the docs</a> and <img src="/img/dog.png" alt="A dog">.</p></article>`,
        '<title>Pictures</title><base href="https://blog.example.org/2024/post/">'
      )
    )
    expect(markdown).toContain('![A cat](https://blog.example.org/2024/post/img/cat.jpg)')
    expect(markdown).toContain('![A dog](https://blog.example.org/img/dog.png)')
    expect(markdown).toContain('[the docs](https://example.com/docs)')
  })

  it('should take the title from the <title> when the article has no <h1>, without the site name', () => {
    expect(toMarkdown(page(`<article>${prose(2)}</article>`, '<title>How Caching Works | Example Blog</title>')).split('\n')[0]).toBe('# How Caching Works')
    expect(toMarkdown(page(`<article>${prose(2)}</article>`, '<title>缓存的原理_后端_技术社区</title>')).split('\n')[0]).toBe('# 缓存的原理')
    // A classic theme: the blog's name in an <h1>, the post's title in an <h2> above the content.
    const classic = page(
      `<div id="header"><h1>Garden Blog</h1></div><div class="post"><h2>Sowing Basil</h2><div class="entry">${prose(3)}</div></div>`,
      '<title>Sowing Basil « Garden Blog</title>'
    )
    expect(toMarkdown(classic).split('\n')[0]).toBe('# Sowing Basil')
  })

  it('should shift headings so the sections are `##` under the `#` title', () => {
    const markdown = toMarkdown(page(`<article><h1>Deep</h1>${prose(1)}<h3>First</h3>${prose(1)}<h4>Detail</h4>${prose(1)}<h3>Second</h3>${prose(1)}</article>`))
    expect(markdown.split('\n').filter((line) => line.startsWith('#'))).toEqual(['# Deep', '## First', '### Detail', '## Second'])
  })

  it('should carry the page language into front matter', () => {
    expect(toMarkdown(`<html lang="zh-CN"><body><article><h1>标题</h1><p>正文内容,足够长的一段话,用来测试语言。</p></article></body></html>`).startsWith('---\nlang: zh-CN\n---\n\n# 标题\n')).toBe(true)
  })

  it('should fail on a page without an article', () => {
    const {file} = importArticle(page('<nav><a href="/">Home</a></nav><script>x()</script>'), {format: 'html', path: 'empty.html'})
    expect(file.messages.filter((message) => message.fatal).map(String)).toEqual(['empty.html:1:1: Unexpected page without an article, expected paragraphs or lists'])
  })

  it('should map markdown lines back to the lines of the page', () => {
    const html = ['<html><body>', '<article>', '<h1>Lines</h1>', '<p>First paragraph of the article, with enough text to count.</p>', '', '<h2>Part</h2>', '<p>Second paragraph.</p>', '</article>', '</body></html>'].join('\n')
    const {markdown, lines} = importArticle(html, {format: 'html'})
    const markdownLines = markdown.split('\n')
    const at = (prefix: string) => lines[markdownLines.findIndex((line) => line.startsWith(prefix)) + 1]
    expect([at('# Lines'), at('First'), at('## Part'), at('Second')]).toEqual([3, 4, 6, 7])
  })

  it('should refuse a page nested thousands of levels deep with a message, not a crash', () => {
    const deep = `<html><body>${'<div>'.repeat(5000)}<p>Deep text, with a comma, long enough to count.</p>${'</div>'.repeat(5000)}</body></html>`
    const {markdown, file} = importArticle(deep, {format: 'html', path: 'deep.html'})
    expect(markdown).toBe('')
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['import-too-deep', true]])
  })
})
