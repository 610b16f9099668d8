/*
 * Motcua citizen app: the service worker (a static file, scope /).
 * - The portal shell (style sheet, scripts, icons, the offline page) is cached on install.
 * - Pages: network first. "Hồ sơ của tôi" (/my) and each of my dossiers (/my/dossiers/<id>) are kept as last seen, so
 *   they can be read without a network; any other page without a network shows the offline page.
 * - Signing out (POST /logout) forgets the kept pages: a shared phone does not show the last person's dossiers.
 * Nothing is sent or submitted while offline: a form post without a network fails as it would without the app.
 */
'use strict';

var VERSION = 'motcua-v1';
var SHELL = VERSION + '-shell';
var PAGES = VERSION + '-pages';
var SHELL_FILES = ['/offline.html', '/css/motcua.css', '/js/motcua.js', '/js/place-picker.js',
  '/icons/icon-192.png', '/icons/icon-512.png', '/manifest.webmanifest'];

function kept(url) {
  return url.origin === self.location.origin
    && (url.pathname === '/my' || /^\/my\/dossiers\/[0-9a-f-]{36}$/.test(url.pathname));
}

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(SHELL_FILES); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf(VERSION) !== 0; })
      .map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.method === 'POST' && url.pathname === '/logout') {
    event.respondWith(caches.delete(PAGES).then(function () { return fetch(request); }));
    return;
  }
  if (request.method !== 'GET') {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).then(function (response) {
      if (kept(url) && response.ok && !response.redirected) {
        var copy = response.clone();
        caches.open(PAGES).then(function (cache) { cache.put(url.pathname, copy); });
      }
      return response;
    }).catch(function () {
      return caches.open(PAGES).then(function (cache) { return cache.match(url.pathname); })
        .then(function (page) { return page || caches.match('/offline.html'); });
    }));
    return;
  }
  if (SHELL_FILES.indexOf(url.pathname) >= 0 || url.pathname.indexOf('/webjars/') === 0) {
    // The shell: the network when there is one (fresh after a release), the cache when there is not.
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(SHELL).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    }).catch(function () { return caches.match(request); }));
  }
});
