/*
 * The search page. The URL is the state (every view can be bookmarked, Back works); the API is the
 * only data source; text from the index is put into the page with textContent, never as HTML, except
 * the highlight fragments the API escapes itself. Charts use uPlot, bundled in front of this file
 * from its webjar at build time (search-api/pom.xml).
 */
(function () {
  'use strict';
  // facet key in the API answer, URL parameter, label
  var FACETS = [
    ['persons', 'person', '人物'], ['reporters', 'reporter', '记者/作者'], ['places', 'place', '地点'],
    ['organizations', 'org', '机构'], ['sources', 'source', '来源'], ['files', 'file', '文件']
  ];
  var FILTER_PARAMS = FACETS.map(function (f) { return f[1]; });
  var LABEL = {};
  FACETS.forEach(function (f) { LABEL[f[1]] = f[2]; });
  var SIZE = 20;          // paragraphs asked for per page; they are shown grouped by article
  var SHOWN = 3;          // paragraphs shown per article before "n more in this article"
  var FACET_SIZE = 10;
  var FACET_MORE = 200;   // the API's maximum facet_size
  var INTERVAL_SECONDS = { day: 86400, week: 7 * 86400, month: 31 * 86400, year: 366 * 86400 };
  var MATCH_NOTICE = {
    most: '没有段落包含全部词语，下面是包含其中大部分词语的段落。',
    any: '没有段落包含全部词语，下面是只包含其中部分词语的段落。',
    partial: '没有段落包含全部词语，下面是只包含其中部分词语的段落。'
  };

  var $ = function (id) { return document.getElementById(id); };
  var renders = 0;
  var latestDate = null;       // the archive's last dated paragraph, for the date presets
  var lastResult = null;       // the answer the result view shows
  var fullFacets = {};         // facet key -> values with facet_size=FACET_MORE, for the current search
  var fullFacetsFor = null;
  var charts = {};
  var seq = 0;                 // answers of an older request are dropped

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'text') e.textContent = v;
      else if (k === 'html') e.innerHTML = v; // only for highlight HTML the API escaped
      else if (k === 'on') Object.keys(v).forEach(function (ev) { e.addEventListener(ev, v[ev]); });
      else e.setAttribute(k, v === true ? '' : v);
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function fmt(n) { return Number(n).toLocaleString('zh-CN'); }

  // ---- state --------------------------------------------------------------------------------

  function state() { return new URLSearchParams(location.search); }
  function href(p) { var s = p.toString(); return s ? '?' + s : location.pathname; }
  function go(p, keepPage) {
    if (!keepPage) p['delete']('page');
    history.pushState(null, '', href(p));
    run();
  }
  /** The parameters /api/search and the aggregations understand, taken from the page's URL. */
  function apiParams(p) {
    var a = new URLSearchParams();
    ['q', 'date_from', 'date_to', 'sort', 'collapse', 'page', 'interval'].forEach(function (k) { if (p.get(k)) a.set(k, p.get(k)); });
    FILTER_PARAMS.forEach(function (k) { p.getAll(k).forEach(function (v) { a.append(k, v); }); });
    return a;
  }
  function filterOnly(p) {
    var a = apiParams(p);
    ['sort', 'collapse', 'page', 'interval'].forEach(function (k) { a['delete'](k); });
    return a;
  }
  function activeFilters(p) {
    var list = [];
    FILTER_PARAMS.forEach(function (k) { p.getAll(k).forEach(function (v) { list.push({ key: k, value: v }); }); });
    return list;
  }
  function without(p, key, value) {
    var q = new URLSearchParams(p.toString());
    if (key === 'dates') { q['delete']('date_from'); q['delete']('date_to'); return q; }
    var rest = q.getAll(key).filter(function (v) { return v !== value; });
    q['delete'](key);
    rest.forEach(function (v) { q.append(key, v); });
    return q;
  }
  function withFilter(p, key, value) {
    var q = new URLSearchParams(p.toString());
    ['article', 'para', 'page'].forEach(function (k) { q['delete'](k); });
    if (q.getAll(key).indexOf(value) < 0) q.append(key, value);
    return q;
  }
  function interval(p) { return p.get('interval') || 'day'; }

  function getJson(url) {
    return fetch(url).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, status: r.status, body: body }; },
        function () { return { ok: false, status: r.status, body: {} }; });
    });
  }
  function problemText(res) {
    return (res.body && res.body.title ? res.body.title : '出错了') + (res.body && res.body.detail ? '：' + res.body.detail : '');
  }

  // ---- dates --------------------------------------------------------------------------------

  var ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
  function validDate(s) {
    var m = ISO.exec(s);
    if (!m) return false;
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  }
  function isoDay(d) { return d.toISOString().slice(0, 10); }
  function secondsOf(iso) { return Date.parse(iso + 'T00:00:00Z') / 1000; }
  function addDays(iso, n) { var d = new Date(Date.parse(iso + 'T00:00:00Z')); d.setUTCDate(d.getUTCDate() + n); return isoDay(d); }
  function addMonths(iso, n) { var d = new Date(Date.parse(iso + 'T00:00:00Z')); d.setUTCMonth(d.getUTCMonth() + n); return isoDay(d); }
  /** The last day a bucket starting at {@code iso} covers. */
  function bucketEnd(iso, iv) {
    if (iv === 'week') return addDays(iso, 6);
    if (iv === 'month') return addDays(addMonths(iso, 1), -1);
    if (iv === 'year') return iso.slice(0, 4) + '-12-31';
    return iso;
  }
  function dateLabel(ts, iv) {
    var s = isoDay(new Date(ts * 1000));
    return iv === 'year' ? s.slice(0, 4) : iv === 'month' ? s.slice(0, 7) : s;
  }

  function applyDates() {
    var from = $('date_from').value.trim(), to = $('date_to').value.trim();
    var bad = [from, to].filter(function (v) { return v && !validDate(v); });
    var err = $('date-error');
    if (bad.length) {
      err.textContent = '日期请写成 yyyy-mm-dd，例如 2020-03-01：“' + bad[0] + '”不是有效日期';
      err.hidden = false;
      return;
    }
    if (from && to && from > to) {
      err.textContent = '起始日期晚于结束日期';
      err.hidden = false;
      return;
    }
    err.hidden = true;
    var p = state();
    if (from) p.set('date_from', from); else p['delete']('date_from');
    if (to) p.set('date_to', to); else p['delete']('date_to');
    go(p);
  }

  function renderPresets(p) {
    var box = clear($('presets'));
    var presets = [['全部时间', null, null]];
    if (latestDate) {
      presets.push(['最后一周', addDays(latestDate, -6), latestDate]);
      presets.push(['最后一个月', addDays(addMonths(latestDate, -1), 1), latestDate]);
      presets.push(['最后一年', addDays(addMonths(latestDate, -12), 1), latestDate]);
    }
    presets.forEach(function (pr) {
      var on = (p.get('date_from') || null) === pr[1] && (p.get('date_to') || null) === pr[2];
      box.appendChild(el('button', {
        type: 'button', 'aria-pressed': on ? 'true' : 'false',
        title: pr[1] ? pr[1] + ' 至 ' + pr[2] : '不限日期',
        on: { click: function () {
          var q = state();
          if (pr[1]) { q.set('date_from', pr[1]); q.set('date_to', pr[2]); } else { q['delete']('date_from'); q['delete']('date_to'); }
          go(q);
        } }
      }, [pr[0]]));
    });
    if (latestDate) box.appendChild(el('span', { 'class': 'help', text: '以档案最新日期 ' + latestDate + ' 为准' }));
  }

  // ---- the run loop -------------------------------------------------------------------------

  function toForm(p) {
    $('q').value = p.get('q') || '';
    $('sort').value = p.get('sort') || 'relevance';
    $('date_from').value = p.get('date_from') || '';
    $('date_to').value = p.get('date_to') || '';
    $('collapse').checked = p.get('collapse') !== 'false';
    $('interval').value = interval(p);
    $('date-error').hidden = true;
  }

  function ready() {
    renders += 1;
    document.body.setAttribute('data-renders', String(renders));
    document.body.setAttribute('data-state', 'ready');
  }

  function run() {
    var p = state();
    toForm(p);
    document.body.setAttribute('data-state', 'loading');
    if (p.get('article')) { showArticle(p); return; }
    $('article-view').hidden = true;
    $('results-view').hidden = false;
    var mine = ++seq;
    var a = apiParams(p);
    a.set('size', SIZE);
    a.set('facet_size', FACET_SIZE);
    a.set('interval', interval(p));
    $('status').textContent = '检索中…';
    getJson('/api/search?' + a.toString()).then(function (res) {
      if (mine !== seq) return;
      if (!res.ok) {
        clear($('status')).appendChild(el('span', { 'class': 'error', text: problemText(res) }));
        clear($('hits')); clear($('pager')); clear($('notice'));
        renderChips(p);
        ready();
        return;
      }
      lastResult = res.body;
      render(res.body, p);
    })['catch'](function () {
      if (mine !== seq) return;
      clear($('status')).appendChild(el('span', { 'class': 'error', text: '服务暂时不可用，请稍后再试' }));
      ready();
    });
  }

  function render(r, p) {
    var groups = groupByArticle(r.hits || []);
    var status = '共 ' + fmt(r.total) + ' 段';
    if (r.total_groups !== undefined && p.get('collapse') !== 'false' && r.total_groups !== r.total) {
      status += '（' + fmt(r.total_groups) + ' 段不重复）';
    }
    if (groups.length) status += '，本页 ' + groups.length + ' 篇文章';
    if (r.undated) status += '；' + fmt(r.undated) + ' 段无日期，不在图中';
    $('status').textContent = status;
    renderChips(p);
    renderPresets(p);
    renderFacets(r.facets || {}, p);
    renderNotice(r, p);
    // no chart for nothing: the zero-result help takes its place
    $('charts').hidden = r.total === 0;
    if (r.total > 0) { renderHistogram(r.date_histogram || [], p); renderActiveChart(p); }
    renderHits(groups, p);
    renderPager(r, p);
    fitCharts();
    if (r.total === 0) { zeroResults(p); return; }
    ready();
  }

  // ---- chips --------------------------------------------------------------------------------

  function renderChips(p) {
    var box = clear($('chips'));
    var chips = activeFilters(p).map(function (f) {
      return chip(LABEL[f.key] + '：' + f.value, without(p, f.key, f.value));
    });
    if (p.get('date_from') || p.get('date_to')) {
      chips.push(chip('日期：' + (p.get('date_from') || '最早') + ' 至 ' + (p.get('date_to') || '最新'), without(p, 'dates')));
    }
    if (!chips.length) { box.hidden = true; return; }
    box.hidden = false;
    box.appendChild(el('span', { 'class': 'chips-label', text: '已选筛选：' }));
    chips.forEach(function (c) { box.appendChild(c); });
    box.appendChild(el('button', { type: 'button', 'class': 'clear-all', on: { click: function () {
      var q = state();
      FILTER_PARAMS.concat(['date_from', 'date_to']).forEach(function (k) { q['delete'](k); });
      go(q);
    } } }, ['清除全部筛选']));
  }
  var NARROW = window.matchMedia('(max-width: 760px)');
  function showFilters(open) {
    $('facets-toggle').setAttribute('aria-expanded', open ? 'true' : 'false');
    document.body.classList.toggle('filters-open', open);
    toggleLabel();
  }
  function toggleLabel() {
    var n = activeFilters(state()).length + (state().get('date_from') || state().get('date_to') ? 1 : 0);
    var open = $('facets-toggle').getAttribute('aria-expanded') === 'true';
    $('facets-toggle').textContent = (open ? '收起筛选' : '筛选') + (n ? '（已选 ' + n + '）' : '');
  }
  function chip(label, target) {
    return el('button', { type: 'button', 'class': 'chip', 'aria-label': '移除筛选 ' + label,
      on: { click: function () { go(target); } } }, [label, el('span', { 'aria-hidden': 'true', 'class': 'x', text: '×' })]);
  }

  // ---- facets -------------------------------------------------------------------------------

  function renderFacets(facets, p) {
    var box = clear($('facets'));
    toggleLabel();
    var key = filterOnly(p).toString();
    if (fullFacetsFor !== key) { fullFacets = {}; fullFacetsFor = key; }
    FACETS.forEach(function (f) {
      var selected = p.getAll(f[1]);
      var values = (fullFacets[f[0]] || facets[f[0]] || []).slice();
      // a selected value stays visible (and can be unticked) even when nothing matches it any more
      selected.forEach(function (s) {
        if (!values.some(function (v) { return v.value === s; })) values.unshift({ value: s, count: 0, selected: true });
      });
      if (!values.length) return;
      box.appendChild(facetSection(f, values, selected, !fullFacets[f[0]] && values.length >= FACET_SIZE));
    });
  }

  function facetSection(f, values, selected, mayHaveMore) {
    var id = 'facet-' + f[1];
    var list = el('ul', { 'class': 'facet-values', id: id + '-list' });
    var help = selected.length
      ? '同一栏内多选为“或”。数字：含该值的段落数，勾选后与已选结果合并。'
      : '数字：勾选后得到的段落数。';
    var search = el('input', { type: 'search', id: id + '-search', placeholder: '查找' + f[2], 'aria-controls': id + '-list' });
    var section = el('section', { 'class': 'facet', 'aria-labelledby': id + '-h' }, [
      el('h2', { id: id + '-h', text: f[2] }),
      el('label', { 'for': id + '-search', 'class': 'sr-only', text: '在' + f[2] + '中查找' }),
      search,
      el('p', { 'class': 'help', text: help }),
      list
    ]);
    function fill(filter) {
      clear(list);
      var shown = 0;
      values.forEach(function (v) {
        if (filter && v.value.toLowerCase().indexOf(filter.toLowerCase()) < 0) return;
        shown += 1;
        var isOn = selected.indexOf(v.value) >= 0;
        var what = isOn ? '取消“' + v.value + '”'
          : selected.length ? '加选“' + v.value + '”：合并含它的 ' + v.count + ' 段'
            : '只看含“' + v.value + '”的 ' + v.count + ' 段';
        var box = el('input', { type: 'checkbox', 'aria-describedby': null });
        box.checked = isOn;
        box.addEventListener('change', function () {
          if (NARROW.matches) showFilters(false); // on a phone the tick was for the results below
          var q = state();
          go(box.checked ? withFilter(q, f[1], v.value) : without(q, f[1], v.value));
        });
        list.appendChild(el('li', {}, [el('label', { title: what }, [
          box, el('span', { 'class': 'value', text: v.value }),
          el('span', { 'class': 'count', text: fmt(v.count), 'aria-label': fmt(v.count) + ' 段' })])]));
      });
      if (!shown) list.appendChild(el('li', { 'class': 'help', text: '没有匹配“' + filter + '”的' + f[2] }));
    }
    fill('');
    var more = null;
    function loadAll() {
      return loadFullFacets().then(function (all) {
        if (all && all[f[0]]) {
          var sel = values.filter(function (v) { return v.selected && !all[f[0]].some(function (w) { return w.value === v.value; }); });
          values = sel.concat(all[f[0]]);
        }
        if (more) { more.remove(); more = null; }
      });
    }
    search.addEventListener('input', function () {
      var v = search.value.trim();
      if (more && v) loadAll().then(function () { fill(search.value.trim()); });
      else fill(v);
    });
    if (mayHaveMore) {
      more = el('button', { type: 'button', 'class': 'more', 'aria-controls': id + '-list', on: { click: function () {
        var focusNext = list.querySelectorAll('input').length;
        loadAll().then(function () {
          fill(search.value.trim());
          var next = list.querySelectorAll('input')[focusNext];
          if (next) next.focus();
        });
      } } }, ['更多' + f[2]]);
      section.appendChild(more);
    }
    return section;
  }

  function loadFullFacets() {
    var p = state();
    var key = filterOnly(p).toString();
    if (fullFacetsFor === key && Object.keys(fullFacets).length) return Promise.resolve(fullFacets);
    var a = apiParams(p);
    a['delete']('page');
    a.set('size', 0);
    a.set('facet_size', FACET_MORE);
    return getJson('/api/search?' + a.toString()).then(function (res) {
      if (!res.ok) return null;
      fullFacets = res.body.facets || {};
      fullFacetsFor = key;
      return fullFacets;
    });
  }

  // ---- notices and zero results -------------------------------------------------------------

  function renderNotice(r, p) {
    var box = clear($('notice'));
    var msg = r.match && MATCH_NOTICE[r.match];
    if (msg && r.total > 0) box.appendChild(el('p', { 'class': 'notice', role: 'note' }, [msg]));
  }

  function zeroResults(p) {
    var box = clear($('notice'));
    var q = (p.get('q') || '').trim();
    var filters = activeFilters(p);
    var dated = p.get('date_from') || p.get('date_to');
    var why = [];
    if (q) why.push('没有段落含有“' + q + '”' + (filters.length || dated ? '，同时符合所选筛选' : ''));
    else why.push('没有段落同时符合所选的全部筛选');
    var section = el('section', { 'class': 'zero', 'aria-labelledby': 'zero-h' }, [
      el('h2', { id: 'zero-h', text: '没有找到结果' }),
      el('p', { text: why.join('') + '。' })]);
    var tries = el('ul', { 'class': 'tries' });
    section.appendChild(el('p', { text: '可以试试：' }));
    section.appendChild(tries);
    box.appendChild(section);
    // each way out with the count it would give, so nobody clicks into another empty page
    var options = [];
    filters.forEach(function (f) { options.push(['去掉筛选 ' + LABEL[f.key] + '：' + f.value, without(p, f.key, f.value)]); });
    if (dated) options.push(['去掉日期范围', without(p, 'dates')]);
    if ((filters.length || dated) && q) {
      var onlyQ = new URLSearchParams(); onlyQ.set('q', q);
      options.push(['只按关键词搜索（去掉全部筛选）', onlyQ]);
    }
    if (q) {
      var words = q.split(/\s+/).filter(function (w) { return w && !/^(AND|OR|NOT)$/.test(w); });
      if (words.length > 1) words.slice(0, 4).forEach(function (w) {
        var one = new URLSearchParams(p.toString()); one.set('q', w.replace(/^[-"]+|"+$/g, ''));
        options.push(['只搜“' + one.get('q') + '”', one]);
      });
      if (filters.length || dated) { var noQ = new URLSearchParams(p.toString()); noQ['delete']('q'); options.push(['不用关键词，只按筛选', noQ]); }
    }
    var checks = options.slice(0, 8).map(function (o) {
      var a = apiParams(o[1]); a.set('size', 0); a.set('facet_size', 1); a['delete']('page'); // facet_size=0 is answered 502 by the API today
      return getJson('/api/search?' + a.toString()).then(function (res) { return { label: o[0], target: o[1], count: res.ok ? res.body.total : null }; });
    });
    Promise.all(checks).then(function (found) {
      found.filter(function (f) { return f.count; }).forEach(function (f) {
        tries.appendChild(el('li', {}, [el('a', { href: href(f.target), on: { click: function (e) { e.preventDefault(); go(f.target); } } },
          [f.label]), ' — ' + fmt(f.count) + ' 段']));
      });
      if (!tries.firstChild) {
        tries.appendChild(el('li', { text: '换一个词，或用更短的词（例如两三个字的词语）' }));
        tries.appendChild(el('li', { text: '检查错别字；繁体和简体都能搜到' }));
      }
      ready();
    });
  }

  // ---- hits grouped by article --------------------------------------------------------------

  function groupByArticle(hits) {
    var groups = [], byId = {};
    hits.forEach(function (h) {
      var key = h.article_id || h.id;
      if (!byId[key]) { byId[key] = { articleId: h.article_id, hits: [] }; groups.push(byId[key]); }
      byId[key].hits.push(h);
    });
    return groups;
  }
  /** Matching paragraphs of the article beyond those shown: from the API when it says, else this page's. */
  function moreInArticle(g) {
    var h = g.hits[0];
    var shown = Math.min(g.hits.length, SHOWN);
    if (typeof h.more_in_article === 'number') return h.more_in_article + (g.hits.length - shown);
    if (typeof h.article_hits === 'number') return Math.max(0, h.article_hits - shown);
    return g.hits.length - shown;
  }
  function articleHref(p, articleId, paraId) {
    var q = new URLSearchParams(p.toString());
    q.set('article', articleId);
    if (paraId) q.set('para', paraId); else q['delete']('para');
    return q;
  }

  function renderHits(groups, p) {
    var ol = clear($('hits'));
    groups.forEach(function (g) {
      var first = g.hits[0];
      var target = g.articleId ? articleHref(p, g.articleId, first.id) : null;
      var titleLink = el(target ? 'a' : 'span', { 'class': 'title', href: target ? href(target) : null, html: first.title_highlight || null,
        on: target ? { click: function (e) { e.preventDefault(); go(target, true); } } : null });
      if (!first.title_highlight) titleLink.textContent = first.title || '（无标题）';
      var meta = el('p', { 'class': 'meta', text: [first.date || '日期不详', first.source, (first.reporters || []).join('、'), first.file]
        .filter(Boolean).join(' · ') });
      var paras = el('ul', { 'class': 'paras' });
      g.hits.slice(0, SHOWN).forEach(function (h) {
        var t = g.articleId ? articleHref(p, g.articleId, h.id) : null;
        var frag = (h.highlights && h.highlights.length) ? h.highlights : null;
        var body = el('a', { 'class': 'para', href: t ? href(t) : null, 'aria-label': null,
          on: t ? { click: function (e) { e.preventDefault(); go(t, true); } } : null });
        body.appendChild(el('span', { 'class': 'pno', text: '第 ' + h.paragraph + ' 段' }));
        if (frag) frag.forEach(function (f) { body.appendChild(el('span', { 'class': 'frag', html: f })); });
        else body.appendChild(el('span', { 'class': 'frag', text: (h.text || '').slice(0, 200) }));
        var extra = [];
        if (h.duplicates > 1) extra.push(el('span', { 'class': 'dup', text: '另见 ' + (h.duplicates - 1) + ' 处重复刊登' }));
        paras.appendChild(el('li', {}, [body].concat(extra)));
      });
      var n = moreInArticle(g);
      var more = n > 0 && target ? el('a', { 'class': 'more-in-article', href: href(articleHref(p, g.articleId, null)),
        on: { click: function (e) { e.preventDefault(); go(articleHref(p, g.articleId, g.hits[SHOWN] ? g.hits[SHOWN].id : null), true); } } },
        ['本文还有 ' + n + ' 段命中 →']) : null;
      var persons = unique([].concat.apply([], g.hits.map(function (h) { return h.persons || []; })));
      var tags = persons.length ? el('p', { 'class': 'tags' }, persons.slice(0, 8).map(function (n2) {
        var t2 = withFilter(p, 'person', n2);
        return el('a', { 'class': 'tag', href: href(t2), title: '筛选人物：' + n2, on: { click: function (e) { e.preventDefault(); go(t2); } } }, [n2]);
      })) : null;
      ol.appendChild(el('li', { 'class': 'article-hit', 'data-article': g.articleId || '' },
        [el('h3', {}, [titleLink]), meta, paras, more, tags]));
    });
  }
  function unique(list) { var seen = {}; return list.filter(function (x) { return seen[x] ? false : (seen[x] = true); }); }

  function renderPager(r, p) {
    var pager = clear($('pager'));
    var page = parseInt(p.get('page') || '1', 10);
    var count = p.get('collapse') === 'false' ? r.total : (r.total_groups !== undefined ? r.total_groups : r.total);
    var last = Math.min(Math.ceil(count / SIZE), Math.floor(10000 / SIZE));
    if (last <= 1) return;
    function link(label, target, aria) {
      var b = el('button', { type: 'button', 'aria-label': aria || null, 'aria-current': target === page ? 'page' : null }, [label]);
      b.disabled = target < 1 || target > last || target === page;
      b.addEventListener('click', function () { var q = state(); q.set('page', target); go(q, true); $('results').focus(); scrollTo(0, 0); });
      return b;
    }
    pager.appendChild(link('« 上一页', page - 1, '上一页'));
    var from = Math.max(1, page - 2), to = Math.min(last, from + 4);
    for (var i = from; i <= to; i++) pager.appendChild(link(String(i), i, '第 ' + i + ' 页'));
    pager.appendChild(link('下一页 »', page + 1, '下一页'));
    pager.appendChild(el('span', { 'class': 'help', text: '第 ' + page + ' / ' + last + ' 页' }));
  }

  // ---- charts -------------------------------------------------------------------------------

  function chartWidth(node) { return Math.max(260, Math.floor(node.getBoundingClientRect().width || 600)); }
  /** Charts take their box's width once the rest of the page is laid out (and on every resize). */
  function fitCharts() {
    Object.keys(charts).forEach(function (k) {
      var w = chartWidth(charts[k].root.parentNode);
      if (Math.abs(w - charts[k].width) > 1) charts[k].setSize({ width: w, height: charts[k].height });
    });
  }
  /**
   * One empty bucket before the first and after the last: bars are centred on their dates, and a
   * lone bucket (one day left after a filter) gets a readable axis instead of uPlot's wide default.
   */
  function padded(data, iv) {
    var xs = data[0], n = xs.length;
    var step = n > 1 ? xs[1] - xs[0] : INTERVAL_SECONDS[iv];
    var stepEnd = n > 1 ? xs[n - 1] - xs[n - 2] : INTERVAL_SECONDS[iv];
    return data.map(function (col, i) {
      return i === 0 ? [xs[0] - step].concat(col, [xs[n - 1] + stepEnd]) : [null].concat(col, [null]);
    });
  }
  // tick steps no finer than the interval (uPlot steps by calendar months and years at 30 and 365 days)
  var DAY = 86400, MONTH = 30 * DAY, YEAR = 365 * DAY;
  var INCRS = [DAY, 2 * DAY, 3 * DAY, 5 * DAY, 7 * DAY, 14 * DAY, MONTH, 2 * MONTH, 3 * MONTH, 6 * MONTH, YEAR, 2 * YEAR, 5 * YEAR, 10 * YEAR];
  var MIN_INCR = { day: DAY, week: 7 * DAY, month: MONTH, year: YEAR };
  function xAxis(iv) {
    return { label: '日期', space: 96, incrs: INCRS.filter(function (i) { return i >= MIN_INCR[iv]; }),
      values: function (u, splits) { return splits.map(function (s) { return dateLabel(s, iv); }); } };
  }
  function destroy(name) { if (charts[name]) { charts[name].destroy(); delete charts[name]; } }

  function renderHistogram(buckets, p) {
    var box = clear($('histogram'));
    destroy('hist');
    if (!buckets.length || typeof uPlot === 'undefined') {
      box.appendChild(el('p', { 'class': 'help', text: buckets.length ? '图表库未加载' : '没有带日期的段落' }));
      return;
    }
    var iv = interval(p);
    var xs = buckets.map(function (b) { return secondsOf(b.date); });
    var ys = buckets.map(function (b) { return b.count; });
    var total = ys.reduce(function (a, b) { return a + b; }, 0);
    box.appendChild(el('p', { 'class': 'sr-only', text: '柱状图：各时间段的段落数，' + buckets[0].date + ' 至 ' +
      bucketEnd(buckets[buckets.length - 1].date, iv) + '，共 ' + total + ' 段，' + buckets.length + ' 个时间段；数据见下方表格' }));
    var opts = {
      width: chartWidth(box), height: 180, padding: [8, 36, 0, 0],
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); },
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(1, max * 1.1)]; } } },
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      select: { show: true },
      legend: { show: true },
      series: [
        { label: '时间', value: function (u, v) { return v == null ? '—' : dateLabel(v, iv) + (iv === 'week' ? ' 起一周' : ''); } },
        { label: '段落数', fill: 'rgba(31,95,191,0.75)', stroke: '#1f5fbf', width: 1,
          paths: uPlot.paths.bars({ size: [0.8, 40], align: 0 }), points: { show: false },
          value: function (u, v, si, idx) { return idx == null ? '—' : fmt(v || 0); } }
      ],
      axes: [xAxis(iv), { label: '段落数', size: 50, values: function (u, splits) { return splits.map(function (s) { return Number.isInteger(s) ? fmt(s) : ''; }); } }],
      hooks: { setSelect: [function (u) {
        if (u.select.width < 3) return;
        var lo = u.posToVal(u.select.left, 'x'), hi = u.posToVal(u.select.left + u.select.width, 'x');
        var half = INTERVAL_SECONDS[iv] / 2;
        // a bar is drawn centred on its bucket's start: take every bar the selection touches
        var inside = buckets.filter(function (b, i) { return xs[i] + half >= lo && xs[i] - half <= hi; });
        u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
        if (!inside.length) return;
        var q = state();
        q.set('date_from', inside[0].date);
        q.set('date_to', bucketEnd(inside[inside.length - 1].date, iv));
        go(q);
      }] }
    };
    // empty buckets as gaps, not as a flat bar outline along the axis
    charts.hist = new uPlot(opts, padded([xs, ys.map(function (y) { return y || null; })], iv), box);
    // the same numbers as a table, for keyboards and screen readers
    var rows = buckets.filter(function (b) { return b.count > 0; });
    var table = el('table', {}, [el('caption', { text: '按' + $('interval').selectedOptions[0].text + '统计的段落数（只列出有段落的时间段）' }),
      el('thead', {}, [el('tr', {}, [el('th', { scope: 'col', text: '时间' }), el('th', { scope: 'col', text: '段落数' })])]),
      el('tbody', {}, rows.map(function (b) {
        var t = state(); t.set('date_from', b.date); t.set('date_to', bucketEnd(b.date, iv)); t['delete']('page');
        return el('tr', {}, [el('td', {}, [el('a', { href: href(t), on: { click: function (e) { e.preventDefault(); go(t); } } },
          [b.date + (iv === 'day' ? '' : ' 至 ' + bucketEnd(b.date, iv))])]), el('td', { text: fmt(b.count) })]);
      }))]);
    box.appendChild(el('details', { 'class': 'data' }, [el('summary', { text: '以表格查看' }), table]));
  }

  var PALETTE = ['#1f5fbf', '#c0392b', '#1e8449', '#8e44ad', '#b9770e', '#117a8b', '#6e2c00', '#2e4053'];

  function renderActiveChart(p) {
    var tab = p.get('chart') || 'hist';
    ['hist', 'persons', 'co'].forEach(function (t) {
      var on = t === tab;
      $('tab-' + t).setAttribute('aria-selected', on ? 'true' : 'false');
      $('tab-' + t).tabIndex = on ? 0 : -1;
      $('panel-' + t).hidden = !on;
    });
    if (tab === 'persons') personsOverTime(p);
    if (tab === 'co') coMentions(p);
  }

  function personsOverTime(p) {
    var box = clear($('persons-chart'));
    destroy('persons');
    var iv = interval(p);
    var a = filterOnly(p); a.set('interval', iv); a.set('breakdown', 'person'); a.set('breakdown_size', 5);
    box.appendChild(el('p', { 'class': 'help', text: '加载中…' }));
    getJson('/api/aggregations/dates?' + a.toString()).then(function (res) {
      clear(box);
      if (!res.ok) { box.appendChild(el('p', { 'class': 'error', text: problemText(res) })); return; }
      var buckets = res.body.buckets || [];
      var totals = {};
      buckets.forEach(function (b) { (b.persons || []).forEach(function (c) { totals[c.value] = (totals[c.value] || 0) + c.count; }); });
      var names = Object.keys(totals).sort(function (x, y) { return totals[y] - totals[x]; }).slice(0, 6);
      if (!buckets.length || !names.length || typeof uPlot === 'undefined') {
        box.appendChild(el('p', { 'class': 'help', text: '这些结果里没有识别出人物' }));
        return;
      }
      var xs = buckets.map(function (b) { return secondsOf(b.date); });
      var data = [xs].concat(names.map(function (n) {
        return buckets.map(function (b) { var c = (b.persons || []).filter(function (x) { return x.value === n; })[0]; return c ? c.count : 0; });
      }));
      box.appendChild(el('p', { 'class': 'sr-only', text: '折线图：主要人物被提及的段落数，' + names.map(function (n) { return n + ' 共 ' + totals[n] + ' 段'; }).join('，') }));
      charts.persons = new uPlot({
        width: chartWidth(box), height: 220, padding: [8, 36, 0, 0],
        tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); },
        scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(1, max * 1.1)]; } } },
        cursor: { drag: { x: false, y: false } },
        series: [{ label: '时间', value: function (u, v) { return v == null ? '—' : dateLabel(v, iv); } }].concat(names.map(function (n, i) {
          return { label: n, stroke: PALETTE[i % PALETTE.length], width: 2, points: { show: true, size: 5 } };
        })),
        axes: [xAxis(iv), { label: '段落数', size: 50 }]
      }, padded(data, iv), box);
      fitCharts();
      box.appendChild(el('p', { 'class': 'help', text: '每个时间段内提及最多的人物（每段前 5 位）；点击图例可隐藏某条线' }));
      var links = el('p', { 'class': 'tags' }, names.map(function (n) {
        var t = withFilter(state(), 'person', n);
        return el('a', { 'class': 'tag', href: href(t), on: { click: function (e) { e.preventDefault(); go(t); } } }, ['筛选 ' + n]);
      }));
      box.appendChild(links);
    });
  }

  function coMentions(p) {
    var box = clear($('co-mentions'));
    var a = filterOnly(p); a.set('size', 10); a.set('co_size', 10);
    box.appendChild(el('p', { 'class': 'help', text: '加载中…' }));
    getJson('/api/aggregations/persons?' + a.toString()).then(function (res) {
      clear(box);
      if (!res.ok) { box.appendChild(el('p', { 'class': 'error', text: problemText(res) })); return; }
      var persons = res.body.persons || [];
      if (!persons.length) { box.appendChild(el('p', { 'class': 'help', text: '这些结果里没有识别出人物' })); return; }
      var names = persons.map(function (x) { return x.name; });
      var max = 1;
      persons.forEach(function (x) { (x.co_mentioned || []).forEach(function (c) { max = Math.max(max, c.count); }); });
      var head = el('tr', {}, [el('th', { scope: 'col', text: '人物' }), el('th', { scope: 'col', text: '段落' })].concat(names.map(function (n) {
        return el('th', { scope: 'col', 'class': 'rot' }, [el('span', { text: n })]);
      })));
      var body = persons.map(function (x) {
        var co = {};
        (x.co_mentioned || []).forEach(function (c) { co[c.value] = c.count; });
        var t = withFilter(state(), 'person', x.name);
        return el('tr', {}, [
          el('th', { scope: 'row' }, [el('a', { href: href(t), title: '筛选人物：' + x.name, on: { click: function (e) { e.preventDefault(); go(t); } } }, [x.name])]),
          el('td', { 'class': 'num', text: fmt(x.count) })
        ].concat(names.map(function (n) {
          var c = n === x.name ? null : co[n];
          var cell = el('td', { 'class': 'num cell' + (c ? '' : ' empty'), text: c ? String(c) : '', title: c ? x.name + ' 与 ' + n + ' 同段出现 ' + c + ' 次' : null });
          if (c) { var alpha = 0.12 + 0.7 * c / max; cell.style.background = 'rgba(31,95,191,' + alpha.toFixed(2) + ')'; if (alpha > 0.5) cell.style.color = '#fff'; }
          return cell;
        })));
      });
      box.appendChild(el('div', { 'class': 'scroll' }, [el('table', { 'class': 'co' }, [
        el('caption', { text: '共同提及：两人在同一段落中出现的段落数（行：人物及其段落数；颜色越深越多）' }),
        el('thead', {}, [head]), el('tbody', {}, body)])]));
    });
  }

  // ---- article view -------------------------------------------------------------------------

  function showArticle(p) {
    var mine = ++seq;
    var id = p.get('article');
    $('results-view').hidden = true;
    $('article-view').hidden = false;
    renderChips(new URLSearchParams());
    var box = clear($('article'));
    box.appendChild(el('p', { 'class': 'help', text: '加载文章…' }));
    getJson('/api/articles/' + encodeURIComponent(id)).then(function (res) {
      if (mine !== seq) return;
      clear(box);
      var back = new URLSearchParams(p.toString()); back['delete']('article'); back['delete']('para');
      box.appendChild(el('nav', { 'aria-label': '文章导航' }, [el('a', { href: href(back), 'class': 'back',
        on: { click: function (e) { e.preventDefault(); go(back, true); } } }, ['← 返回检索结果'])]));
      if (!res.ok) { box.appendChild(el('p', { 'class': 'error', text: problemText(res) })); ready(); return; }
      renderArticle(res.body, p, box);
      ready();
    })['catch'](function () {
      if (mine !== seq) return;
      box.appendChild(el('p', { 'class': 'error', text: '服务暂时不可用，请稍后再试' }));
      ready();
    });
  }

  function renderArticle(a, p, box) {
    var hitIds = {};
    if (lastResult) (lastResult.hits || []).forEach(function (h) { if (h.article_id === a.article_id) hitIds[h.id] = true; });
    if (a.kicker) box.appendChild(el('p', { 'class': 'kicker', text: a.kicker }));
    box.appendChild(el('h2', { id: 'article-title', text: a.title || '（无标题）' }));
    if (a.subtitle) box.appendChild(el('p', { 'class': 'subtitle', text: a.subtitle }));
    function links(key, names) {
      return names.map(function (n, i) {
        var t = withFilter(p, key, n);
        return (i ? ['、'] : []).concat([el('a', { href: href(t), title: '筛选' + LABEL[key] + '：' + n, on: { click: function (e) { e.preventDefault(); go(t); } } }, [n])]);
      }).reduce(function (x, y) { return x.concat(y); }, []);
    }
    var rows = [
      ['日期', [a.date || '日期不详']],
      ['来源', [a.source || '不详']],
      ['记者/作者', (a.reporters || []).length ? links('reporter', a.reporters) : ['不详']],
      ['人物', (a.persons || []).length ? links('person', a.persons) : ['无']],
      ['地点', (a.places || []).length ? links('place', a.places) : null],
      ['机构', (a.organizations || []).length ? links('org', a.organizations) : null],
      ['电头', a.dateline_place ? [a.dateline_place] : null],
      ['版次', a.edition ? [a.edition] : null],
      ['文件', [a.file]]
    ].filter(function (r) { return r[1] && r[1][0]; });
    box.appendChild(el('dl', { 'class': 'article-meta' }, rows.map(function (r) {
      return [el('dt', { text: r[0] }), el('dd', {}, r[1])];
    }).reduce(function (x, y) { return x.concat(y); }, [])));
    var words = queryWords(p.get('q') || '');
    var target = p.get('para');
    var ol = el('ol', { 'class': 'article-paras', 'aria-labelledby': 'article-title' });
    var focus = null;
    (a.paragraphs || []).forEach(function (x) {
      var isHit = hitIds[x.id] || x.id === target;
      var li = el('li', { id: 'para-' + x.id, value: x.paragraph, 'class': (isHit ? 'hit' : '') + (x.id === target ? ' current' : ''), tabindex: x.id === target ? '-1' : null });
      if (isHit) li.appendChild(el('span', { 'class': 'badge', text: x.id === target ? '所点段落' : '命中' }));
      li.appendChild(marked(x.text || '', words));
      ol.appendChild(li);
      if (x.id === target) focus = li;
    });
    box.appendChild(ol);
    window.scrollTo(0, 0);
    if (focus) {
      // keep the title in view when the paragraph is already on the first screen
      var r = focus.getBoundingClientRect();
      if (r.bottom > window.innerHeight) focus.scrollIntoView({ block: 'center' });
      focus.focus({ preventScroll: true });
    } else {
      $('article').focus();
    }
  }

  /** The query's plain words (operators and exclusions dropped), to mark them in the article's text. */
  function queryWords(q) {
    var out = [];
    q.replace(/"([^"]+)"|(\S+)/g, function (m, phrase, word) {
      var w = phrase || word;
      if (!w || /^(AND|OR|NOT)$/.test(w) || w.charAt(0) === '-') return m;
      w = w.replace(/[()"]/g, '');
      if (w) out.push(w);
      return m;
    });
    return out;
  }
  function marked(text, words) {
    var p = el('p');
    if (!words.length) { p.textContent = text; return p; }
    var lower = text.toLowerCase();
    var i = 0;
    while (i < text.length) {
      var best = -1, len = 0;
      words.forEach(function (w) {
        var at = lower.indexOf(w.toLowerCase(), i);
        if (at >= 0 && (best < 0 || at < best || (at === best && w.length > len))) { best = at; len = w.length; }
      });
      if (best < 0) { p.appendChild(document.createTextNode(text.slice(i))); break; }
      if (best > i) p.appendChild(document.createTextNode(text.slice(i, best)));
      p.appendChild(el('mark', { text: text.slice(best, best + len) }));
      i = best + len;
    }
    return p;
  }

  // ---- search-box suggestions ---------------------------------------------------------------

  var timer = null, active = -1;
  function closeSuggest() { $('suggest').hidden = true; $('q').setAttribute('aria-expanded', 'false'); $('q').removeAttribute('aria-activedescendant'); }
  function suggest() {
    var v = $('q').value.trim();
    var list = $('suggest');
    var last = v.split(/\s+/).pop().replace(/^-/, '');
    if (!last) { closeSuggest(); return; }
    getJson('/api/suggest?size=8&q=' + encodeURIComponent(last)).then(function (res) {
      var s = res.ok ? res.body.suggestions || [] : [];
      clear(list);
      active = -1;
      s.forEach(function (item, i) {
        var li = el('li', { role: 'option', id: 'suggest-' + i, 'aria-selected': 'false' }, [item.text,
          el('span', { 'class': 'kind', text: (item.type === 'person' ? '人物' : '词语') + (item.count ? ' · ' + item.count : '') })]);
        li.addEventListener('mousedown', function (e) { e.preventDefault(); pick(item); });
        list.appendChild(li);
      });
      list.hidden = !s.length;
      $('q').setAttribute('aria-expanded', s.length ? 'true' : 'false');
    });
  }
  function fromForm() {
    var p = state();
    ['article', 'para'].forEach(function (k) { p['delete'](k); });
    var v = $('q').value.trim();
    if (v) p.set('q', v); else p['delete']('q');
    p.set('sort', $('sort').value);
    if (p.get('sort') === 'relevance') p['delete']('sort');
    if ($('collapse').checked) p['delete']('collapse'); else p.set('collapse', 'false');
    return p;
  }
  function pick(item) {
    closeSuggest();
    if (item.type === 'person') {
      var words = $('q').value.trim().split(/\s+/);
      words.pop();
      $('q').value = words.join(' ');
      go(withFilter(fromForm(), 'person', item.text));
    } else {
      var parts = $('q').value.trim().split(/\s+/);
      parts[parts.length - 1] = item.text;
      $('q').value = parts.join(' ');
      go(fromForm());
    }
  }

  // ---- wiring -------------------------------------------------------------------------------

  $('q').addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(suggest, 120); });
  $('q').addEventListener('blur', closeSuggest);
  $('q').addEventListener('keydown', function (e) {
    var items = $('suggest').querySelectorAll('li');
    if ($('suggest').hidden || !items.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items.forEach(function (li, i) { li.classList.toggle('active', i === active); li.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
      $('q').setAttribute('aria-activedescendant', items[active].id);
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      items[active].dispatchEvent(new MouseEvent('mousedown'));
    } else if (e.key === 'Escape') {
      closeSuggest();
    }
  });
  $('search-form').addEventListener('submit', function (e) { e.preventDefault(); closeSuggest(); go(fromForm()); });
  ['sort', 'collapse'].forEach(function (id) { $(id).addEventListener('change', function () { go(fromForm()); }); });
  ['date_from', 'date_to'].forEach(function (id) {
    $(id).addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); applyDates(); } });
    $(id).addEventListener('change', applyDates);
  });
  $('interval').addEventListener('change', function () { var q = state(); q.set('interval', $('interval').value); go(q, true); });
  $('facets-toggle').addEventListener('click', function () {
    showFilters($('facets-toggle').getAttribute('aria-expanded') !== 'true');
  });
  var tabs = ['hist', 'persons', 'co'];
  tabs.forEach(function (t, i) {
    $('tab-' + t).addEventListener('click', function () {
      var q = state();
      if (t === 'hist') q['delete']('chart'); else q.set('chart', t);
      history.replaceState(null, '', href(q));
      renderActiveChart(q);
    });
    $('tab-' + t).addEventListener('keydown', function (e) {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      var next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      $('tab-' + next).focus();
      $('tab-' + next).click();
    });
  });
  var resizeTimer = null;
  window.addEventListener('resize', function () { clearTimeout(resizeTimer); resizeTimer = setTimeout(fitCharts, 150); });
  window.addEventListener('popstate', run);

  // the archive's last date, for the presets ("last month" of a 2020 archive means 2020)
  getJson('/api/search?size=1&facet_size=1&sort=date_desc').then(function (res) {
    if (res.ok && res.body.hits && res.body.hits[0] && res.body.hits[0].date) {
      latestDate = res.body.hits[0].date;
      if (!state().get('article')) renderPresets(state());
    }
  }).then(null, function () { /* presets stay at "all dates" */ });
  run();
})();
