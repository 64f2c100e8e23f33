/**
 * `serve`: decks over HTTP on the local machine, rebuilt in memory when their
 * files change and pushed to every open page (Server-Sent Events), which keeps
 * its slide. Nothing is written to disk. A deck serves only its own files: the
 * assets its render names and the local files its page references, looked up
 * by exact path, never by joining a request path onto a folder.
 */
import {readdirSync, statSync} from 'node:fs'
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import type {VFile} from 'vfile'
import {deckName} from '../output/deck-folder.js'
import {createParseCache} from '../markdown/cache.js'
import {resolveInputs} from '../render/inputs.js'
import {renderDeck, toFile} from '../render/render.js'
import {isLecternError, LecternError} from '../errors.js'
import type {DeckOptions} from '../config/options.js'
import {resolveConfig} from '../config/resolve.js'
import {toRelativePath} from '../relative-path.js'
import {fileSignature, isDeckFile, isInsideResolved, readWhenSaved, returnMs, toGood, withVersion, type Deck, type Good, type Problem} from './deck-state.js'
import {broadcast, isAllowedHost, send, sendNoFavicon, sendPage, sendServed, toListenError, urlHost, writeEvent} from './http.js'
import {toIndexPage, toWaitingPage, type IndexEntry} from './pages.js'
import {reloadClient} from './reload-client.js'
import {toRequestPath} from './request-path.js'
import {createWatcher, type FileWatcher} from './watch.js'

/** Options for `serve`: how decks render, and where and how they are served. */
export interface ServeOptions extends DeckOptions {
  /** Port to listen on; `0` picks a free one (default: `3000`). */
  port?: number | null | undefined
  /** Address to listen on (default: `'127.0.0.1'`). */
  host?: string | null | undefined
  /** Rebuild and push updates when files change (default: `true`). */
  watch?: boolean | null | undefined
  /** Called after each build of a deck, the first included (default: none). */
  onBuild?: ((event: ServeBuildEvent) => void) | null | undefined
}

/** What one build of a served deck did. */
export interface ServeBuildEvent {
  /** The deck's markdown, relative to `cwd`. */
  input: string
  /** Where the deck is served. */
  url: string
  /** The file with its messages (`undefined` when it could not be read). */
  file: VFile | undefined
  /** Why the file could not be read or rendered, if so. */
  error: LecternError | undefined
  /** Whether the deck built; when not, pages keep the last good deck under an overlay. */
  ok: boolean
  /** Whether this is the build before the server started. */
  first: boolean
  /** Milliseconds the build took. */
  ms: number
}

/** A running server. */
export interface ServeHandle {
  /** The address pages are served at, ending in `/`. */
  url: string
  /** The port listened on (useful with `port: 0`). */
  port: number
  /** Each deck and its address. */
  decks: ReadonlyArray<{input: string; url: string}>
  /** Stop watching, end every connection and stop listening. */
  close(): Promise<void>
}

/** Rebuilds wait this long for the rest of a save (editors write in several steps). */
const settleMs = 8

