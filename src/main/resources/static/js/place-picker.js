/*
 * Place picker: an accessible type-ahead combobox (WAI-ARIA 1.2 combobox with a listbox popup) over
 * GET /api/v1/places. Progressive enhancement: the page renders a plain text input holding the unit code,
 * marked data-place-picker; this script puts a name box in front of it and turns the original into a hidden
 * field, so the form still posts the code. Without JavaScript the plain box takes a code (or a name the server
 * resolves). A ward field (data-level COMMUNE) gets a province select first that narrows the suggestions. An old name (abolished by a reorganisation) offers the units that now carry it: "… — nay là …".
 * No inline script: the Content-Security-Policy forbids it; messages come from data-* attributes.
 */
(function () {
  'use strict';
  var counter = 0;

  var meta = document.querySelector('meta[name="place-picker"]');

  function text(el, name, fallback) {
    return el.getAttribute('data-msg-' + name) || (meta && meta.getAttribute('data-msg-' + name)) || fallback;
  }

  function enhance(original) {
    if (original.getAttribute('data-place-ready')) {
      return;
    }
    original.setAttribute('data-place-ready', 'true');
    var n = ++counter;
    var id = original.id || ('place-' + n);
    var listId = id + '-listbox';
    var level = original.getAttribute('data-level') || 'COMMUNE';
    // A birthplace may be a health facility: it fills the ward (the code posted) and the facility's name into the
    // field named by data-facility-field (the "nơi sinh cụ thể" box), so the form keeps both.
    var withFacilities = original.getAttribute('data-facilities') === 'true';
    var facilityField = original.getAttribute('data-facility-field');
    var msgOld = text(original, 'old', 'cũ');
    var msgNow = text(original, 'now', 'nay là');
    var msgNone = text(original, 'none', 'Không tìm thấy địa danh phù hợp.');
    var msgCount = text(original, 'count', '{0} kết quả, dùng phím mũi tên để chọn.');
    var msgChosen = text(original, 'chosen', 'Đã chọn: {0}');
    var msgPart = text(original, 'part', 'một phần');
    var msgProvince = text(original, 'province', 'Tỉnh, thành phố');
    var msgAll = text(original, 'all-provinces', 'Tất cả tỉnh, thành phố');
    var msgIn = text(original, 'in-province', 'Chỉ tìm trong {0}.');

    var box = document.createElement('input');
    box.type = 'text';
    box.id = id;
    box.className = original.className.replace('input-short', '').trim();
    box.setAttribute('role', 'combobox');
    box.setAttribute('aria-autocomplete', 'list');
    box.setAttribute('aria-expanded', 'false');
    box.setAttribute('aria-controls', listId);
    box.setAttribute('autocomplete', 'off');
    box.setAttribute('spellcheck', 'false');
    ['aria-describedby', 'aria-invalid', 'required'].forEach(function (a) {
      if (original.hasAttribute(a)) {
        box.setAttribute(a, original.getAttribute(a));
      }
    });
    original.id = id + '-code';
    original.type = 'hidden';
    original.removeAttribute('inputmode');

    var wrap = document.createElement('div');
    wrap.className = 'place-picker';
    var list = document.createElement('ul');
    list.id = listId;
    list.className = 'place-options';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    var status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    var chosen = document.createElement('p');
    chosen.className = 'hint place-chosen';
    chosen.id = id + '-chosen';
    box.setAttribute('aria-describedby', ((box.getAttribute('aria-describedby') || '') + ' ' + chosen.id).trim());
    original.parentNode.insertBefore(wrap, original);
    // Province first (a ward field): a plain select before the name box narrows the suggestions to one province
    // (GET /api/v1/places?province=..). A native select: keyboard and screen readers know it.
    var province = null;
    if (level === 'COMMUNE') {
      var provinceLabel = document.createElement('label');
      province = document.createElement('select');
      province.id = id + '-province';
      province.className = 'place-province';
      provinceLabel.setAttribute('for', province.id);
      provinceLabel.className = 'place-province-label';
      provinceLabel.textContent = msgProvince;
      var all = document.createElement('option');
      all.value = '';
      all.textContent = msgAll;
      province.appendChild(all);
      wrap.appendChild(provinceLabel);
      wrap.appendChild(province);
      fetch('/api/v1/units', {headers: {'Accept': 'application/json'}})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (units) {
          units.forEach(function (u) {
            var o = document.createElement('option');
            o.value = u.code;
            o.textContent = u.fullName;
            province.appendChild(o);
          });
        })
        .catch(function () { /* the name box still searches everywhere */ });
      // A new province: what is typed is searched again; the list opens when the name box has the focus again (the
      // select keeps it meanwhile), the live region says where the search now runs and how many places it found.
      province.addEventListener('change', function () {
        var name = province.value ? province.options[province.selectedIndex].textContent : '';
        var where = name ? msgIn.replace('{0}', name) : '';
        status.textContent = where;
        var q = box.value.trim();
        if (q.replace(/\s/g, '').length >= 2 && !original.value.match(/^\d{5}$/)) {
          search(q, function (places) {
            if (document.activeElement === box) {
              render(places);
            } else {
              pending = places;
              var n = places.length;
              status.textContent = (where ? where + ' ' : '') + (n === 0 ? msgNone : msgCount.replace('{0}', n));
            }
          });
        }
      });
    }
    wrap.appendChild(box);
    wrap.appendChild(list);
    wrap.appendChild(status);
    wrap.appendChild(chosen);
    wrap.appendChild(original);

    var options = [];
    var pending = null; // results found while the province select had the focus
    var active = -1;
    var timer = null;
    var seq = 0;

    function close() {
      list.hidden = true;
      box.setAttribute('aria-expanded', 'false');
      box.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(i) {
      options.forEach(function (o, j) {
        o.el.setAttribute('aria-selected', j === i ? 'true' : 'false');
      });
      active = i;
      if (i >= 0) {
        box.setAttribute('aria-activedescendant', options[i].el.id);
        options[i].el.scrollIntoView({block: 'nearest'});
      } else {
        box.removeAttribute('aria-activedescendant');
      }
    }

    function choose(i) {
      var o = options[i];
      original.value = o.code;
      box.value = o.name;
      var detail = facilityField && document.getElementById(facilityField);
      if (detail && o.facility) {
        detail.value = o.facility;
      }
      chosen.textContent = msgChosen.replace('{0}', o.label);
      close();
      original.dispatchEvent(new Event('change', {bubbles: true}));
    }

    function where(p) {
      return p.province && p.province.code !== p.code ? ', ' + p.province.fullName : '';
    }

    function render(places) {
      list.textContent = '';
      options = [];
      places.forEach(function (p) {
        if (p.type === 'HEALTH_FACILITY' && p.ward) {
          options.push({code: p.ward.code, name: p.fullName, facility: p.fullName,
            label: p.fullName + ' — ' + p.ward.fullName + where(p)});
        } else if (p.current) {
          options.push({code: p.code, name: p.fullName, label: p.fullName + where(p)});
        } else {
          p.successors.forEach(function (s) {
            var part = p.successors.length > 1 ? ' (' + msgPart + ')' : '';
            options.push({code: s.code, name: s.fullName,
              label: p.fullName + ' (' + msgOld + ')' + where(p) + ' — ' + msgNow + ' ' + s.fullName + part});
          });
        }
      });
      options.forEach(function (o, i) {
        var li = document.createElement('li');
        li.id = listId + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.textContent = o.label;
        li.addEventListener('mousedown', function (e) {
          e.preventDefault();
          choose(i);
        });
        o.el = li;
        list.appendChild(li);
      });
      if (options.length === 0) {
        var none = document.createElement('li');
        none.className = 'place-none';
        none.textContent = msgNone;
        list.appendChild(none);
      }
      list.hidden = false;
      box.setAttribute('aria-expanded', 'true');
      status.textContent = options.length === 0 ? msgNone : msgCount.replace('{0}', options.length);
      active = -1;
    }

    function search(q, then) {
      var mine = ++seq;
      var url = '/api/v1/places?limit=8&level=' + encodeURIComponent(level) + '&q=' + encodeURIComponent(q)
        + (withFacilities ? '&facilities=true' : '')
        + (province && province.value ? '&province=' + encodeURIComponent(province.value) : '');
      fetch(url, {headers: {'Accept': 'application/json', 'Accept-Language': document.documentElement.lang || 'vi'}})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (places) {
          if (mine === seq) {
            then(places);
          }
        })
        .catch(function () { /* the plain field still works */ });
    }

    box.addEventListener('input', function () {
      pending = null;
      var q = box.value.trim();
      original.value = /^\d{2}$|^\d{5}$/.test(q) ? q : box.value;
      chosen.textContent = '';
      clearTimeout(timer);
      if (q.replace(/\s/g, '').length < 2) {
        close();
        return;
      }
      timer = setTimeout(function () { search(q, render); }, 180);
    });
    box.addEventListener('keydown', function (e) {
      var open = !list.hidden && options.length > 0;
      if (e.key === 'ArrowDown' && open) {
        e.preventDefault();
        highlight((active + 1) % options.length);
      } else if (e.key === 'ArrowUp' && open) {
        e.preventDefault();
        highlight(active <= 0 ? options.length - 1 : active - 1);
      } else if (e.key === 'Enter' && open && active >= 0) {
        e.preventDefault();
        choose(active);
      } else if (e.key === 'Escape' && !list.hidden) {
        e.preventDefault();
        close();
      }
    });
    var closing = null; // the close that follows leaving the box, cancelled if the box has the focus again first
    box.addEventListener('focus', function () {
      clearTimeout(closing);
      if (pending) {
        var places = pending;
        pending = null;
        render(places);
      }
    });
    box.addEventListener('blur', function () {
      closing = setTimeout(close, 150);
    });

    // A code already there (a returned form, a draft): show its name.
    var initial = original.value.trim();
    box.value = initial;
    if (/^\d{2}$|^\d{5}$/.test(initial)) {
      search(initial, function (places) {
        var p = places.filter(function (x) { return x.code === initial && x.current; })[0];
        if (p && box.value.trim() === initial) {
          box.value = p.fullName;
          chosen.textContent = msgChosen.replace('{0}', p.fullName + where(p));
        }
      });
    }
  }

  function init(root) {
    (root || document).querySelectorAll('input[data-place-picker]').forEach(enhance);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { init(); });
  } else {
    init();
  }
  document.addEventListener('htmx:afterSwap', function (e) { init(e.target); });
}());
