// The live dashboard of `cascade serve`: talks only to the API in docs/api.md.
(function () {
  'use strict';
  var consoleErrors = [];
  window.addEventListener('error', function (e) { consoleErrors.push(String(e.message)); mark(); });
  var origError = console.error;
  console.error = function () {
    consoleErrors.push(Array.prototype.join.call(arguments, ' '));
    mark();
    origError.apply(console, arguments);
  };

  var token = new URLSearchParams(location.search).get('token');
  var $ = function (id) { return document.getElementById(id); };
  var scenarios = [];
  var main = null;     // {id, scenario, seed, without, snapshots: [], source}
  var whatIf = null;
  var charts = {};
  var sseErrors = 0;
  var lastAction = '';

  function withToken(url) {
    return token ? url + (url.indexOf('?') < 0 ? '?' : '&') + 'token=' + encodeURIComponent(token) : url;
  }

  function api(method, path, body) {
    var opts = { method: method, headers: {} };
    if (token) { opts.headers.Authorization = 'Bearer ' + token; }
    if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    return fetch(path, opts).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { throw new Error(j.error + (j.field ? ' (' + j.field + ')' : '')); }
        return j;
      });
    });
  }

  function showError(e) { $('error').textContent = e ? String(e.message || e) : ''; }

  function mark() {
    var h = document.documentElement;
    h.setAttribute('data-console-errors', JSON.stringify(consoleErrors));
    var last = main && main.snapshots.length ? main.snapshots[main.snapshots.length - 1] : null;
    h.setAttribute('data-run-id', main ? main.id : '');
    h.setAttribute('data-state', last ? last.state : '');
    h.setAttribute('data-sim-time', last ? String(last.timeNanos) : '');
    h.setAttribute('data-snapshots', main ? String(main.snapshots.length) : '0');
    h.setAttribute('data-whatif-points', whatIf ? String(whatIf.snapshots.length) : '0');
    h.setAttribute('data-whatif-label', whatIf ? whatIf.label : '');
    h.setAttribute('data-sse-errors', String(sseErrors));
    h.setAttribute('data-last-action', lastAction);
  }

  function chart(id) {
    var c = echarts.init($(id));
    c.setOption({
      animation: false,
      grid: { left: 60, right: 50, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', scale: true },
      series: []
    });
    return c;
  }

  function initCharts() {
    charts.prices = chart('chart-prices');
    charts.flow = chart('chart-flow');
    charts.margin = chart('chart-margin');
    charts.dealers = chart('chart-dealers');
    charts.dealers.setOption({ yAxis: [{ type: 'value', scale: true, name: 'index' },
      { type: 'value', scale: true, name: 'gamma $/1%' }] });
    window.addEventListener('resize', function () {
      Object.keys(charts).forEach(function (k) { charts[k].resize(); });
    });
  }

  function ms(s) { return s.timeNanos / 1e6; }

  function priceSeries(run, dashed) {
    var out = {};
    var base = {};
    run.snapshots.forEach(function (s) {
      s.instruments.forEach(function (i) {
        if (i.last == null) { return; }
        if (base[i.symbol] == null) { base[i.symbol] = i.last; }
        (out[i.symbol] = out[i.symbol] || []).push([ms(s), 100 * (i.last / base[i.symbol] - 1)]);
      });
    });
    return Object.keys(out).map(function (sym) {
      return { name: dashed ? sym + ' ' + run.label : sym, type: 'line', showSymbol: false,
        data: out[sym], lineStyle: dashed ? { type: 'dashed' } : {} };
    });
  }

  function redraw() {
    if (!main) { return; }
    var snaps = main.snapshots;
    var series = priceSeries(main, false);
    if (whatIf) { series = series.concat(priceSeries(whatIf, true)); }
    charts.prices.setOption({ series: series }, { replaceMerge: ['series'] });

    var mechs = {};
    snaps.forEach(function (s) { Object.keys(s.forcedFlow).forEach(function (m) { mechs[m] = true; }); });
    charts.flow.setOption({ series: Object.keys(mechs).map(function (m) {
      return { name: m, type: 'line', showSymbol: false, data: snaps.map(function (s) {
        return [ms(s), s.forcedFlow[m] ? s.forcedFlow[m].sold : 0]; }) };
    }) }, { replaceMerge: ['series'] });

    charts.margin.setOption({ series: [
      { name: 'margin calls', type: 'line', showSymbol: false, step: 'end',
        data: snaps.map(function (s) { return [ms(s), s.marginCalls]; }) },
      { name: 'liquidation orders', type: 'line', showSymbol: false, step: 'end',
        data: snaps.map(function (s) { return [ms(s), s.liquidationOrders]; }) }
    ] }, { replaceMerge: ['series'] });

    var dealers = {};
    snaps.forEach(function (s) { s.dealers.forEach(function (d) { dealers[d.underlying] = true; }); });
    var ds = [];
    Object.keys(dealers).forEach(function (u) {
      var pick = function (f) {
        return snaps.map(function (s) {
          var d = s.dealers.filter(function (x) { return x.underlying === u; })[0];
          return d ? [ms(s), f(d)] : null;
        }).filter(Boolean);
      };
      ds.push({ name: u + ' VIX-style', type: 'line', showSymbol: false, data: pick(function (d) { return d.vix; }) });
      ds.push({ name: u + ' net gamma', type: 'line', showSymbol: false, yAxisIndex: 1,
        data: pick(function (d) { return d.netGammaPer1Pct; }) });
    });
    charts.dealers.setOption({ series: ds }, { replaceMerge: ['series'] });
    if (!ds.length) {
      charts.dealers.setOption({ title: { text: 'no options dealers in this scenario', left: 'center', top: 'middle',
        textStyle: { fontSize: 12, color: '#6b7385', fontWeight: 'normal' } } });
    } else {
      charts.dealers.setOption({ title: { text: '' } });
    }

    var last = snaps[snaps.length - 1];
    var ol = $('chains');
    ol.innerHTML = '';
    if (!last || !last.chains.length) {
      ol.innerHTML = '<li class="muted">none yet</li>';
    } else {
      last.chains.forEach(function (c) {
        var li = document.createElement('li');
        li.textContent = c.label + ' (' + c.time.substring(11, 19) + ', ' + c.lots + ' lots): ' +
          c.steps.map(function (st) { return st.path + ' ' + st.lots; }).join('; ');
        ol.appendChild(li);
      });
    }
  }

  function follow(run, onUpdate) {
    var src = new EventSource(withToken('/api/runs/' + run.id + '/events'));
    run.source = src;
    src.addEventListener('snapshot', function (e) {
      var s = JSON.parse(e.data);
      var n = run.snapshots.length;
      if (n === 0 || run.snapshots[n - 1].seq < s.seq) { run.snapshots.push(s); }
      onUpdate(s);
    });
    src.addEventListener('end', function (e) {
      src.close();
      run.final = JSON.parse(e.data);
      onUpdate(null);
      loadPast();
    });
    // EventSource reconnects on its own, from the last id; the count is kept for diagnosis.
    src.onerror = function () { sseErrors++; mark(); };
  }

  function controls() {
    var last = main && main.snapshots.length ? main.snapshots[main.snapshots.length - 1] : null;
    var state = main && main.final ? main.final.state : (last ? last.state : '');
    var live = state === 'running' || state === 'paused' || state === 'queued';
    $('pause').disabled = state !== 'running';
    $('resume').disabled = state !== 'paused';
    $('step').disabled = state !== 'paused';
    $('stop').disabled = !live;
    $('whatif').disabled = !main || (!$('whatif-mechanism').value && whatIfLiquidity() === 1);
    var lines = [];
    if (main) {
      lines.push('run ' + main.id + ': ' + main.scenario + ' seed ' + main.seed +
        (main.without.length ? ' without ' + main.without.join(', ') : ''));
      lines.push(state + (last ? '  ' + last.time.replace('T', ' ').substring(0, 19) + ' UTC  ' +
        (100 * last.progress).toFixed(1) + '%  ' + last.events.toLocaleString() + ' events' : ''));
      if (main.final && main.final.report) {
        lines.push('');
      }
    }
    $('status').textContent = lines.join('\n');
    if (main && main.final && main.final.report && !$('report-link')) {
      var a = document.createElement('a');
      a.id = 'report-link';
      a.href = withToken(main.final.report);
      a.target = '_blank';
      a.textContent = 'open its report';
      $('status').appendChild(a);
    }
    if (main && main.final && main.final.error) { showError(main.final.error); }
    mark();
  }

  function scenarioChanged() {
    var sc = scenarios.filter(function (s) { return s.file === $('scenario').value; })[0];
    var m = $('mechanisms');
    m.innerHTML = '';
    var w = $('whatif-mechanism');
    w.innerHTML = '';
    if (!sc) { return; }
    if (!sc.valid) {
      $('scenario-info').textContent = 'invalid: ' + (sc.errors || []).join('; ');
      $('start').disabled = true;
      return;
    }
    $('start').disabled = false;
    $('scenario-info').textContent = sc.name + ': ' + sc.start + ' to ' + sc.end;
    $('seed').value = sc.seed;
    var names = sc.mechanisms.length ? sc.mechanisms : sc.families;
    names.forEach(function (name) {
      var l = document.createElement('label');
      var c = document.createElement('input');
      c.type = 'checkbox';
      c.value = name;
      l.appendChild(c);
      l.appendChild(document.createTextNode(name));
      m.appendChild(l);
      var o = document.createElement('option');
      o.value = name;
      o.textContent = name;
      w.appendChild(o);
    });
    var none = document.createElement('option');
    none.value = '';
    none.textContent = '(none: liquidity only)';
    w.appendChild(none);
    controls();
  }

  // The what-if's liquidity factor: 1 unless a number in (0, 100] is given.
  function whatIfLiquidity() {
    var x = Number($('whatif-liquidity').value);
    return x > 0 && x <= 100 ? x : 1;
  }

  function loadScenarios() {
    return api('GET', '/api/scenarios').then(function (list) {
      scenarios = list;
      var sel = $('scenario');
      sel.innerHTML = '';
      list.forEach(function (s) {
        var o = document.createElement('option');
        o.value = s.file;
        o.textContent = s.file + (s.valid ? '' : ' (invalid)');
        sel.appendChild(o);
      });
      var want = new URLSearchParams(location.search).get('scenario');
      if (want) { sel.value = want; }
      scenarioChanged();
    });
  }

  function loadPast() {
    return api('GET', '/api/runs').then(function (r) {
      var ul = $('past');
      ul.innerHTML = '';
      if (!r.past.length) { ul.innerHTML = '<li class="muted">none in the runs directory</li>'; }
      r.past.forEach(function (p) {
        var li = document.createElement('li');
        if (p.report) {
          var a = document.createElement('a');
          a.href = withToken(p.report);
          a.target = '_blank';
          a.textContent = p.name;
          li.appendChild(a);
        } else {
          li.textContent = p.name + ' (no report)';
        }
        ul.appendChild(li);
      });
    });
  }

  function start() {
    showError(null);
    var without = Array.prototype.map.call(
      document.querySelectorAll('#mechanisms input:checked'), function (c) { return c.value; });
    var body = { scenario: $('scenario').value, seed: Number($('seed').value), without: without,
      speed: Number($('speed').value) };
    if (main && main.source) { main.source.close(); }
    if (whatIf && whatIf.source) { whatIf.source.close(); }
    whatIf = null;
    $('whatif-status').textContent = '';
    var old = $('report-link');
    if (old) { old.remove(); }
    api('POST', '/api/runs', body).then(function (r) {
      main = { id: r.id, scenario: body.scenario, seed: body.seed, without: without, speed: body.speed,
        snapshots: [] };
      follow(main, function () { redraw(); controls(); });
      controls();
    }).catch(showError);
  }

  function act(action) {
    if (!main) { return; }
    lastAction = action + ' sent';
    api('POST', '/api/runs/' + main.id + '/' + action).then(function (st) {
      // The run acts on it at the end of its current slice: the new state comes with the next
      // snapshot, which may already be here, so the answer's state must not overwrite it.
      lastAction = action + ' ' + st.state;
      controls();
    }).catch(showError);
  }

  function runWhatIf() {
    if (!main) { return; }
    var extra = $('whatif-mechanism').value;
    var liquidity = whatIfLiquidity();
    var without = extra && main.without.indexOf(extra) < 0 ? main.without.concat([extra]) : main.without;
    var body = { scenario: main.scenario, seed: main.seed, without: without, speed: main.speed };
    if (liquidity !== 1) { body.liquidity = liquidity; }
    var label = [extra ? 'without ' + extra : '', liquidity !== 1 ? 'liquidity \u00d7' + liquidity : '']
      .filter(function (t) { return t; }).join(', ');
    if (whatIf && whatIf.source) { whatIf.source.close(); }
    api('POST', '/api/runs', body).then(function (r) {
      whatIf = { id: r.id, label: label, snapshots: [] };
      $('whatif-status').textContent = 'run ' + r.id + ': seed ' + main.seed +
        (without.length ? ' without ' + without.join(', ') : '') +
        (liquidity !== 1 ? ', liquidity providers \u00d7' + liquidity : '');
      follow(whatIf, function () { redraw(); mark(); });
    }).catch(showError);
  }

  document.addEventListener('DOMContentLoaded', function () {
    initCharts();
    $('scenario').addEventListener('change', scenarioChanged);
    $('whatif-mechanism').addEventListener('change', controls);
    $('whatif-liquidity').addEventListener('input', controls);
    $('start').addEventListener('click', start);
    $('pause').addEventListener('click', function () { act('pause'); });
    $('resume').addEventListener('click', function () { act('resume'); });
    $('step').addEventListener('click', function () { act('step'); });
    $('stop').addEventListener('click', function () { act('stop'); });
    $('whatif').addEventListener('click', runWhatIf);
    $('server').textContent = location.host;
    mark();
    Promise.all([loadScenarios(), loadPast()]).then(function () {
      document.documentElement.setAttribute('data-ready', 'true');
    }).catch(showError);
  });
})();
