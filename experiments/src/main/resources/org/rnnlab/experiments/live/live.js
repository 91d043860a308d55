// rnnlab live view: asks the server every few seconds whether an epoch or a run ended since this page was
// built, and reloads it then, at the same scroll position. A finished run's page stays as it is.
(function () {
  'use strict';
  var box = document.getElementById('rnnlab-live');
  if (!box || !window.fetch) {
    return;
  }
  var shown = {
    state: box.getAttribute('data-state'),
    epochs: box.getAttribute('data-epochs'),
    ended: box.getAttribute('data-variants-ended')
  };
  var every = Number(box.getAttribute('data-poll-millis')) || 2000;
  var key = 'rnnlab-live-scroll:' + location.pathname;
  var scroll = null;
  try {
    scroll = sessionStorage.getItem(key);
    sessionStorage.removeItem(key);
  } catch (e) {
    scroll = null; // storage refused (a file opened with strict settings): start at the top
  }
  if (scroll !== null) {
    window.addEventListener('load', function () { window.scrollTo(0, Number(scroll)); });
  }
  if (shown.state === 'finished') {
    return;
  }
  var misses = 0;
  function poll() {
    fetch('/live.json', { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        misses = 0;
        if (s.state !== shown.state || String(s.epochs) !== shown.epochs || String(s.variantsEnded) !== shown.ended) {
          try {
            sessionStorage.setItem(key, String(window.scrollY));
          } catch (e) {
            // no storage: the reloaded page starts at the top
          }
          location.reload();
          return;
        }
        setTimeout(poll, every);
      })
      .catch(function () {
        misses++;
        box.textContent = 'live view stopped: the run ended or lab was stopped; its report is comparison.html in the run directory';
        if (misses < 3) {
          setTimeout(poll, every);
        }
      });
  }
  setTimeout(poll, every);
})();
