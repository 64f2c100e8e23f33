import {describe, expect, it} from 'vitest'
import {toLocalReference, toRequestPath} from '../../src/serve/request-path.js'

describe('toRequestPath', () => {
  it('should split a path into decoded segments', () => {
    expect(toRequestPath('/')).toEqual({segments: ['']})
    expect(toRequestPath('/assets/reveal/reveal.js?v=3#x')).toEqual({segments: ['assets', 'reveal', 'reveal.js']})
    expect(toRequestPath('/deck/')).toEqual({segments: ['deck', '']})
    expect(toRequestPath('/img/a%20b.png')).toEqual({segments: ['img', 'a b.png']})
    expect(toRequestPath('/%E5%A4%A7%E6%A8%A1%E5%9E%8B/')).toEqual({segments: ['大模型', '']})
  })

  it('should refuse dot segments, encoded or not', () => {
    for (const url of ['/../etc/passwd', '/assets/../../x', '/%2e%2e/x', '/%2E%2E/x', '/.%2e/x', '/assets/./x', '/%2e/x', '/a/..']) {
      expect(toRequestPath(url), url).toEqual({status: 403})
    }
  })

  it('should refuse backslashes, encoded slashes, NUL, empty segments and bad encoding', () => {
    for (const url of ['/..\\x', '/a\\b', '/%5c..%5cx', '/..%2fx', '/a%2Fb', '/a%00.png', '//etc/passwd', '/a//b', '/%zz', '/%c0%ae%c0%ae/x']) {
      expect(toRequestPath(url), url).toEqual({status: 403})
    }
  })

  it('should refuse what is not a path: absolute-form URLs, `*`, nothing', () => {
    for (const url of ['http://127.0.0.1/x', '*', '', undefined, 'x/y']) {
      expect(toRequestPath(url), String(url)).toEqual({status: 403})
    }
  })

  it('should not find dotfiles', () => {
    for (const url of ['/.env', '/%2eenv', '/img/.secret.png', '/.git/config']) {
      expect(toRequestPath(url), url).toEqual({status: 404})
    }
  })
})

describe('toLocalReference', () => {
  it('should normalize a relative reference inside the deck folder', () => {
    expect(toLocalReference('img/a.png')).toBe('img/a.png')
    expect(toLocalReference('./img/a%20b.png?x=1#y')).toBe('img/a b.png')
    expect(toLocalReference('图片/一.png')).toBe('图片/一.png')
  })

  it('should leave out what is not a local file of the deck', () => {
    for (const value of ['https://example.com/a.png', '//example.com/a.png', '/etc/passwd', '../secret.png', 'img/../../x.png', '#top', 'data:image/png;base64,AA', 'mailto:a@b.c', '.env', 'img\\a.png', '', './']) {
      expect(toLocalReference(value), value).toBeUndefined()
    }
  })
})
