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
  // A long list (every host of the session form, every other county's product in the grid) gets a
  // box that narrows it as one types. Without this script it is the plain list, which works as well.
  // What is chosen always stays in view, so narrowing never hides a choice that will be sent.
  document.querySelectorAll('[data-filter]').forEach(function (list) {
    var box = document.createElement('input');
    box.type = 'search';
    box.className = 'list-filter';
    box.placeholder = list.getAttribute('data-filter');
    box.setAttribute('aria-label', list.getAttribute('data-filter'));
    var isSelect = list.tagName === 'SELECT';
    var items = isSelect ? list.options : list.querySelectorAll('label');
    if (isSelect) {
      list.parentNode.insertBefore(box, list);
    } else {
      list.insertBefore(box, items.length ? items[0] : null);
    }
    box.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') { event.preventDefault(); } // typing a filter does not send the form
    });
    box.addEventListener('input', function () {
      var words = box.value.trim().toLowerCase();
      Array.prototype.forEach.call(items, function (item) {
        var chosen = isSelect ? (item.selected || item.value === '') : item.querySelector('input').checked;
        item.hidden = words !== '' && !chosen && item.textContent.toLowerCase().indexOf(words) < 0;
      });
    });
  });
  // Coming back with Back restores the page from cache: allow submitting again.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-submitting]').forEach(function (form) {
      delete form.dataset.submitting;
    });
  });
})();
