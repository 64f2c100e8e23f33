// lectern's page runtime: make every slide fit its canvas. A slide whose
// content is taller than the canvas is scaled down step by step, never below
// the readable minimum; what still overflows is marked for `lectern check`.
;(function () {
  'use strict'
  var minimum = 0.6

  function leaves() {
    return Array.prototype.filter.call(document.querySelectorAll('.reveal .slides section'), function (section) {
      return !section.querySelector('section')
    })
  }

  function overflows(section) {
    return section.scrollHeight > section.clientHeight + 1 || section.scrollWidth > section.clientWidth + 1
  }

  function fit(section) {
    var parent = section.parentElement && section.parentElement.tagName === 'SECTION' ? section.parentElement : null
    var saved = [section.style.display, parent && parent.style.display]
    section.style.display = 'block'
    if (parent) parent.style.display = 'block'
    section.removeAttribute('data-lectern-scale')
    section.style.removeProperty('--lectern-scale')
    var scale = 1
    while (overflows(section) && scale > minimum + 0.001) {
      scale = Math.max(minimum, Math.round((scale - 0.05) * 100) / 100)
      section.setAttribute('data-lectern-scale', String(scale))
      section.style.setProperty('--lectern-scale', String(scale))
    }
    if (overflows(section)) section.setAttribute('data-lectern-overflow', String(section.scrollHeight - section.clientHeight))
    else section.removeAttribute('data-lectern-overflow')
    section.style.display = saved[0]
    if (parent) parent.style.display = saved[1]
  }

  function fitAll() {
    leaves().forEach(fit)
    document.documentElement.setAttribute('data-lectern-fitted', '')
  }

  function start() {
    var fonts = document.fonts && document.fonts.ready ? document.fonts.ready : Promise.resolve()
    fonts.then(fitAll, fitAll)
  }

  window.lectern = {fitAll: fitAll}
  if (window.Reveal && window.Reveal.isReady && window.Reveal.isReady()) start()
  else if (window.Reveal) window.Reveal.on('ready', start)
  else window.addEventListener('load', start)
})()
