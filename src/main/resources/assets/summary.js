// Sorts the summary tables by a click on a column header. Without this file the tables keep
// the order the server gave them. A figure is read back from its text (¥1,234.50 → 1234.5); a
// cell with a data-sort attribute sorts by that instead.
(function () {
  'use strict';
  function key(cell) {
    var raw = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
    var figure = raw.replace(/[¥,%\s]/g, '');
    var number = figure === '' || !/^-?[0-9.]+$/.test(figure) ? NaN : Number(figure);
    return isNaN(number) ? { text: raw } : { number: number };
  }
  function compare(a, b) {
    if (a.number !== undefined && b.number !== undefined) { return a.number - b.number; }
    if (a.number !== undefined) { return -1; }
    if (b.number !== undefined) { return 1; }
    return a.text.localeCompare(b.text, 'zh-CN');
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var headers = table.querySelectorAll('thead th');
    headers.forEach(function (th, index) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.textContent = th.textContent;
      th.textContent = '';
      th.appendChild(button);
      button.addEventListener('click', function () {
        var descending = th.getAttribute('aria-sort') !== 'descending';
        headers.forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var order = compare(key(r1.cells[index]), key(r2.cells[index]));
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
