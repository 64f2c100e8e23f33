// lectern's page runtime: make every slide fit its canvas. A slide whose
// content is taller (or wider) than the canvas is scaled down step by step,
// never below the readable minimum (`minimumScale` in
// src/slides/fit.ts); what still overflows is marked with
// `data-lectern-overflow` for `lectern check`.
//
// It fits as soon as reveal.js has laid the canvas out (before the first
// paint), again once web fonts have loaded, again when an image loads or
// fails, and whenever `window.lectern.fitAll()` is called (live reload swaps
// slides in place and calls it with the sections it replaced). Slides are
// measured together, in one layout.
;(function () {
  'use strict'
  var minimum = 0.6

  function leaves() {
    return Array.prototype.filter.call(document.querySelectorAll('.reveal .slides section'), isLeaf)
  }

  function isLeaf(section) {
    return !section.querySelector('section')
  }

  // The slides of these top-level sections: each one, or the slides of its stack.
  function leavesOf(roots) {
    var found = []
    roots.forEach(function (root) {
      if (isLeaf(root)) found.push(root)
      else found.push.apply(found, Array.prototype.filter.call(root.querySelectorAll('section'), isLeaf))
    })
    return found
  }

  // How far content reaches past the slide's content box (its padding is a
  // safe margin, not room for content), in canvas pixels; 0 when it fits.
  function overflowOf(section) {
    var style = getComputedStyle(section)
    var box = section.getBoundingClientRect()
    var zoom = section.offsetWidth > 0 && box.width > 0 ? box.width / section.offsetWidth : 1
    var bottom = section.clientHeight - parseFloat(style.paddingBottom)
    var right = section.clientWidth - parseFloat(style.paddingRight)
    var over = Math.max(section.scrollHeight - section.clientHeight, section.scrollWidth - section.clientWidth, 0)
    for (var i = 0; i < section.children.length; i++) {
      var child = section.children[i]
      if (child.tagName === 'ASIDE' && child.classList.contains('notes')) continue
      var rect = child.getBoundingClientRect()
      if (rect.width === 0 && rect.height === 0) continue
      over = Math.max(over, (rect.bottom - box.top) / zoom - bottom, (rect.right - box.left) / zoom - right)
    }
    return over
  }

  function overflows(section) {
    return overflowOf(section) > 1
  }

  function setScale(section, scale) {
    if (scale >= 1) {
      section.removeAttribute('data-lectern-scale')
      section.style.removeProperty('--lectern-scale')
    } else {
      section.setAttribute('data-lectern-scale', String(scale))
      section.style.setProperty('--lectern-scale', String(scale))
    }
  }

  // The largest scale, in steps of 1%, at which an overflowing slide fits
  // (never below the minimum); what still overflows is marked.
  function shrink(section) {
    var scale = minimum
    setScale(section, minimum)
    if (!overflows(section)) {
      var low = Math.round(minimum * 100)
      var high = 99
      while (low < high) {
        var middle = Math.ceil((low + high) / 2)
        setScale(section, middle / 100)
        if (overflows(section)) high = middle - 1
        else low = middle
      }
      scale = low / 100
    }
    setScale(section, scale)
    var left = overflowOf(section)
    if (left > 1) section.setAttribute('data-lectern-overflow', String(Math.round(left)))
    else section.removeAttribute('data-lectern-overflow')
  }

  // Fit slides together: show them all (reveal.js hides slides away from the
  // current one), measure them in one layout, shrink only those that
  // overflow, then hide them again. One slide after another would lay the
  // page out once per slide.
  function fitEach(sections) {
    var parents = []
    var parentDisplays = []
    var displays = sections.map(function (section) {
      var parent = section.parentElement && section.parentElement.tagName === 'SECTION' ? section.parentElement : null
      if (parent && parents.indexOf(parent) === -1) {
        parents.push(parent)
        parentDisplays.push(parent.style.display)
        parent.style.display = 'block'
      }
      var display = section.style.display
      section.style.display = 'block'
      setScale(section, 1)
      return display
    })
    var over = sections.filter(overflows)
    over.forEach(shrink)
    sections.forEach(function (section, index) {
      if (over.indexOf(section) === -1) section.removeAttribute('data-lectern-overflow')
      section.style.display = displays[index]
    })
    parents.forEach(function (parent, index) { parent.style.display = parentDisplays[index] })
  }

  function fit(section) {
    fitEach([section])
  }

  // `data-lectern-fitted` says the fit used the deck's own fonts: set once they have loaded.
  var fontsLoaded = false

  // The slides in `roots` (sections, or the whole deck when none are given).
  function fitAll(roots) {
    fitEach(roots ? leavesOf(roots) : leaves())
    if (fontsLoaded) document.documentElement.setAttribute('data-lectern-fitted', '')
  }

  function sectionOf(element) {
    var section = element && element.closest ? element.closest('.reveal .slides section') : null
    return section && isLeaf(section) ? section : null
  }

  // An image that loads (or fails and shows its alt text) changes its slide's height.
  function onMedia(event) {
    var section = sectionOf(event.target)
    if (section) fit(section)
  }

  var started = false

  function start() {
    if (started) return
    started = true
    fitAll()
    var fonts = document.fonts && document.fonts.ready ? document.fonts.ready : Promise.resolve()
    var done = function () {
      fontsLoaded = true
      fitAll()
    }
    fonts.then(done, done)
    if (document.readyState !== 'complete') window.addEventListener('load', function () { fitAll() })
  }

  // Remote pictures (`data-lectern-src`, set at build time) load when their
  // slide is shown, so a deck opened offline starts without failed requests.
  function loadRemote(root) {
    var images = (root || document).querySelectorAll('img[data-lectern-src]')
    for (var i = 0; i < images.length; i++) {
      // Pictures in the notes stay unloaded: the audience never sees them.
      if (images[i].closest('aside.notes')) continue
      images[i].setAttribute('src', images[i].getAttribute('data-lectern-src'))
      images[i].removeAttribute('data-lectern-src')
    }
  }

  function loadCurrentRemote() {
    var slide = window.Reveal && window.Reveal.getCurrentSlide && window.Reveal.getCurrentSlide()
    if (slide) loadRemote(slide)
  }

  document.addEventListener('load', onMedia, true)
  document.addEventListener('error', onMedia, true)
  if (window.Reveal && window.Reveal.on) {
    window.Reveal.on('ready', loadCurrentRemote)
    window.Reveal.on('slidechanged', loadCurrentRemote)
  }
  window.lectern = {fitAll: fitAll, fit: fit, overflow: overflowOf, minimum: minimum, loadRemote: loadRemote}
  // reveal.js lays the canvas out in `initialize()` but says `ready` a task
  // later, after a frame may have been painted: look at each frame instead,
  // and fit in the first one where it is laid out, before that frame paints.
  function whenLaidOut() {
    if (started) return
    if (window.Reveal.isReady()) start()
    else requestAnimationFrame(whenLaidOut)
  }

  if (window.Reveal) {
    window.Reveal.on('ready', start)
    if (window.Reveal.isReady) whenLaidOut()
  } else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
  else start()
})()
