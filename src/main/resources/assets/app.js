// Progressive touches; every page works without this file.
(function () {
  'use strict';
  // A form submits once: a second click while the first request is on its way does nothing.
  // (The server refuses a duplicate anyway; this just spares a weak connection.)
  document.addEventListener('submit', function (event) {
    var form = event.target;
    // a button may ask its own question (one of several steps in one form)
    var question = (event.submitter && event.submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    if (form.getAttribute('method') === 'post') {
      if (form.dataset.submitting === 'yes') {
        event.preventDefault();
        return;
      }
      form.dataset.submitting = 'yes';
    }
  });
  // Coming back with Back restores the page from cache: allow submitting again.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-submitting]').forEach(function (form) {
      delete form.dataset.submitting;
    });
  });
})();
