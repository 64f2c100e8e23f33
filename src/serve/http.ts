/**
 * HTTP for `serve`: responses (pages, files by exact path with ETags, plain
 * errors), Server-Sent Events, and which addresses and Host headers are
 * answered.
 */
import {createReadStream, statSync} from 'node:fs'
import type {IncomingMessage, ServerResponse} from 'node:http'
import path from 'node:path'
import {LecternError} from '../errors.js'

/** A file a deck serves: text or bytes held in memory, or a file read on request. */
export type Served = {content: Buffer; from?: undefined; etag: string} | {from: string; content?: undefined; etag?: undefined}


const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.pdf': 'application/pdf'
}


export function sendServed(request: IncomingMessage, response: ServerResponse, key: string, served: Served): void {
  const type = contentTypes[path.extname(key).toLowerCase()] ?? 'application/octet-stream'
  if (served.content) {
    if (request.headers['if-none-match'] === served.etag) return send(response, 304, '')
    response.writeHead(200, headers(type, served.etag, served.content.length))
    response.end(request.method === 'HEAD' ? undefined : served.content)
    return
  }
  let stats
  try {
    stats = statSync(served.from)
  } catch {
    return send(response, 404, 'Not found')
  }
  if (!stats.isFile()) return send(response, 404, 'Not found')
  const etag = `W/"${stats.size.toString(36)}-${Math.round(stats.mtimeMs).toString(36)}"`
  if (request.headers['if-none-match'] === etag) return send(response, 304, '')
  response.writeHead(200, headers(type, etag, stats.size))
  if (request.method === 'HEAD') return void response.end()
  createReadStream(served.from)
    .on('error', () => response.destroy())
    .pipe(response)
}

/** Browsers ask every page's server for `/favicon.ico`; a 404 is a console error in every presenter's browser. */
export function sendNoFavicon(response: ServerResponse): void {
  response.writeHead(204, {'Cache-Control': 'max-age=86400'})
  response.end()
}

export function sendPage(response: ServerResponse, request: IncomingMessage, html: string): void {
  const body = Buffer.from(html)
  response.writeHead(200, {...headers('text/html; charset=utf-8', undefined, body.length), 'Cache-Control': 'no-store'})
  response.end(request.method === 'HEAD' ? undefined : body)
}

export function send(response: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(text ? `${text}\n` : '')
  response.writeHead(status, headers('text/plain; charset=utf-8', undefined, body.length))
  response.end(status === 304 ? undefined : body)
}

function headers(type: string, etag: string | undefined, length: number): Record<string, string> {
  return {
    'Content-Type': type,
    'Content-Length': String(length),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...(etag ? {ETag: etag} : {})
  }
}

export function writeEvent(response: ServerResponse, event: string, data: unknown): void {
  response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
}

export function broadcast(clients: Set<ServerResponse>, event: string, data: unknown): void {
  for (const client of clients) writeEvent(client, event, data)
}

/**
 * On a loopback address, only requests that name this machine are answered,
 * so a web page cannot reach the server through a name it controls (DNS
 * rebinding). Elsewhere (`--host 0.0.0.0`), any name is.
 */
export function isAllowedHost(header: string | undefined, host: string): boolean {
  if (!isLoopback(host)) return true
  if (!header) return false
  const name = header.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1').toLowerCase()
  return name === 'localhost' || name.endsWith('.localhost') || isLoopback(name) || name === host.toLowerCase()
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host)
}

export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost'
  return host.includes(':') ? `[${host}]` : host
}

export function toListenError(error: NodeJS.ErrnoException, host: string, port: number): LecternError {
  if (error.code === 'EADDRINUSE') {
    return new LecternError('SERVER', `Port ${port} is already in use on ${host}: stop what uses it, or pass \`--port 0\` to pick a free port`, {cause: error})
  }
  if (error.code === 'EACCES') {
    return new LecternError('SERVER', `Not allowed to listen on port ${port}: pass a port above 1023, or \`--port 0\` to pick a free port`, {cause: error})
  }
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
    return new LecternError('SERVER', `Cannot listen on \`${host}\`: it is not an address of this machine; pass \`--host 127.0.0.1\``, {cause: error})
  }
  return new LecternError('SERVER', `Cannot listen on ${host}:${port}: ${error.code ?? error.message}`, {cause: error})
}

