/**
 * `serve` over raw HTTP (node:net and node:http, no browser): what it serves,
 * what it refuses, the events it pushes, a folder's index, a port in use.
 */
import {mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {request as httpRequest, type IncomingMessage} from 'node:http'
import {connect} from 'node:net'
import path from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {select, selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {LecternError} from '../../src/errors.js'
import {serve, type ServeBuildEvent, type ServeHandle} from '../../src/serve/serve.js'
import {seedDeck, temporaryFolder} from '../util/fixtures.js'

const deck = `---
title: Served deck
---

# Served deck

Lead notes.

## Pictures

![a picture](img/pic.png)

See [the handout](files/handout.txt) and [a link that leaves the folder](files/link.txt).

Notes about the picture.

## Words

- first
- second

Notes about words.
`

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

interface Raw {
  status: number
  headers: string
  body: string
}

/** Send a request line exactly as written, as an attacker would, naming `host` in the Host header. */
function raw(port: number, target: string, host = `127.0.0.1:${port}`): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)
    })
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const [head, ...rest] = text.split('\r\n\r\n')
      resolve({status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]), headers: head, body: rest.join('\r\n\r\n')})
    })
  })
}

function get(url: string, headers: Record<string, string> = {}): Promise<{status: number; headers: IncomingMessage['headers']; body: Buffer}> {
  return new Promise((resolve, reject) => {
    httpRequest(url, {headers}, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk) => chunks.push(chunk))
      response.on('end', () => resolve({status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks)}))
    })
      .on('error', reject)
      .end()
  })
}

/** Listen to a page's events; `next(name)` resolves with the data of the next such event. */
function events(url: string) {
  const seen: Array<{event: string; data: string}> = []
  const waiting: Array<{event: string; resolve: (data: string) => void}> = []
  let buffer = ''
  const request = httpRequest(url, (response) => {
    response.setEncoding('utf8')
    response.on('data', (chunk: string) => {
      buffer += chunk
      let end
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event = /^event: (.*)$/m.exec(block)?.[1]
        const data = /^data: (.*)$/m.exec(block)?.[1]
        if (!event || data === undefined) continue
        const index = waiting.findIndex((w) => w.event === event)
        if (index === -1) seen.push({event, data})
        else waiting.splice(index, 1)[0].resolve(data)
      }
    })
  })
  request.on('error', () => {})
  request.end()
  return {
    next(event: string): Promise<string> {
      const index = seen.findIndex((s) => s.event === event)
      if (index !== -1) return Promise.resolve(seen.splice(index, 1)[0].data)
      return new Promise((resolve) => waiting.push({event, resolve}))
    },
    /** Events received that nobody waited for. */
    unread(event: string): number {
      return seen.filter((s) => s.event === event).length
    },
    close() {
      request.destroy()
    }
  }
}