/** Serve a deck (a markdown file) or a folder of decks with live reload. Rejects with a `LecternError` (`SERVER`) when it cannot listen. */
export async function serve(input: string, options?: Readonly<ServeOptions> | null): Promise<ServeHandle> {
  const settings = options || {}
  const config = resolveConfig(settings, 'serve')
  const {cwd, host, port} = config
  const files = resolveInputs([input], cwd)
  const absolute = path.resolve(cwd, input)
  const isFolder = statSync(absolute).isDirectory()
  const decks = new Map<string, Deck>()
  let closed = false
  let indexVersion = 1
  let indexSummary = ''
  const indexClients = new Set<ServerResponse>()
  let watcher: FileWatcher | undefined
  let rescanTimer: NodeJS.Timeout | undefined

  const addDeck = (source: string): Deck => {
    const name = isFolder ? deckName(source) : ''
    if (decks.has(name)) {
      throw new LecternError('INPUT', `Two decks would both be served at \`/${name}/\`: rename one of them`, {file: toRelativePath(cwd, source)})
    }
    const deck: Deck = {
      name,
      source,
      input: toRelativePath(cwd, source),
      folder: path.dirname(source),
      base: isFolder ? `/${encodeURIComponent(name)}/` : '/',
      version: 0,
      good: undefined,
      problems: undefined,
      clients: new Set(),
      timer: undefined,
      building: undefined,
      running: undefined,
      dirty: false,
      removed: false,
      cache: createParseCache()
    }
    decks.set(name, deck)
    return deck
  }

  async function buildOnce(deck: Deck, first: boolean): Promise<void> {
    const start = performance.now()
    let file: VFile | undefined
    let error: LecternError | undefined
    let problems: Problem[] | undefined
    let good: Good | undefined
    // A newer save (or `close()`) aborts this build; the sections it parsed stay cached for the next.
    const abort = (deck.running = {abort: new AbortController(), read: undefined as string | undefined}).abort
    try {
      file = toFile(await readWhenSaved(deck.source, deck.input), deck.input, cwd)
      deck.running.read = fileSignature(deck.source)
      const rendered = await renderDeck(file, {
        theme: config.theme,
        allowHtml: config.allowHtml,
        split: config.split,
        allowFs: config.allowFs,
        cwd,
        inject: reloadClient(),
        cache: deck.cache,
        background: !first, // before the server listens, nothing waits for this thread
        signal: abort.signal
      })
      const fatal = file.messages.filter((message) => message.fatal)
      if (fatal.length > 0) {
        problems = fatal.map((message) => ({
          place: `${deck.input}:${message.line ?? 1}:${message.column ?? 1}`,
          reason: message.reason,
          ruleId: message.ruleId
        }))
      } else {
        good = toGood(deck, rendered.html, rendered.assets, file.data.deck, rendered.theme?.files ?? [])
      }
    } catch (caught) {
      // The server keeps running whatever the deck does; the overlay says what went wrong.
      error = isLecternError(caught)
        ? caught
        : new LecternError('DECK', `Cannot render \`${deck.input}\`: ${caught instanceof Error ? caught.message : String(caught)}`, {cause: caught})
      problems = [{place: `${deck.input}:1:1`, reason: error.message}]
    }
    deck.running = undefined
    if (closed || deck.removed || abort.signal.aborted) return
    if (good) {
      const before = deck.good?.signatures
      const changed = before ? [...good.signatures].filter(([key, value]) => before.has(key) && before.get(key) !== value).map(([key]) => key) : []
      deck.good = good
      deck.problems = undefined
      deck.version++
      broadcast(deck.clients, 'update', {version: deck.version, html: good.html, changed: changed.map((key) => deck.base + key)})
    } else {
      deck.problems = problems
      broadcast(deck.clients, 'problems', {problems})
    }
    settings.onBuild?.({input: deck.input, url: deck.base, file, error, ok: Boolean(good), first, ms: performance.now() - start})
    if (!first) {
      refreshIndex()
      watchAll()
    }
  }

  function rebuild(deck: Deck): Promise<void> {
    if (deck.building) {
      deck.dirty = true
      return deck.building
    }
    deck.building = (async () => {
      do {
        deck.dirty = false
        await buildOnce(deck, false)
      } while (deck.dirty && !closed && !deck.removed)
    })().finally(() => {
      deck.building = undefined
    })
    return deck.building
  }

  function schedule(deck: Deck): void {
    if (deck.building) {
      deck.dirty = true
      // Only a build that read an older version of the deck is superseded; the event may be its own save's.
      if (deck.running?.read && deck.running.read !== fileSignature(deck.source)) deck.running.abort.abort()
      return
    }
    clearTimeout(deck.timer)
    deck.timer = setTimeout(() => {
      deck.timer = undefined
      rebuild(deck).catch(() => {
        // Rendering failed in a way that is not the deck's fault; the next save tries again.
      })
    }, settleMs)
  }

  function watchAll(): void {
    if (!watcher) return
    const watched = new Set<string>()
    for (const deck of decks.values()) {
      watched.add(deck.source)
      for (const file of deck.good?.watched ?? []) watched.add(file)
    }
    watcher.update(watched, isFolder ? [absolute] : [])
  }

  function onChange(file: string): void {
    if (closed) return
    if (isFolder && path.dirname(file) === absolute && isDeckFile(file)) {
      clearTimeout(rescanTimer)
      rescanTimer = setTimeout(rescan, returnMs)
    }
    for (const deck of decks.values()) {
      if (deck.source === file || deck.good?.watched.includes(file)) schedule(deck)
    }
  }

  /** A folder's decks may have come or gone. */
  function rescan(): void {
    if (closed) return
    let now: string[]
    try {
      now = readdirSync(absolute)
        .filter((name) => isDeckFile(name))
        .sort()
        .map((name) => path.join(absolute, name))
    } catch {
      return
    }
    for (const deck of [...decks.values()]) {
      if (!now.includes(deck.source)) {
        deck.removed = true
        clearTimeout(deck.timer)
        deck.running?.abort.abort()
        broadcast(deck.clients, 'reload', {})
        decks.delete(deck.name)
      }
    }
    for (const source of now) {
      // A folder's decks are keyed by name: a source already served has its name taken.
      if (decks.has(deckName(source))) continue
      rebuild(addDeck(source)).catch(() => {})
    }
    refreshIndex()
    watchAll()
  }

  function refreshIndex(): void {
    const summary = JSON.stringify(indexEntries())
    if (summary === indexSummary) return
    indexSummary = summary
    indexVersion++
    broadcast(indexClients, 'reload', {version: indexVersion})
  }

  function indexEntries(): IndexEntry[] {
    return [...decks.values()].sort((a, b) => a.name.localeCompare(b.name)).map((deck) => ({
      name: deck.name,
      title: deck.good?.info?.title ?? deck.name,
      slides: deck.good?.info?.slides ?? 0,
      seconds: deck.good?.info?.seconds ?? 0,
      broken: Boolean(deck.problems)
    }))
  }

  for (const source of files) addDeck(source)
  for (const deck of decks.values()) await buildOnce(deck, true)
  indexSummary = JSON.stringify(indexEntries())

  const server = createServer((request, response) => {
    try {
      handle(request, response)
    } catch {
      if (!response.headersSent) send(response, 500, 'Internal error')
      else response.destroy()
    }
  })

  function handle(request: IncomingMessage, response: ServerResponse): void {
    if (!isAllowedHost(request.headers.host, host)) return send(response, 403, 'Forbidden: unexpected Host header')
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD')
      return send(response, 405, 'Method not allowed')
    }
    const target = toRequestPath(request.url)
    if (!target.segments) return send(response, target.status, target.status === 403 ? 'Forbidden' : 'Not found')
    let segments = target.segments
    let deck: Deck | undefined
    if (isFolder) {
      const [first, ...rest] = segments
      if (first === '' || (first === 'index.html' && rest.length === 0)) {
        return sendPage(response, request, toIndexPage(path.basename(absolute), indexEntries(), reloadClient(), indexVersion))
      }
      if (first === '__lectern' && rest.join('/') === 'events') return openEvents(request, response, indexClients, undefined)
      deck = decks.get(first)
      if (!deck && first === 'favicon.ico' && rest.length === 0) return sendNoFavicon(response)
      if (!deck) return send(response, 404, 'Not found')
      if (rest.length === 0) {
        response.setHeader('Location', `${deck.base}${request.url?.replace(/^[^?#]*/, '') ?? ''}`)
        return send(response, 301, 'Moved')
      }
      segments = rest
    } else {
      deck = decks.get('')!
    }
    const key = segments.join('/')
    if (key === '' || key === 'index.html') {
      const good = deck.good
      return sendPage(response, request, good ? withVersion(good.html, deck.version) : toWaitingPage(deck.input, reloadClient()))
    }
    if (key === '__lectern/events') return openEvents(request, response, deck.clients, deck)
    const good = deck.good
    const asset = good?.assets.get(key)
    if (asset) return sendServed(request, response, key, asset)
    const local = good?.local.get(key)
    if (local && isInsideResolved(local, deck.folder)) return sendServed(request, response, key, {from: local})
    if (!isFolder && key === 'favicon.ico') return sendNoFavicon(response)
    return send(response, 404, 'Not found')
  }

  function openEvents(request: IncomingMessage, response: ServerResponse, clients: Set<ServerResponse>, deck: Deck | undefined): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff'
    })
    response.write('retry: 500\n\n')
    if (request.method === 'HEAD') return void response.end()
    clients.add(response)
    request.on('close', () => clients.delete(response))
    // A page that loaded an older version than the current one catches up at once.
    const given = new URL(request.url ?? '/', 'http://x').searchParams.get('v')
    if (deck) {
      if (deck.good && given !== String(deck.version)) {
        writeEvent(response, 'update', {version: deck.version, html: deck.good.html, changed: []})
      }
      if (deck.problems) writeEvent(response, 'problems', {problems: deck.problems})
    } else if (given !== String(indexVersion)) {
      writeEvent(response, 'reload', {version: indexVersion})
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  }).catch((error: NodeJS.ErrnoException) => {
    closed = true
    throw toListenError(error, host, port)
  })

  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  const url = `http://${urlHost(host)}:${actualPort}/`
  if (settings.watch !== false) {
    watcher = createWatcher(onChange)
    watchAll()
  }

  return {
    url,
    port: actualPort,
    decks: [...decks.values()].map((deck) => ({input: deck.input, url: new URL(deck.base, url).href})),
    async close() {
      if (closed) return
      closed = true
      watcher?.close()
      clearTimeout(rescanTimer)
      const pending: Array<Promise<void>> = []
      for (const deck of decks.values()) {
        clearTimeout(deck.timer)
        deck.running?.abort.abort()
        if (deck.building) pending.push(deck.building.catch(() => {}))
        for (const client of deck.clients) client.end()
        deck.clients.clear()
      }
      for (const client of indexClients) client.end()
      indexClients.clear()
      await Promise.all(pending)
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    }
  }
}

