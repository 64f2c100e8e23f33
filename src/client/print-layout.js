// lectern's print layout, run inside a deck page that reveal.js has started
// and lectern.js has fitted. It moves every slide into a page of its own, in
// the final state of its fragments, for `lectern pdf` and `lectern png`:
//   slides  — one canvas-sized page per slide;
//   notes   — each slide's page followed by a page of its speaker notes;
//   handout — slide and notes together on an A4 portrait page.
// reveal.js's own `?print-pdf` view resets section padding, which lectern's
// layout (and the fitting lectern.js measured) depends on, so we lay out here.
;(function () {
  'use strict'

  var a4 = {width: 793.7, height: 1122.5} // 210mm × 297mm in CSS px
  var handoutMargin = 53 // 14mm
  var notesMinimum = 8 // px of the handout notes font, at the smallest
  var notesFlowing = 12 // px of notes too long for one page even at the smallest

  function leaves() {
    return Array.prototype.filter.call(document.querySelectorAll('.reveal .slides section'), function (section) {
      return !section.querySelector('section') && !section.closest('.lectern-page')
    })
  }

  function titleOf(section) {
    var heading = section.querySelector('h1, h2, h3, h4, h5, h6')
    return heading ? heading.textContent.trim() : ''
  }

  function notesOf(section) {
    return Array.prototype.map
      .call(section.querySelectorAll('aside.notes'), function (aside) {
        return aside.innerHTML
      })
      .join('\n')
      .trim()
  }

  function element(name, className, parent) {
    var node = document.createElement(name)
    if (className) node.className = className
    if (parent) parent.appendChild(node)
    return node
  }

  function css(width, height, mode) {
    var page = mode === 'handout' ? a4 : {width: width, height: height}
    // A handout's margins are the page's, so notes that flow on keep them.
    var margin = mode === 'handout' ? handoutMargin : 0
    var content = {width: page.width - 2 * margin, height: page.height - 2 * margin - 1}
    var scale = content.width / width
    return [
      '@page { size: ' + page.width + 'px ' + page.height + 'px; margin: ' + margin + 'px; }',
      'html.lectern-print, html.lectern-print body { width: ' + content.width + 'px !important; height: auto !important; overflow: visible !important; margin: 0 !important; padding: 0 !important; }',
      'html.lectern-print * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }',
      'html.lectern-print .reveal { position: static !important; width: auto !important; height: auto !important; overflow: visible !important; }',
      'html.lectern-print .reveal .slides { position: static !important; inset: auto !important; width: auto !important; height: auto !important; margin: 0 !important; padding: 0 !important; zoom: 1 !important; transform: none !important; perspective: none !important; overflow: visible !important; pointer-events: auto !important; display: block !important; }',
      'html.lectern-print .reveal > .controls, html.lectern-print .reveal > .progress, html.lectern-print .reveal > .backgrounds, html.lectern-print .reveal > .slide-number, html.lectern-print .reveal > .speaker-notes, html.lectern-print .reveal > .pause-overlay, html.lectern-print .aria-status { display: none !important; }',
      'html.lectern-print .lectern-page { position: relative; width: ' + width + 'px; height: ' + height + 'px; overflow: hidden; break-inside: avoid; }',
      'html.lectern-print .lectern-sheet { break-after: page; }',
      'html.lectern-print .lectern-sheet:last-child { break-after: auto; }',
      'html.lectern-print .lectern-page > section { display: block !important; position: absolute !important; left: 0 !important; top: 0 !important; width: ' + width + 'px !important; height: ' + height + 'px !important; margin: 0 !important; transform: none !important; opacity: 1 !important; visibility: visible !important; transition: none !important; z-index: 1; }',
      'html.lectern-print .lectern-page > .slide-background { display: block !important; position: absolute !important; inset: 0 !important; width: 100% !important; height: 100% !important; opacity: 1 !important; visibility: visible !important; transform: none !important; transition: none !important; z-index: 0 !important; }',
      'html.lectern-print .lectern-page > .slide-number { position: absolute; z-index: 2; }',
      'html.lectern-print .lectern-notes-sheet { box-sizing: border-box; width: ' + width + 'px; min-height: ' + height + 'px; padding: 48px 64px; text-align: left; color: var(--r-main-color, #222); font-family: var(--r-main-font, sans-serif); font-size: 24px; line-height: 1.5; }',
      'html.lectern-print .lectern-notes-title { margin: 0 0 1em; font-size: 0.8em; color: var(--lectern-muted, #666); }',
      'html.lectern-print .lectern-handout-sheet { box-sizing: border-box; display: flex; flex-direction: column; width: ' + content.width + 'px; height: ' + content.height + 'px; overflow: hidden; background: #fff; color: #111; text-align: left; font-family: var(--r-main-font, sans-serif); }',
      'html.lectern-print .lectern-handout-sheet.lectern-handout-long { height: auto; min-height: ' + content.height + 'px; overflow: visible; }',
      'html.lectern-print .lectern-handout-header { display: flex; justify-content: space-between; margin: 0 0 8px; font-size: 11px; color: #666; }',
      'html.lectern-print .lectern-handout-slide { flex: none; position: relative; width: ' + width * scale + 'px; height: ' + height * scale + 'px; overflow: hidden; outline: 1px solid #c8ccd0; }',
      'html.lectern-print .lectern-handout-slide .slide-number { display: none; }',
      'html.lectern-print .lectern-handout-slide > .lectern-page { transform: scale(' + scale + '); transform-origin: 0 0; }',
      'html.lectern-print .lectern-handout-notes { flex: 1 1 auto; min-height: 0; margin-top: 20px; overflow: hidden; font-size: 14px; line-height: 1.55; }',
      'html.lectern-print .lectern-handout-long .lectern-handout-notes { overflow: visible; }',
      'html.lectern-print .lectern-handout-notes p { margin: 0 0 0.6em; }'
    ].join('\n')
  }

  /**
   * Lay the deck out for printing. Returns the page size, the number of
   * slides, and the number of sheets (printed pages before any flow-over).
   */
  function layout(options) {
    var mode = (options && options.mode) || 'slides'
    var Reveal = window.Reveal
    var config = Reveal.getConfig()
    var width = typeof config.width === 'number' ? config.width : 1280
    var height = typeof config.height === 'number' ? config.height : 720
    var container = document.querySelector('.reveal .slides')
    var viewport = Reveal.getViewportElement ? Reveal.getViewportElement() : document.body
    var background = viewport ? window.getComputedStyle(viewport).background : ''
    var slides = leaves()
    var total = slides.length
    var numbers = Boolean(config.slideNumber)
    var sheets = []
    var deckTitle = document.title

    slides.forEach(function (slide, index) {
      if (Reveal.loadSlide) Reveal.loadSlide(slide)
      var page = element('div', 'lectern-page')
      page.setAttribute('data-lectern-slide', slide.id || String(index + 1))
      if (background) page.style.background = background
      if (slide.slideBackgroundElement) page.appendChild(slide.slideBackgroundElement)
      page.appendChild(slide)
      Array.prototype.forEach.call(slide.querySelectorAll('.fragment:not(.fade-out)'), function (fragment) {
        fragment.classList.add('visible')
      })
      if (numbers) {
        var number = element('div', 'slide-number lectern-page-number', page)
        number.textContent = index + 1 + ' / ' + total
      }
      var notes = notesOf(slide)

      if (mode === 'handout') {
        var sheet = element('div', 'lectern-sheet lectern-handout-sheet')
        var header = element('div', 'lectern-handout-header', sheet)
        element('span', '', header).textContent = deckTitle
        element('span', '', header).textContent = index + 1 + ' / ' + total
        element('div', 'lectern-handout-slide', sheet).appendChild(page)
        var body = element('div', 'lectern-handout-notes', sheet)
        body.innerHTML = notes
        sheets.push(sheet)
        return
      }

      page.classList.add('lectern-sheet')
      sheets.push(page)
      if (mode === 'notes' && notes) {
        var notesSheet = element('div', 'lectern-sheet lectern-notes-sheet')
        if (background) notesSheet.style.background = background
        element('p', 'lectern-notes-title', notesSheet).textContent = index + 1 + ' / ' + total + ' · ' + titleOf(slide)
        element('div', 'lectern-notes', notesSheet).innerHTML = notes
        sheets.push(notesSheet)
      }
    })

    while (container.firstChild) container.removeChild(container.firstChild)
    sheets.forEach(function (sheet) {
      container.appendChild(sheet)
    })
    var style = element('style', '', document.head)
    style.textContent = css(width, height, mode)
    // Without `print-pdf`, reveal.css's `@media print` rules restyle every slide.
    document.documentElement.classList.add('lectern-print', 'print-pdf')
    window.scrollTo(0, 0)
    return {width: mode === 'handout' ? a4.width : width, height: mode === 'handout' ? a4.height : height, slides: total, sheets: sheets.length}
  }

  /** Shrink each handout's notes until they fit its page; what cannot fit flows onto the next. */
  function fitHandouts() {
    var long = 0
    Array.prototype.forEach.call(document.querySelectorAll('.lectern-handout-notes'), function (notes) {
      var size = 14
      while (notes.scrollHeight > notes.clientHeight + 1 && size > notesMinimum) {
        size -= 0.5
        notes.style.fontSize = size + 'px'
      }
      if (notes.scrollHeight > notes.clientHeight + 1) {
        // It flows onto another page anyway: keep it readable.
        notes.style.fontSize = notesFlowing + 'px'
        notes.parentElement.classList.add('lectern-handout-long')
        long++
      }
    })
    return long
  }

  /** Wait until every image of the laid out pages has loaded (or failed). */
  function imagesLoaded() {
    return Promise.all(
      Array.prototype.map.call(document.querySelectorAll('.lectern-sheet img'), function (image) {
        if (image.complete) return null
        return new Promise(function (resolve) {
          image.addEventListener('load', resolve)
          image.addEventListener('error', resolve)
        })
      })
    )
  }

  window.lecternPrint = {layout: layout, fitHandouts: fitHandouts, imagesLoaded: imagesLoaded}
})()
