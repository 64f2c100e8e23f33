import {describe, expect, it} from 'vitest'
import {decodeDeclaredCharset} from '../../src/import/charset.js'

// 你好世界 in GBK.
const gbk = Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xca, 0xc0, 0xbd, 0xe7])
const page = (meta: string) => Buffer.concat([Buffer.from(`<html><head>${meta}<title>`), gbk, Buffer.from('</title></head><body><p>'), gbk, Buffer.from('</p></body></html>')])

describe('decodeDeclaredCharset', () => {
  it('should read a page in the charset its <meta> declares', () => {
    expect(decodeDeclaredCharset(page('<meta charset="gbk">'), 'page.html')).toBe('<html><head><meta charset="gbk"><title>你好世界</title></head><body><p>你好世界</p></body></html>')
    expect(decodeDeclaredCharset(page('<meta http-equiv="Content-Type" content="text/html; charset=GB2312">'), 'page.htm')).toContain('<p>你好世界</p>')
  })

  it('should decline text files, pages without a declaration, and unknown charsets', () => {
    expect(decodeDeclaredCharset(page('<meta charset="gbk">'), 'notes.txt')).toBeUndefined()
    expect(decodeDeclaredCharset(page(''), 'page.html')).toBeUndefined()
    expect(decodeDeclaredCharset(page('<meta charset="no-such-charset">'), 'page.html')).toBeUndefined()
  })
})
