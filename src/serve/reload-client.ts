/**
 * The few lines that run in a served page: listen for updates (Server-Sent
 * Events at `__lectern/events`, relative to the page), swap the new slides in
 * place and go back to the slide the speaker was on, by its id; show and clear
 * the error overlay. Anything beyond the slides changed (scripts, the reveal.js
 * configuration, the page's language) reloads the page, which then returns to
 * the same slide.
 */

/** Script text for `RenderOptions.inject`. Plain ES5 so it runs wherever reveal.js does. */
export const reloadClient = `;(function () {
  'use strict'
  if (!window.EventSource || !window.DOMParser) return
  var each = function (list, f) { Array.prototype.forEach.call(list, f) }
  // The speaker view's previews load the page with \`?receiver\` and follow the speaker view's state.
  var receiver = /(^|[?&])receiver([&=]|$)/i.test(location.search)
  var key = 'lectern:' + location.pathname + location.search
  var meta = document.querySelector('meta[name="lectern-version"]')
  var version = meta ? meta.getAttribute('content') : '0'
  var want = null
  var applying = false
  var busted = {}
  var saved = null
  try {
    saved = JSON.parse(sessionStorage.getItem(key) || 'null')
    sessionStorage.removeItem(key)
  } catch (error) {}

  // What must stay the same for slides to be swapped in place: the page's
  // stylesheets and scripts (the reveal.js configuration among them), and what
  // the \`.reveal\` frame holds besides the slides.
  function assetsOf(doc) {
    var parts = [doc.documentElement.getAttribute('lang') || '']
    each(doc.querySelectorAll('link[rel="stylesheet"], style, script'), function (node) {
      var href = node.getAttribute('href') || node.getAttribute('src')
      parts.push(node.tagName + ' ' + (href ? href.replace(/[?#].*$/, '') : node.textContent))
    })
    return parts.join('\\n')
  }
  function extrasOf(doc) {
    var parts = []
    var reveal = doc.querySelector('.reveal')
    if (reveal) each(reveal.children, function (node) { if (!node.classList.contains('slides')) parts.push(node.outerHTML) })
    return parts.join('\\n')
  }
  // The frame is read now, before reveal.js adds its controls; the scripts once all are parsed.
  var extras = extrasOf(document)
  var assets = null
  document.addEventListener('DOMContentLoaded', function () { assets = assetsOf(document) })

  function remember() {
    var R = window.Reveal
    if (applying || receiver || !R || !R.isReady()) return
    var slide = R.getCurrentSlide()
    var at = R.getIndices()
    want = {id: slide && slide.id, h: at.h, v: at.v, f: at.f}
  }

  function go(R, target) {
    var slide = target && target.id ? document.getElementById(target.id) : null
    if (slide && slide.tagName === 'SECTION' && slide.closest('.reveal .slides')) {
      var at = R.getIndices(slide)
      R.slide(at.h, at.v, target.f)
    } else if (target) R.slide(target.h, target.v, target.f)
  }

  function pathOf(url) {
    try { return new URL(url, document.baseURI).pathname } catch (error) { return '' }
  }

  function bust(root) {
    each(root.querySelectorAll('[src], [href], [poster], [data-src], [data-background-image]'), function (node) {
      ['src', 'href', 'poster', 'data-src', 'data-background-image'].forEach(function (name) {
        var value = node.getAttribute(name)
        if (!value || node.tagName === 'A') return
        var stamp = busted[pathOf(value)]
        if (stamp) node.setAttribute(name, value.replace(/[?#].*$/, '') + '?v=' + stamp)
      })
    })
  }

  function restyle(changed, version) {
    each(document.querySelectorAll('link[rel="stylesheet"]'), function (link) {
      if (changed.indexOf(pathOf(link.getAttribute('href'))) === -1) return
      var copy = link.cloneNode()
      copy.setAttribute('href', link.getAttribute('href').replace(/[?#].*$/, '') + '?v=' + version)
      copy.onload = copy.onerror = function () { link.remove() }
      link.after(copy)
    })
  }

  function reload() {
    try { if (want) sessionStorage.setItem(key, JSON.stringify(want)) } catch (error) {}
    location.reload()
  }

  function overlay(problems) {
    var old = document.getElementById('lectern-overlay')
    if (old) old.remove()
    if (!problems) return
    var box = document.createElement('div')
    box.id = 'lectern-overlay'
    box.setAttribute('role', 'alert')
    box.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:6vh 6vw;background:rgba(24,24,28,.8);' +
      'color:#fff;font:18px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;text-align:left'
    var title = document.createElement('div')
    title.style.cssText = 'color:#ff8a80;font-weight:bold;margin-bottom:1em'
    title.textContent = 'lectern: the last save has errors; the slides show the last good version'
    box.appendChild(title)
    problems.forEach(function (problem) {
      var line = document.createElement('div')
      line.className = 'lectern-problem'
      line.textContent = problem.place + ': ' + problem.reason + (problem.ruleId ? ' (' + problem.ruleId + ')' : '')
      box.appendChild(line)
    })
    ;(document.body || document.documentElement).appendChild(box)
  }

  // Tell the speaker view (notes plugin) about the new slide: it posts its state on these events.
  function notify(R) {
    var event = new CustomEvent('slidechanged', {bubbles: true, cancelable: true})
    var at = R.getIndices()
    event.indexh = at.h
    event.indexv = at.v
    event.currentSlide = R.getCurrentSlide()
    event.previousSlide = null
    event.origin = 'lectern'
    R.getRevealElement().dispatchEvent(event)
  }

  // The markup of each top-level slide as the server sent it, read before
  // reveal.js changes the slides: a save replaces only the slides whose
  // markup changed, so the rest keep their layout and are not fitted again.
  var sources = null
  function sourcesOf(slides) {
    return Array.prototype.map.call(slides.children, function (node) { return node.outerHTML })
  }
  var initial = document.querySelector('.reveal > .slides')
  if (initial) sources = sourcesOf(initial)

  // The slides whose markup changed, or null when they cannot be matched one to one.
  function changedSlides(next, slides, nextSources, changed) {
    if (!sources || changed.length > 0 || nextSources.length !== sources.length || slides.children.length !== sources.length) return null
    var pairs = []
    for (var i = 0; i < nextSources.length; i++) {
      if (nextSources[i] !== sources[i]) pairs.push([slides.children[i], next.children[i]])
    }
    return pairs
  }

  function apply(data) {
    var R = window.Reveal
    var changed = data.changed.map(pathOf)
    changed.forEach(function (path) { busted[path] = data.version })
    var doc = new DOMParser().parseFromString(data.html, 'text/html')
    var next = doc.querySelector('.reveal > .slides')
    var slides = document.querySelector('.reveal > .slides')
    var scripts = changed.some(function (path) { return /\\.m?js$/.test(path) })
    if (!next || !slides || !R || !R.isReady() || scripts || assetsOf(doc) !== assets || extrasOf(doc) !== extras) return reload()
    overlay(null)
    var before = R.getIndices()
    var nextSources = sourcesOf(next)
    var pairs = changedSlides(next, slides, nextSources, changed)
    applying = true
    try {
      bust(next)
      restyle(changed, data.version)
      if (pairs) {
        pairs.forEach(function (pair) { pair[0].replaceWith(document.adoptNode(pair[1])) })
      } else {
        slides.replaceChildren.apply(slides, Array.prototype.slice.call(next.childNodes).map(function (node) {
          return document.adoptNode(node)
        }))
      }
      sources = nextSources
      if (doc.title) document.title = doc.title
      R.sync()
      go(R, receiver ? before : want || before)
      if (window.lectern && window.lectern.fitAll) window.lectern.fitAll(pairs ? pairs.map(function (pair) { return pair[1] }) : undefined)
      if (want) {
        var at = R.getIndices()
        want.h = at.h
        want.v = at.v
      }
      if (!receiver) notify(R)
    } finally {
      applying = false
    }
    version = String(data.version)
    document.documentElement.setAttribute('data-lectern-version', version)
  }

  function start() {
    var R = window.Reveal
    if (saved) go(R, saved)
    if (receiver) {
      // A preview that loads after the speaker view sent its state missed it: ask the deck to send it again.
      try {
        var deck = window.parent.opener
        if (deck && deck.lecternReload) deck.lecternReload.notify()
      } catch (error) {}
      return
    }
    remember()
    R.on('slidechanged', remember)
    R.on('fragmentshown', remember)
    R.on('fragmenthidden', remember)
    window.lecternReload = {notify: function () { notify(R) }}
  }
  if (window.Reveal) window.Reveal.on('ready', start)

  var source = new EventSource('__lectern/events?v=' + encodeURIComponent(version))
  source.addEventListener('update', function (event) {
    var data = JSON.parse(event.data)
    if (String(data.version) !== String(version)) apply(data)
  })
  source.addEventListener('problems', function (event) {
    overlay(JSON.parse(event.data).problems)
  })
  source.addEventListener('reload', function () { reload() })
  window.addEventListener('pagehide', function () { source.close() })
})()
`