describe('serve', () => {
  const work = temporaryFolder()
  const folder = path.join(work.dir, 'deck')
  const file = path.join(folder, 'deck.md')
  const builds: ServeBuildEvent[] = []
  let server: ServeHandle

  beforeAll(async () => {
    mkdirSync(path.join(folder, 'img'), {recursive: true})
    writeFileSync(path.join(work.dir, 'secret.txt'), 'TOP-SECRET-OUTSIDE')
    writeFileSync(file, deck)
    writeFileSync(path.join(folder, '.env'), 'DOTFILE-SECRET')
    writeFileSync(path.join(folder, 'other.png'), 'UNREFERENCED-FILE')
    writeFileSync(path.join(folder, 'img', 'pic.png'), png)
    mkdirSync(path.join(folder, 'files'))
    writeFileSync(path.join(folder, 'files', 'handout.txt'), 'HANDOUT')
    symlinkSync(path.join(work.dir, 'secret.txt'), path.join(folder, 'files', 'link.txt'))
    server = await serve(file, {port: 0, cwd: work.dir, onBuild: (event) => builds.push(event)})
  })

  afterAll(async () => {
    await server?.close()
    work.remove()
  })

  it('should listen on 127.0.0.1 and serve the deck at /, with reveal.js, the notes plugin and the reload client', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(server.decks).toEqual([{input: 'deck/deck.md', url: server.url}])
    expect(builds[0]).toMatchObject({input: 'deck/deck.md', ok: true, first: true})
    const page = await get(server.url)
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    const tree = fromHtml(page.body.toString('utf8'))
    const scripts = selectAll('script', tree)
    expect(scripts.map((script) => script.properties.src).filter(Boolean)).toEqual(['assets/reveal/reveal.js', 'assets/reveal/notes.js', 'assets/lectern.js'])
    expect(scripts.some((script) => toString(script).includes("new EventSource('__lectern/events"))).toBe(true)
    expect(toString(select('script:last-of-type', tree)!)).toContain('window.RevealNotes')
    expect(selectAll('.reveal .slides section', tree).map((section) => section.properties.id)).toEqual(['served-deck', 'pictures', 'words'])
    for (const section of selectAll('.reveal .slides section', tree)) {
      expect(Number(section.properties.dataTiming)).toBeGreaterThan(0)
    }
    const notes = await get(`${server.url}assets/reveal/notes.js`)
    expect(notes.status).toBe(200)
    expect(notes.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(notes.body.toString('utf8')).toContain('RevealNotes')
  })

  it('should serve a picture and a file the deck uses, byte for byte, and answer a repeat with 304', async () => {
    const tree = fromHtml((await get(server.url)).body.toString('utf8'))
    const src = String(select('#pictures img', tree)?.properties.src)
    const picture = await get(new URL(src, server.url).href)
    expect(picture.status).toBe(200)
    expect(picture.headers['content-type']).toBe('image/png')
    expect(picture.body.equals(png)).toBe(true)
    const again = await get(new URL(src, server.url).href, {'If-None-Match': String(picture.headers.etag)})
    expect(again.status).toBe(304)
    const handout = await get(`${server.url}files/handout.txt`)
    expect({status: handout.status, type: handout.headers['content-type'], body: handout.body.toString('utf8')}).toEqual({
      status: 200,
      type: 'text/plain; charset=utf-8',
      body: 'HANDOUT'
    })
  })

  it('should give no file outside the deck, no dotfile and no file the deck does not use, however the path is written', async () => {
    const attempts = [
      '/../secret.txt',
      '/../../../../../../etc/passwd',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/%252e%252e/secret.txt',
      '/img/..%2f..%2fsecret.txt',
      '/img/%2e%2e/%2e%2e/secret.txt',
      '/assets/../../secret.txt',
      '/..\\secret.txt',
      '/%5c..%5csecret.txt',
      '/img\\..\\..\\secret.txt',
      '//etc/passwd',
      '/etc/passwd',
      path.join(work.dir, 'secret.txt'),
      `/${path.join(work.dir, 'secret.txt')}`,
      'http://127.0.0.1/../secret.txt',
      '/C:/Windows/win.ini',
      '/%c0%ae%c0%ae/secret.txt',
      '/secret.txt%00.png',
      '/.env',
      '/%2eenv',
      '/.%65nv',
      '/deck.md',
      '/other.png',
      '/img/pic.png',
      '/files/link.txt',
      '/files/%2e%2e/%2e%2e/secret.txt'
    ]
    for (const target of attempts) {
      const response = await raw(server.port, target)
      expect([403, 404], target).toContain(response.status)
      expect(response.body, target).not.toMatch(/TOP-SECRET-OUTSIDE|DOTFILE-SECRET|UNREFERENCED-FILE|root:x:0/)
    }
  })

  it('should answer the browser\'s `/favicon.ico` with no content, not a 404', async () => {
    const icon = await get(`${server.url}favicon.ico`)
    expect(icon.status).toBe(204)
    expect(icon.body.length).toBe(0)
    expect((await get(`${server.url}assets/favicon.ico`)).status).toBe(404)
  })

  it('should refuse a Host it does not know on a loopback address, and methods other than GET and HEAD', async () => {
    expect((await raw(server.port, '/')).status).toBe(200)
    expect((await raw(server.port, '/', 'attacker.example:80')).status).toBe(403)
    const post = await new Promise<number>((resolve, reject) => {
      httpRequest(server.url, {method: 'POST'}, (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      })
        .on('error', reject)
        .end()
    })
    expect(post).toBe(405)
  })

  it('should push an update when the markdown is saved, and problems with file:line when a save breaks it', async () => {
    const stream = events(`${server.url}__lectern/events?v=1`)
    try {
      writeFileSync(file, deck.replace('- second', '- second, saved'))
      const update = JSON.parse(await stream.next('update')) as {version: number; html: string; changed: string[]}
      expect(update.version).toBe(2)
      expect(toString(select('#words', fromHtml(update.html))!)).toContain('second, saved')
      // The page served now is the new one.
      expect((await get(server.url)).body.toString('utf8')).toContain('second, saved')

      writeFileSync(file, deck.replace('title: Served deck', 'title: Served deck\naspect: 5:4'))
      const broken = JSON.parse(await stream.next('problems')) as {problems: Array<{place: string; reason: string; ruleId: string}>}
      expect(broken.problems).toEqual([
        {place: 'deck/deck.md:3:9', reason: 'Unexpected `aspect: 5:4`, expected one of `16:9`, `4:3`', ruleId: 'front-matter-value'}
      ])
      // The last good deck is still served.
      expect((await get(server.url)).body.toString('utf8')).toContain('second, saved')
      expect(builds.at(-1)).toMatchObject({ok: false, first: false})

      writeFileSync(file, deck)
      const fixed = JSON.parse(await stream.next('update')) as {version: number; html: string}
      expect(fixed.version).toBe(3)
      expect(fixed.html).not.toContain('second, saved')
      expect(builds.at(-1)).toMatchObject({ok: true, first: false})
    } finally {
      stream.close()
    }
  })

  it('should take a save that moves the old file away and writes a new one as one update, not a missing file', async () => {
    const version = /<meta name="lectern-version" content="(\d+)">/.exec((await get(server.url)).body.toString('utf8'))?.[1]
    expect(version).toBeDefined()
    const stream = events(`${server.url}__lectern/events?v=${version}`)
    try {
      renameSync(file, `${file}~`)
      await new Promise((resolve) => setTimeout(resolve, 30))
      writeFileSync(file, deck.replace('- first', '- first, moved'))
      const update = JSON.parse(await stream.next('update')) as {html: string}
      expect(update.html).toContain('first, moved')
      expect(stream.unread('problems')).toBe(0)
    } finally {
      stream.close()
      rmSync(`${file}~`, {force: true})
    }
  })

  it('should send the current version at once to a page that loaded an older one', async () => {
    const stream = events(`${server.url}__lectern/events?v=0`)
    try {
      const update = JSON.parse(await stream.next('update')) as {version: number}
      expect(update.version).toBeGreaterThan(0)
    } finally {
      stream.close()
    }
  })

  it('should answer any Host when told to listen on every address', async () => {
    const shared = await serve(file, {port: 0, host: '0.0.0.0', cwd: work.dir, watch: false})
    try {
      expect(shared.url).toBe(`http://localhost:${shared.port}/`)
      expect((await raw(shared.port, '/', 'talk.example:80')).status).toBe(200)
    } finally {
      await shared.close()
    }
  })

  it('should say a port is in use with a LecternError suggesting `--port 0`', async () => {
    const error = await serve(file, {port: server.port, cwd: work.dir}).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(LecternError)
    expect((error as LecternError).code).toBe('SERVER')
    expect((error as LecternError).message).toBe(`Port ${server.port} is already in use on 127.0.0.1: stop what uses it, or pass \`--port 0\` to pick a free port`)
  })
})

