// Runs first: keeps every console error and uncaught exception of the page, so a reader (and the
// browser test) can see whether the report drew cleanly: window.__consoleErrors, and the
// data-console-errors attribute of <html>.
(function () {
  'use strict';
  var errors = (window.__consoleErrors = []);
  function keep(message) {
    errors.push(String(message));
    document.documentElement.setAttribute('data-console-errors', JSON.stringify(errors));
  }
  var original = console.error;
  console.error = function () {
    keep(Array.prototype.map.call(arguments, String).join(' '));
    return original.apply(console, arguments);
  };
  window.addEventListener('error', function (e) {
    keep('uncaught: ' + (e.message || e.type) + (e.filename ? ' at ' + e.filename + ':' + e.lineno : ''));
  });
  window.addEventListener('unhandledrejection', function (e) {
    keep('unhandled rejection: ' + e.reason);
  });
  document.documentElement.setAttribute('data-console-errors', '[]');
})();
