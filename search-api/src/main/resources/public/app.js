(function () {
  'use strict';
  var FACETS = [
    ['persons', 'person', '人物'], ['reporters', 'reporter', '记者/作者'], ['places', 'place', '地点'],
    ['organizations', 'org', '机构'], ['sources', 'source', '来源'], ['files', 'file', '文件']
  ];
  var SIZE = 10;
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'html') e.innerHTML = attrs[k]; // only for server-escaped highlight HTML
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }

  // The URL is the state: every search can be bookmarked and shared.
  function state() { return new URLSearchParams(location.search); }

  function go(params, keepPage) {
    if (!keepPage) params['delete']('page');
    history.pushState(null, '', '?' + params.toString());
    run();
  }

  function fromForm() {
    var p = state();
    ['q', 'sort', 'date_from', 'date_to'].forEach(function (k) {
      var v = $(k).value.trim();
      if (v) p.set(k, v); else p['delete'](k);
    });
    if ($('collapse').checked) p['delete']('collapse'); else p.set('collapse', 'false');
    return p;
  }

  function toForm(p) {
    $('q').value = p.get('q') || '';
    $('sort').value = p.get('sort') || 'relevance';
    $('date_from').value = p.get('date_from') || '';
    $('date_to').value = p.get('date_to') || '';
    $('collapse').checked = p.get('collapse') !== 'false';
  }

  function run() {
    var p = state();
    toForm(p);
    p.set('size', SIZE);
    if (!p.get('interval')) p.set('interval', 'day');
    $('status').textContent = '检索中…';
    fetch('/api/search?' + p.toString()).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (res) {
      if (!res.ok) {
        $('status').innerHTML = '';
        $('status').appendChild(el('span', { 'class': 'error', text: (res.body.title || '出错') + '：' + (res.body.detail || '') }));
        return;
      }
      render(res.body, state());
    })['catch'](function () {
      $('status').innerHTML = '';
      $('status').appendChild(el('span', { 'class': 'error', text: '服务暂时不可用，请稍后再试' }));
    });
  }

  function render(r, p) {
    var groups = r.total_groups !== undefined && p.get('collapse') !== 'false' ? '（' + r.total_groups + ' 组不重复）' : '';
    $('status').textContent = '共 ' + r.total + ' 段' + groups + '，用时 ' + r.took_ms + ' 毫秒' + (r.undated ? '；' + r.undated + ' 段无日期' : '');
    renderFacets(r.facets, p);
    renderHistogram(r.date_histogram, p);
    renderHits(r.hits);
    renderPager(r, p);
  }

  function renderFacets(facets, p) {
    var aside = $('facets');
    aside.innerHTML = '';
    FACETS.forEach(function (f) {
      var values = facets[f[0]] || [];
      if (!values.length) return;
      aside.appendChild(el('h3', { text: f[2] }));
      values.forEach(function (v) {
        var box = el('input', { type: 'checkbox' });
        box.checked = v.selected;
        box.addEventListener('change', function () {
          var q = state();
          var selected = q.getAll(f[1]).filter(function (x) { return x !== v.value; });
          if (box.checked) selected.push(v.value);
          q['delete'](f[1]);
          selected.forEach(function (x) { q.append(f[1], x); });
          go(q);
        });
        aside.appendChild(el('label', {}, [el('span', {}, [box, document.createTextNode(' ' + v.value)]),
          el('span', { 'class': 'count', text: String(v.count) })]));
      });
    });
  }

  function renderHistogram(buckets, p) {
    var box = $('histogram');
    box.innerHTML = '';
    var axis = $('histogram-axis');
    axis.innerHTML = '';
    if (buckets.length) {
      axis.appendChild(el('span', { text: buckets[0].date }));
      axis.appendChild(el('span', { text: '点击柱条按日期筛选' }));
      axis.appendChild(el('span', { text: buckets[buckets.length - 1].date }));
    }
    var max = buckets.reduce(function (m, b) { return Math.max(m, b.count); }, 0) || 1;
    buckets.forEach(function (b) {
      var bar = el('div', { title: b.date + '：' + b.count });
      bar.style.height = Math.max(b.count ? 3 : 0, Math.round(78 * b.count / max)) + 'px';
      bar.addEventListener('click', function () {
        var q = state();
        q.set('date_from', b.date);
        q.set('date_to', b.date);
        go(q);
      });
      box.appendChild(bar);
    });
  }

  function renderHits(hits) {
    var ol = $('hits');
    ol.innerHTML = '';
    hits.forEach(function (h) {
      var title = el('h4', { html: h.title_highlight || '（无标题）' });
      var meta = el('div', { 'class': 'meta', text: [h.date || '日期不详', h.source, h.file, '第' + h.paragraph + '段',
        h.duplicates > 1 ? '重复 ' + h.duplicates + ' 次' : ''].filter(Boolean).join(' · ') });
      var tags = el('div', {}, (h.persons || []).map(function (n) { return el('span', { 'class': 'tag', text: n }); }));
      var body = (h.highlights || []).map(function (frag) { return el('p', { html: frag }); });
      ol.appendChild(el('li', {}, [title, meta].concat(body).concat([tags])));
    });
  }

  function renderPager(r, p) {
    var pager = $('pager');
    pager.innerHTML = '';
    var page = parseInt(p.get('page') || '1', 10);
    var count = p.get('collapse') === 'false' ? r.total : r.total_groups;
    var last = Math.min(Math.ceil(count / SIZE), Math.floor(10000 / SIZE));
    function link(label, target) {
      var b = el('button', { text: label });
      b.disabled = target < 1 || target > last || target === page;
      b.addEventListener('click', function () { var q = state(); q.set('page', target); go(q, true); scrollTo(0, 0); });
      return b;
    }
    if (last <= 1) return;
    pager.appendChild(link('« 上一页', page - 1));
    pager.appendChild(el('span', { text: page + ' / ' + last }));
    pager.appendChild(link('下一页 »', page + 1));
  }

  // search-box suggestions: persons and terms starting with what is typed
  var timer = null, active = -1;
  function suggest() {
    var v = $('q').value.trim();
    var list = $('suggest');
    if (!v) { list.hidden = true; return; }
    var last = v.split(/\s+/).pop().replace(/^-/, '');
    if (!last) { list.hidden = true; return; }
    fetch('/api/suggest?size=8&q=' + encodeURIComponent(last)).then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
      .then(function (s) {
        list.innerHTML = '';
        active = -1;
        s.suggestions.forEach(function (item) {
          var li = el('li', { role: 'option' }, [document.createTextNode(item.text),
            el('span', { 'class': 'kind', text: item.type === 'person' ? '人物' : '词语' })]);
          li.addEventListener('mousedown', function (e) { e.preventDefault(); pick(item); });
          list.appendChild(li);
        });
        list.hidden = !s.suggestions.length;
      });
  }
  function pick(item) {
    $('suggest').hidden = true;
    if (item.type === 'person') {
      var q = fromForm();
      var words = ($('q').value.trim().split(/\s+/));
      words.pop();
      if (words.length) q.set('q', words.join(' ')); else q['delete']('q');
      if (q.getAll('person').indexOf(item.text) < 0) q.append('person', item.text);
      go(q);
    } else {
      var parts = $('q').value.trim().split(/\s+/);
      parts[parts.length - 1] = item.text;
      $('q').value = parts.join(' ');
      go(fromForm());
    }
  }
  $('q').addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(suggest, 150); });
  $('q').addEventListener('blur', function () { $('suggest').hidden = true; });
  $('q').addEventListener('keydown', function (e) {
    var items = $('suggest').querySelectorAll('li');
    if ($('suggest').hidden || !items.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items.forEach(function (li, i) { li.classList.toggle('active', i === active); });
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      items[active].dispatchEvent(new MouseEvent('mousedown'));
    } else if (e.key === 'Escape') {
      $('suggest').hidden = true;
    }
  });

  $('search-form').addEventListener('submit', function (e) { e.preventDefault(); $('suggest').hidden = true; go(fromForm()); });
  ['sort', 'collapse', 'date_from', 'date_to'].forEach(function (id) {
    $(id).addEventListener('change', function () { go(fromForm()); });
  });
  window.addEventListener('popstate', run);
  run();
})();
