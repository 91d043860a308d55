// Runs first: records script errors and console errors so that the page can report them in its
// self-check (#selfcheck), which tests read after loading the page in a headless browser.
(function () {
  'use strict';
  var errors = [];
  window.__reportErrors = errors;
  window.addEventListener('error', function (e) {
    errors.push('error: ' + (e && e.message ? e.message : String(e)));
  });
  window.addEventListener('unhandledrejection', function (e) {
    errors.push('unhandled rejection: ' + String(e && e.reason));
  });
  var original = console.error;
  console.error = function () {
    errors.push('console.error: ' + Array.prototype.map.call(arguments, String).join(' '));
    return original.apply(console, arguments);
  };
})();
