/*
 * Motcua: small page behaviours (a static file: the Content-Security-Policy forbids inline scripts).
 * - After a failed submit, focus moves to the error summary, so a screen reader reads it and Tab goes to its links.
 * - Tables wider than a phone scroll sideways in a .table-wrap: it becomes a named, keyboard-focusable region
 *   (tabindex=0, role=region, the table's caption or heading as its name), so arrow keys can scroll it.
 * - The citizen app (PWA): the service worker (/sw.js, named by <meta name="motcua-sw">) is registered, and a notice
 *   says when the page shown is the copy kept for offline reading.
 */
(function () {
  'use strict';

  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }

  function focusErrorSummary() {
    var summary = document.querySelector('.error-summary[role="alert"]');
    if (!summary) { return; }
    if (!summary.hasAttribute('tabindex')) { summary.setAttribute('tabindex', '-1'); }
    if (document.activeElement === document.body || document.activeElement === null) {
      summary.focus();
    }
  }

  // The region's name: "Bảng: <caption or heading>" — not the heading alone, which already names the section
  // landmark around it (two landmarks of one name confuse a screen reader's landmark list).
  function nameOf(wrap) {
    var word = (document.documentElement.lang || 'vi').indexOf('en') === 0 ? 'Table: ' : 'Bảng: ';
    var table = wrap.querySelector('table');
    var caption = table && table.querySelector('caption');
    if (caption && caption.textContent.trim()) { return word + caption.textContent.trim(); }
    var section = wrap.closest('section, fieldset, main');
    var heading = section && section.querySelector('h1, h2, h3, legend');
    if (heading && heading.textContent.trim()) { return word + heading.textContent.trim(); }
    return word + document.title;
  }

  function scrollRegions(root) {
    (root || document).querySelectorAll('.table-wrap').forEach(function (wrap) {
      if (!wrap.hasAttribute('tabindex')) { wrap.setAttribute('tabindex', '0'); }
      if (!wrap.hasAttribute('role')) { wrap.setAttribute('role', 'region'); }
      if (!wrap.hasAttribute('aria-label') && !wrap.hasAttribute('aria-labelledby')) {
        wrap.setAttribute('aria-label', nameOf(wrap));
      }
    });
  }

  // Without a network the page shown is the one kept on this device (sw.js): say so above it.
  function offline() {
    var notice = document.getElementById('offline-notice');
    if (notice) { notice.hidden = navigator.onLine !== false; }
  }

  ready(function () {
    focusErrorSummary();
    scrollRegions(document);
    document.body.addEventListener('htmx:afterSettle', function (e) { scrollRegions(e.target); });
    offline();
    window.addEventListener('online', offline);
    window.addEventListener('offline', offline);
    var meta = document.querySelector('meta[name="motcua-sw"]');
    var sw = meta && meta.getAttribute('content');
    if (sw && 'serviceWorker' in navigator) {
      navigator.serviceWorker.register(sw, { scope: '/' }).catch(function () { /* the site works without it */ });
    }
  });
}());
