// What was typed into an entry form survives a submit that never reached the server. On a weak
// connection the browser replaces the page with its own error page and the typed figures are
// gone; so a form marked data-draft="<user>:<path>" writes its fields to localStorage as it is
// submitted, and this device offers them back the next time the form is opened. The redirect that
// follows a save deletes them. Without script nothing is kept and the
// form works as before; with storage refused (private mode, full) neither.
//
// The kept fields include the form's one-time submission token and the version it was opened at:
// put back and sent again, they make the same request as the lost one, so a save that did reach the
// server is not made twice (the server answers with the first result) and one made by someone else
// meanwhile is reported, not overwritten. The CSRF token is never kept.
(function () {
  'use strict';
  var PREFIX = 'countylive.draft.';
  var PENDING = 'countylive.pendingDraft';
  var NEVER_KEPT = { csrf: true };

  function storage(kind) {
    try {
      var store = window[kind];
      var probe = PREFIX + 'probe';
      store.setItem(probe, '1');
      store.removeItem(probe);
      return store;
    } catch (e) {
      return null;
    }
  }
  var local = storage('localStorage');
  var session = storage('sessionStorage');
  if (!local || !session) { return; }

  // A field's key: its id, or for a box of a group its name and value, or its name and position.
  function fields(form) {
    var seen = {};
    var list = [];
    Array.prototype.forEach.call(form.elements, function (element) {
      var name = element.name;
      if (!name || NEVER_KEPT[name] || element.disabled || element.type === 'submit' || element.type === 'button') { return; }
      if (element.type === 'hidden' && name !== 'submission' && name !== 'version') { return; }
      var key;
      if (element.type === 'checkbox' || element.type === 'radio') {
        key = name + '=' + element.value;
      } else if (element.id) {
        key = '#' + element.id;
      } else {
        seen[name] = (seen[name] || 0) + 1;
        key = name + '@' + seen[name];
      }
      list.push({ key: key, element: element });
    });
    return list;
  }
  function valueOf(element) {
    return element.type === 'checkbox' || element.type === 'radio' ? element.checked : element.value;
  }
  function snapshot(form) {
    var values = {};
    fields(form).forEach(function (field) { values[field.key] = valueOf(field.element); });
    return values;
  }
  function sameAsForm(form, values) {
    return fields(form).every(function (field) {
      return !(field.key in values) || values[field.key] === valueOf(field.element)
        || field.element.type === 'hidden';
    });
  }
  function read(key) {
    try {
      var draft = JSON.parse(local.getItem(PREFIX + key));
      return draft && draft.values ? draft : null;
    } catch (e) {
      return null;
    }
  }
  function restore(form, values) {
    fields(form).forEach(function (field) {
      if (!(field.key in values)) { return; }
      var element = field.element;
      if (typeof values[field.key] === 'boolean') {
        element.checked = values[field.key];
      } else {
        element.value = values[field.key];
      }
      var folded = element.closest('details');
      if (folded && values[field.key] && element.type !== 'hidden') { folded.open = true; }
    });
    form.dispatchEvent(new Event('draft-restored'));
  }

  // The first page after a submit, in that tab. A save ends in a redirect to what it saved, with a
  // confirmation; a form sent again with its one-time token is redirected to the first result. So a
  // redirect means the draft reached the server and was saved: delete it. Not when the redirect went
  // to the login page (the login had expired: nothing was saved), nor when the server sent the form
  // back with its problems or an error page (kept, and offered when the form is opened again).
  function redirected() {
    var navigation = window.performance && performance.getEntriesByType ? performance.getEntriesByType('navigation')[0] : null;
    return !!(navigation && navigation.redirectCount > 0);
  }
  var pending = session.getItem(PENDING);
  if (pending) {
    session.removeItem(PENDING);
    var saved = (redirected() || document.querySelector('main .flash')) && !document.querySelector('section.login')
      && !document.querySelector('form[data-draft-returned="true"]') && !document.querySelector('.error-page');
    if (saved) {
      local.removeItem(PREFIX + pending);
    }
  }

  document.querySelectorAll('form[data-draft]').forEach(function (form) {
    var key = form.getAttribute('data-draft');
    var draft = read(key);
    var offer = form.querySelector('.draft-offer');
    // a form the server sent back with its problems holds what was typed already
    if (!draft || !offer || form.getAttribute('data-draft-returned') === 'true') { return; }
    if (sameAsForm(form, draft.values)) {
      local.removeItem(PREFIX + key);
      return;
    }
    var time = offer.querySelector('.draft-time');
    var at = new Date(draft.savedAt);
    time.setAttribute('datetime', draft.savedAt);
    time.textContent = isNaN(at) ? '' : at.toLocaleString(document.documentElement.lang || undefined,
      { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    offer.hidden = false;
    offer.querySelector('[data-draft-restore]').addEventListener('click', function () {
      restore(form, draft.values);
      offer.hidden = true;
    });
    offer.querySelector('[data-draft-discard]').addEventListener('click', function () {
      local.removeItem(PREFIX + key);
      offer.hidden = true;
    });
  });

  // Registered after app.js's handler: a submit it stopped (a question answered No, a double
  // click) keeps nothing.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.hasAttribute('data-draft')) { return; }
    var key = form.getAttribute('data-draft');
    try {
      local.setItem(PREFIX + key, JSON.stringify({ savedAt: new Date().toISOString(), values: snapshot(form) }));
      session.setItem(PENDING, key);
    } catch (e) {
      // storage full: the form is sent all the same
    }
  });
})();
