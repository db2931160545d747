// The sales grid's running totals in its save bar, kept while typing. Cells are read by the
// grid's rules (countylive.web.form.Input): full-width digits, thousands separators, at most two
// decimals for money. A cell that does not read as a figure counts for nothing here, as in the
// server's totals; its message comes from the server when the grid is saved. Money is summed in
// fen, so 0.1 + 0.2 is 0.30. Without this file the bar shows the totals of the last save.
(function () {
  'use strict';
  var form = document.querySelector('form.sales-grid');
  if (!form) { return; }
  var COUNT = /^(\d{1,3}(,\d{3})+|\d+)$/;
  var MONEY = /^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/;

  function normalised(text) {
    var value = text.normalize ? text.normalize('NFKC') : text;
    return value.replace(/[¥￥]/g, '').trim();
  }
  function count(text) {
    var value = normalised(text);
    return COUNT.test(value) ? Number(value.replace(/,/g, '')) : 0;
  }
  function fen(text) {
    var value = normalised(text);
    if (!MONEY.test(value)) { return 0; }
    var parts = value.replace(/,/g, '').split('.');
    var decimals = ((parts[1] || '') + '00').slice(0, 2);
    return Number(parts[0]) * 100 + Number(decimals);
  }
  function grouped(whole) {
    return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }
  function money(totalFen) {
    var cents = String(totalFen % 100);
    return '¥' + grouped(Math.floor(totalFen / 100)) + '.' + (cents.length < 2 ? '0' + cents : cents);
  }
  function update() {
    var sums = { units: 0, orders: 0, gross: 0, refunds: 0 };
    form.querySelectorAll('input[data-figure]').forEach(function (input) {
      var figure = input.getAttribute('data-figure');
      sums[figure] += figure === 'gross' || figure === 'refunds' ? fen(input.value) : count(input.value);
    });
    document.getElementById('total-units').textContent = grouped(sums.units);
    document.getElementById('total-orders').textContent = grouped(sums.orders);
    document.getElementById('total-gross').textContent = money(sums.gross);
    document.getElementById('total-refunds').textContent = money(sums.refunds);
  }
  form.addEventListener('input', update);
  // drafts.js fills the fields back in and says so with this event
  form.addEventListener('draft-restored', update);
})();