describe('serve a folder', () => {
  const work = temporaryFolder()
  let server: ServeHandle

  beforeAll(async () => {
    writeFileSync(path.join(work.dir, 'english.md'), '# An English talk\n\n## One\n\n- a\n\nSome notes to say.\n\n## Two\n\n- b\n\nMore notes.\n')
    writeFileSync(path.join(work.dir, 'seed.md'), readFileSync(seedDeck, 'utf8'))
    server = await serve(work.dir, {port: 0})
  })

  afterAll(async () => {
    await server?.close()
    work.remove()
  })

  function entries(html: string) {
    return selectAll('li', fromHtml(html)).map((item) => ({
      href: select('a', item)?.properties.href,
      title: toString(select('a', item)!),
      meta: toString(select('.meta', item)!)
    }))
  }

  it('should list its decks with title, slide count and talk time, each under its own path', async () => {
    const index = await get(server.url)
    expect(index.status).toBe(200)
    const listed = entries(index.body.toString('utf8'))
    expect(listed.map(({href, title}) => ({href, title}))).toEqual([
      {href: 'english/', title: 'An English talk'},
      {href: 'seed/', title: '什么是大模型'}
    ])
    expect(listed[0].meta).toMatch(/^3 slides · ~\d+ s · english$/)
    expect(listed[1].meta).toMatch(/^\d+ slides · ~\d+ min( \d+ s)? · seed$/)
    expect(server.decks.map((deck) => deck.url)).toEqual([`${server.url}english/`, `${server.url}seed/`])

    const redirect = await get(`${server.url}seed`)
    expect(redirect.status).toBe(301)
    expect(redirect.headers.location).toBe('/seed/')
    const seed = await get(`${server.url}seed/`)
    expect(select('title', fromHtml(seed.body.toString('utf8'))) && toString(select('title', fromHtml(seed.body.toString('utf8')))!)).toBe('什么是大模型')
    expect((await get(`${server.url}seed/assets/reveal/notes.js`)).status).toBe(200)
    expect((await get(`${server.url}missing/`)).status).toBe(404)
    expect((await get(`${server.url}favicon.ico`)).status).toBe(204)
    expect((await raw(server.port, '/seed/../english.md')).status).toBe(403)
  })

  it('should list a deck added to the folder', async () => {
    const stream = events(`${server.url}__lectern/events?v=1`)
    try {
      writeFileSync(path.join(work.dir, 'added.md'), '# Added later\n\n## Only\n\n- c\n\nNotes.\n')
      await stream.next('reload')
      const listed = entries((await get(server.url)).body.toString('utf8'))
      expect(listed.map((entry) => entry.title)).toEqual(['Added later', 'An English talk', '什么是大模型'])
      expect((await get(`${server.url}added/`)).status).toBe(200)
    } finally {
      stream.close()
    }
  })
})
