/**
 * Live reload in a served page (`lectern serve` inlines it in every page it
 * sends): listen for updates (Server-Sent Events at `__lectern/events`,
 * relative to the page), swap the new slides in place and go back to the
 * slide the speaker was on, by its id; show and clear the error overlay.
 * Anything beyond the slides changed (scripts, the reveal.js configuration,
 * the page's language) reloads the page, which then returns to the same
 * slide. In a deck it is the plugin `lectern-reload`; the server's own pages
 * (the index, a deck that never built) have no reveal.js and only reload.
 */
import type {FitPlugin} from './fit.js'
import {registerPlugin, type Plugin, type RevealDeck} from './reveal.js'

/** A problem of the last save, as the server sends it. */
interface Problem {
  place: string
  reason: string
  ruleId?: string | null
}

/** An update, as the server sends it. */
interface Update {
  version: number | string
  html: string
  /** Page paths of the files that changed. */
  changed: string[]
}

/** Where the speaker was: the slide's id, and its indices for when the id is gone. */
interface Place {
  id?: string
  h: number
  v?: number
  f?: number
}

/** The reload plugin, as another window (the speaker view's previews) finds it. */
interface ReloadPlugin extends Plugin {
  notify(): void
}

function listen(): void {
  if (!window.EventSource || !window.DOMParser) return
  // The speaker view's previews load the page with `?receiver` and follow the speaker view's state.
  const receiver = /(^|[?&])receiver([&=]|$)/i.test(location.search)
  const key = 'lectern:' + location.pathname + location.search
  const meta = document.querySelector('meta[name="lectern-version"]')
  let version = meta ? meta.getAttribute('content') || '0' : '0'
  let want: Place | null = null
  let applying = false
  const busted: Record<string, string> = {}
  let saved: Place | null = null
  let deck: RevealDeck | undefined
  try {
    saved = JSON.parse(sessionStorage.getItem(key) || 'null')
    sessionStorage.removeItem(key)
  } catch {}

  // What must stay the same for slides to be swapped in place: the page's
  // stylesheets and scripts (the reveal.js configuration among them), and what
  // the `.reveal` frame holds besides the slides.
  function assetsOf(doc: Document): string {
    const parts = [doc.documentElement.getAttribute('lang') || '']
    for (const node of Array.from(doc.querySelectorAll('link[rel="stylesheet"], style, script'))) {
      const href = node.getAttribute('href') || node.getAttribute('src')
      parts.push(node.tagName + ' ' + (href ? href.replace(/[?#].*$/, '') : node.textContent))
    }
    return parts.join('\n')
  }
  function extrasOf(doc: Document): string {
    const parts: string[] = []
    const reveal = doc.querySelector('.reveal')
    if (reveal) {
      for (const node of Array.from(reveal.children)) if (!node.classList.contains('slides')) parts.push(node.outerHTML)
    }
    return parts.join('\n')
  }
  // The frame is read now, before reveal.js adds its controls; the scripts once all are parsed.
  const extras = extrasOf(document)
  let assets: string | null = null
  document.addEventListener('DOMContentLoaded', function () {
    assets = assetsOf(document)
  })

  function remember(): void {
    if (applying || receiver || !deck || !deck.isReady()) return
    const slide = deck.getCurrentSlide()
    const at = deck.getIndices()
    want = {id: slide && slide.id, h: at.h, v: at.v, f: at.f}
  }

  function go(deck: RevealDeck, target: Place | null): void {
    const slide = target && target.id ? document.getElementById(target.id) : null
    if (slide && slide.tagName === 'SECTION' && slide.closest('.reveal .slides')) {
      const at = deck.getIndices(slide)
      deck.slide(at.h, at.v, target!.f)
    } else if (target) deck.slide(target.h, target.v, target.f)
  }

  function pathOf(url: string): string {
    try {
      return new URL(url, document.baseURI).pathname
    } catch {
      return ''
    }
  }

  function bust(root: ParentNode): void {
    const names = ['src', 'href', 'poster', 'data-src', 'data-background-image']
    for (const node of Array.from(root.querySelectorAll('[src], [href], [poster], [data-src], [data-background-image]'))) {
      for (const name of names) {
        const value = node.getAttribute(name)
        if (!value || node.tagName === 'A') continue
        const stamp = busted[pathOf(value)]
        if (stamp) node.setAttribute(name, value.replace(/[?#].*$/, '') + '?v=' + stamp)
      }
    }
  }

  function restyle(changed: string[], version: string): void {
    for (const link of Array.from(document.querySelectorAll('link[rel="stylesheet"]'))) {
      if (!changed.includes(pathOf(link.getAttribute('href')!))) continue
      const copy = link.cloneNode() as HTMLLinkElement
      copy.setAttribute('href', link.getAttribute('href')!.replace(/[?#].*$/, '') + '?v=' + version)
      copy.onload = copy.onerror = function () {
        link.remove()
      }
      link.after(copy)
    }
  }

  function reload(): void {
    try {
      if (want) sessionStorage.setItem(key, JSON.stringify(want))
    } catch {}
    location.reload()
  }

  function overlay(problems: Problem[] | null | undefined): void {
    const old = document.getElementById('lectern-overlay')
    if (old) old.remove()
    if (!problems) return
    const box = document.createElement('div')
    box.id = 'lectern-overlay'
    box.setAttribute('role', 'alert')
    box.style.cssText =
      'position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:6vh 6vw;background:rgba(24,24,28,.8);' +
      'color:#fff;font:18px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;text-align:left'
    const title = document.createElement('div')
    title.style.cssText = 'color:#ff8a80;font-weight:bold;margin-bottom:1em'
    title.textContent = 'lectern: the last save has errors; the slides show the last good version'
    box.appendChild(title)
    for (const problem of problems) {
      const line = document.createElement('div')
      line.className = 'lectern-problem'
      line.textContent = problem.place + ': ' + problem.reason + (problem.ruleId ? ' (' + problem.ruleId + ')' : '')
      box.appendChild(line)
    }
    ;(document.body || document.documentElement).appendChild(box)
  }

  // Tell the speaker view (notes plugin) about the new slide: it posts its state on these events.
  function notify(deck: RevealDeck): void {
    const event = new CustomEvent('slidechanged', {bubbles: true, cancelable: true}) as CustomEvent & Record<string, unknown>
    const at = deck.getIndices()
    event.indexh = at.h
    event.indexv = at.v
    event.currentSlide = deck.getCurrentSlide()
    event.previousSlide = null
    event.origin = 'lectern'
    deck.getRevealElement().dispatchEvent(event)
  }

  // The markup of each top-level slide as the server sent it, read before
  // reveal.js changes the slides: a save replaces only the slides whose
  // markup changed, so the rest keep their layout and are not fitted again.
  function sourcesOf(slides: Element): string[] {
    return Array.from(slides.children, (node) => node.outerHTML)
  }
  const initial = document.querySelector('.reveal > .slides')
  let sources: string[] | null = initial ? sourcesOf(initial) : null

  // The slides whose markup changed, or null when they cannot be matched one to one.
  function changedSlides(next: Element, slides: Element, nextSources: string[], changed: string[]): Array<[Element, Element]> | null {
    if (!sources || changed.length > 0 || nextSources.length !== sources.length || slides.children.length !== sources.length) return null
    const pairs: Array<[Element, Element]> = []
    for (let i = 0; i < nextSources.length; i++) {
      if (nextSources[i] !== sources[i]) pairs.push([slides.children[i], next.children[i]])
    }
    return pairs
  }

  function apply(data: Update): void {
    const changed = data.changed.map(pathOf)
    for (const path of changed) busted[path] = String(data.version)
    const doc = new DOMParser().parseFromString(data.html, 'text/html')
    const next = doc.querySelector('.reveal > .slides')
    const slides = document.querySelector('.reveal > .slides')
    const scripts = changed.some((path) => /\.m?js$/.test(path))
    if (!next || !slides || !deck || !deck.isReady() || scripts || assetsOf(doc) !== assets || extrasOf(doc) !== extras) return reload()
    overlay(null)
    const before = deck.getIndices()
    const nextSources = sourcesOf(next)
    const pairs = changedSlides(next, slides, nextSources, changed)
    applying = true
    try {
      bust(next)
      restyle(changed, String(data.version))
      if (pairs) {
        for (const pair of pairs) pair[0].replaceWith(document.adoptNode(pair[1]))
      } else {
        // A copy of the list first: adopting a node takes it out of `next.childNodes`.
        slides.replaceChildren(...Array.from(next.childNodes).map((node) => document.adoptNode(node)))
      }
      sources = nextSources
      if (doc.title) document.title = doc.title
      deck.sync()
      go(deck, receiver ? before : want || before)
      if (deck.hasPlugin('lectern-fit')) (deck.getPlugin('lectern-fit') as FitPlugin).fitAll(pairs ? pairs.map((pair) => pair[1]) : undefined)
      if (want) {
        const at = deck.getIndices()
        want.h = at.h
        want.v = at.v
      }
      if (!receiver) notify(deck)
    } finally {
      applying = false
    }
    version = String(data.version)
    document.documentElement.setAttribute('data-lectern-version', version)
  }

  let ready = false
  function onReady(): void {
    const current = deck!
    if (saved) go(current, saved)
    if (receiver) {
      // A preview that loads after the speaker view sent its state missed it: ask the deck to send it again.
      try {
        const opener = (window.parent.opener as {Reveal?: RevealDeck} | null)?.Reveal
        if (opener && opener.hasPlugin('lectern-reload')) (opener.getPlugin('lectern-reload') as ReloadPlugin).notify()
      } catch {}
      return
    }
    ready = true
    remember()
    current.on('slidechanged', remember)
    current.on('fragmentshown', remember)
    current.on('fragmenthidden', remember)
  }

  const plugin: ReloadPlugin = {
    id: 'lectern-reload',
    init(given) {
      deck = given
      deck.on('ready', onReady)
    },
    notify() {
      if (ready && deck) notify(deck)
    }
  }
  registerPlugin(plugin)

  const source = new EventSource('__lectern/events?v=' + encodeURIComponent(version))
  source.addEventListener('update', function (event) {
    const data = JSON.parse((event as MessageEvent).data) as Update
    if (String(data.version) !== String(version)) apply(data)
  })
  source.addEventListener('problems', function (event) {
    overlay(JSON.parse((event as MessageEvent).data).problems)
  })
  source.addEventListener('reload', () => reload())
  window.addEventListener('pagehide', () => source.close())
}

listen()
