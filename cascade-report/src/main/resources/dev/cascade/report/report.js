// Draws the report's charts from the JSON specs in #cascade-charts (written by
// dev.cascade.report.ReportPage). Series arrive downsampled: {t: seconds since window.__t0,
// v: values, null = break}. When every chart has rendered, sets window.__chartsReady and
// window.__chartPoints (points drawn per chart), mirrored as data-charts-ready and
// data-chart-points on <html> for readers of the DOM.
(function () {
  'use strict';
  var T0 = window.__t0;
  var specs = JSON.parse(document.getElementById('cascade-charts').textContent);
  var COLORS = ['#1f4e9c', '#d9622b', '#2a8c5a', '#8e3fa8', '#b8950a', '#1c8a9e',
                '#c23b5a', '#5b6b7c', '#6d4c2f', '#3f7f2a', '#a23f8e', '#2f5f7f'];
  var HALT = 'rgba(200, 40, 40, 0.13)';
  var FONT = '-apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  // Cause kinds: routine flow in muted tones, forced mechanisms in strong ones.
  var KIND_COLORS = {
    genesis: '#d9dde3', shock: '#2b2f36', noise: '#c3ccd7', quote: '#dde2e9',
    fundamental: '#93abc9', momentum: '#a99fcc', 'price-move': '#cfcfcf',
    hedge: '#1c8a9e', rebalance: '#c9a100', 'margin-call': '#e07b2a', liquidation: '#b3261e',
    adl: '#6d1a36', stop: '#8e3fa8', redemption: '#2a8c5a'
  };
  function kindColor(k, i) { return KIND_COLORS[k] || COLORS[i % COLORS.length]; }
  function money(v) { return '$' + compact(Math.abs(v)); }
  var charts = [];
  var points = {};
  var pending = specs.length;

  // How a time maps onto the x axis of the chart being built. TIME: a time axis, in epoch ms.
  // A multi-day chart (spec.collapse) gets a category axis over the minutes something traded
  // instead (collapsed(spec)), so each session takes the width and closed hours take none.
  var TIME = {
    categories: null,
    at: function (ms) { return ms; }, after: function (ms) { return ms; },
    before: function (ms) { return ms; }, separators: []
  };
  var X = TIME;

  function stamp(ms) { return echarts.format.formatTime('yyyy-MM-dd hh:mm', ms, true); }

  function collapsed(spec) {
    var sets = spec.series
      ? spec.series.filter(function (s) { return !s.clock; }).map(function (s) { return s.data; })
      : [spec.price, spec.volume, spec.spread, spec.bid, spec.ask];
    var seen = {}, ts = [];
    sets.forEach(function (d) {
      if (!d) return;
      for (var i = 0; i < d.t.length; i++) {
        var ms = T0 + d.t[i] * 1000;
        if (d.v[i] !== null && !seen[ms]) { seen[ms] = true; ts.push(ms); }
      }
    });
    if (ts.length < 2) return TIME;
    ts.sort(function (a, b) { return a - b; });
    var steps = [];
    for (var i = 1; i < ts.length; i++) steps.push(ts[i] - ts[i - 1]);
    steps.sort(function (a, b) { return a - b; });
    var step = steps[steps.length >> 1];
    // The last category at or before ms, -1 before the first.
    function floor(ms) {
      var lo = 0, hi = ts.length - 1;
      if (ms < ts[0]) return -1;
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (ts[mid] <= ms) lo = mid; else hi = mid - 1;
      }
      return lo;
    }
    // Sessions start after a pause of more than 30 minutes; around the clock, days at midnight.
    var seps = [];
    for (var k = 1; k < ts.length; k++) {
      if (ts[k] - ts[k - 1] > 30 * 60000) seps.push(k);
    }
    if (!seps.length) {
      for (var j = 1; j < ts.length; j++) {
        if (Math.floor(ts[j] / 864e5) !== Math.floor(ts[j - 1] / 864e5)) seps.push(j);
      }
    }
    return {
      categories: ts.map(stamp),
      // A point: its category, or the one it falls in within a session; null in closed hours.
      at: function (ms) {
        var f = floor(ms);
        if (f < 0) return null;
        return ts[f] === ms || ms - ts[f] <= 5 * step ? f : null;
      },
      // A mark (shock, halt start): the first category at or after it.
      after: function (ms) {
        var f = floor(ms);
        return f >= 0 && ts[f] === ms ? f : Math.min(f + 1, ts.length - 1);
      },
      // A halt's end: the last category before it.
      before: function (ms) { return Math.max(0, floor(ms)); },
      separators: seps
    };
  }

  function series(d, scale) {
    var out = [];
    for (var i = 0; i < d.t.length; i++) {
      var v = d.v[i];
      var ms = T0 + d.t[i] * 1000;
      var x = v === null && X.categories ? X.before(ms) : X.at(ms);
      if (x === null) continue;
      out.push([x, v === null ? '-' : scale ? v * scale : v]);
    }
    return out;
  }

  // Day separators of a collapsed axis, labelled with the session's date.
  function separatorMarks(labelled) {
    return X.separators.map(function (k) {
      return {
        xAxis: k, name: X.categories[k].slice(5, 10),
        lineStyle: { type: 'solid', color: '#9aa5b1', width: 1 },
        label: { show: !!labelled, position: 'insideStartTop', color: '#5a6677', fontSize: 10,
                 formatter: function (p) { return p.name; } },
        emphasis: { disabled: true }
      };
    });
  }

  function first(d) {
    for (var i = 0; i < d.v.length; i++) {
      if (d.v[i] !== null && d.v[i] !== 0) return d.v[i];
    }
    return 1;
  }

  function compact(v) {
    var a = Math.abs(v);
    if (a >= 1e9) return +(v / 1e9).toFixed(1) + 'B';
    if (a >= 1e6) return +(v / 1e6).toFixed(1) + 'M';
    if (a >= 1e4) return +(v / 1e3).toFixed(1) + 'K';
    return String(+v.toFixed(4));
  }

  // Halts as shaded spans; the same span of several instruments (a market-wide halt) is drawn once.
  function haltAreas(halts, unlabelled) {
    if (!halts || !halts.length) return undefined;
    var seen = {};
    halts = halts.filter(function (h) {
      var k = h.from + '/' + h.to;
      return seen[k] ? false : (seen[k] = true);
    });
    return {
      silent: true,
      itemStyle: { color: HALT },
      label: { show: !unlabelled, position: 'insideTop', color: '#a02828', fontSize: 10, formatter: 'halt' },
      data: halts.map(function (h) {
        return [{ xAxis: X.after(T0 + h.from * 1000), name: h.label },
                { xAxis: X.before(T0 + h.to * 1000) }];
      }).filter(function (a) { return a[0].xAxis <= a[1].xAxis; })
    };
  }

  // The scenario's shocks as vertical marks; the label shows when the mark is hovered.
  function shockMarks(shocks) {
    return (shocks || []).map(function (k) {
      return {
        xAxis: X.after(T0 + k.at * 1000), name: stamp(T0 + k.at * 1000) + ' UTC: ' + k.label,
        lineStyle: { type: 'dotted', color: '#2b2f36', width: 1.4 },
        label: { show: false },
        emphasis: { lineStyle: { width: 2.2 }, label: {
          show: true, position: 'insideEndTop', color: '#1a2433', fontSize: 11,
          backgroundColor: 'rgba(255, 255, 255, 0.9)', padding: [2, 4],
          formatter: function (p) { return 'shock: ' + p.name; } } }
      };
    });
  }

  // Levels (horizontal, labelled), shocks (vertical, labelled on hover) and the day separators of
  // a collapsed axis on one series.
  function marks(levels, shocks, unlabelled) {
    var data = (levels || []).map(function (l) {
      return { yAxis: l.price, name: l.name, emphasis: { disabled: true } };
    }).concat(shockMarks(shocks)).concat(separatorMarks(!unlabelled));
    if (!data.length) return undefined;
    return {
      symbol: 'none', animation: false,
      lineStyle: { type: 'dashed', color: '#8e3fa8', width: 1 },
      label: { position: 'insideEndTop', color: '#6b2f80', fontSize: 10,
               formatter: function (p) { return p.name + ' ' + p.value.toFixed(2); } },
      data: data
    };
  }

  function timeAxis(grid, labelled) {
    if (X.categories) {
      var seps = {};
      X.separators.forEach(function (k) { seps[k] = true; });
      return {
        type: 'category', gridIndex: grid, data: X.categories, boundaryGap: false,
        name: labelled ? 'time (UTC), trading minutes only' : '', nameLocation: 'middle', nameGap: 24,
        nameTextStyle: { color: '#555' },
        axisLabel: {
          show: labelled, hideOverlap: true, color: '#444',
          formatter: function (v, i) { return seps[i] || i === 0 ? v.slice(5, 10) + ' ' + v.slice(11) : v.slice(11); }
        },
        axisTick: { show: labelled, alignWithLabel: true },
        splitLine: { show: false }
      };
    }
    return {
      type: 'time', gridIndex: grid,
      name: labelled ? 'time (UTC)' : '', nameLocation: 'middle', nameGap: 24,
      nameTextStyle: { color: '#555' },
      axisLabel: {
        show: labelled, hideOverlap: true, color: '#444',
        formatter: { year: '{yyyy}', month: '{MMM} {yyyy}', day: '{d} {MMM}', hour: '{HH}:{mm}',
                     minute: '{HH}:{mm}', second: '{HH}:{mm}:{ss}', millisecond: '{HH}:{mm}:{ss}' }
      },
      axisTick: { show: labelled },
      splitLine: { show: false }
    };
  }

  function valueAxis(grid, name, opts) {
    var a = {
      type: 'value', gridIndex: grid, name: name, nameLocation: 'middle', nameGap: 46,
      nameTextStyle: { color: '#555' }, scale: true,
      axisLabel: { formatter: compact, color: '#444' },
      splitLine: { lineStyle: { color: '#eceff3' } }
    };
    for (var k in opts || {}) a[k] = opts[k];
    return a;
  }

  function base(spec) {
    return {
      animation: false,
      useUTC: true,
      color: COLORS,
      textStyle: { fontFamily: FONT },
      title: { text: spec.title, left: 6, top: 2, textStyle: { fontSize: 13, fontWeight: 600, color: '#1a2433' } },
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'line' }, confine: true,
        valueFormatter: function (v) { return typeof v === 'number' ? compact(v) : v; }
      },
      dataZoom: [{ type: 'inside', xAxisIndex: 'all', filterMode: 'none' }],
      toolbox: toolbox(spec, true)
    };
  }

  // Top right of every chart: box zoom along time and back (charts with a zoomable axis), and
  // saving the chart as a PNG named after it.
  function toolbox(spec, zoom) {
    var feature = {};
    if (zoom) {
      feature.dataZoom = { yAxisIndex: 'none', title: { zoom: 'Zoom to a span', back: 'Undo zoom' } };
      feature.restore = { title: 'Reset' };
    }
    feature.saveAsImage = { title: 'Save as PNG', name: 'cascade-' + spec.id, pixelRatio: 2 };
    return { right: 6, top: 2, itemSize: 13, itemGap: 6, feature: feature,
             iconStyle: { borderColor: '#5a6677' } };
  }

  var kinds = {
    // Several series on one value axis; spec: yName, normalise, series [{name, data}], halts.
    lines: function (spec) {
      var o = base(spec);
      o.legend = { type: 'scroll', top: 2, right: 104, width: '50%', textStyle: { fontSize: 11 } };
      o.grid = [{ left: 64, right: 20, top: 36, bottom: 46 }];
      o.xAxis = [timeAxis(0, true)];
      o.yAxis = [valueAxis(0, spec.yName)];
      o.series = spec.series.map(function (s, i) {
        return {
          type: 'line', name: s.name, showSymbol: !!spec.symbols, symbolSize: 3, sampling: undefined,
          lineStyle: { width: 1.4 },
          data: series(s.data, spec.normalise ? 100 / first(s.data) : 0),
          markArea: i === 0 ? haltAreas(spec.halts) : undefined,
          markLine: i === 0 ? marks([], spec.shocks) : undefined
        };
      });
      return o;
    },
    // Price above, volume per minute below, one time axis; spec: price, volume, halts.
    priceVolume: function (spec) {
      var o = base(spec);
      o.grid = [{ left: 64, right: 16, top: 34, height: '52%' }, { left: 64, right: 16, top: '73%', bottom: 46 }];
      o.xAxis = [timeAxis(0, false), timeAxis(1, true)];
      var levels = spec.levels || [];
      // Levels near the traded range widen the price axis (to a round step) so their lines show;
      // levels further than 3% from it are not drawn.
      var vals = spec.price.v.filter(function (v) { return v !== null; });
      var lo = Math.min.apply(null, vals), hi = Math.max.apply(null, vals);
      levels = levels.filter(function (l) { return l.price >= lo - 0.03 * hi && l.price <= hi * 1.03; });
      var extent = {};
      var all = [lo, hi].concat(levels.map(function (l) { return l.price; }));
      var nlo = Math.min.apply(null, all), nhi = Math.max.apply(null, all);
      if (nlo < lo || nhi > hi) {
        var step = Math.pow(10, Math.floor(Math.log10(Math.max(nhi - nlo, 1e-9) / 4)));
        extent = { min: Math.floor(nlo / step) * step, max: Math.ceil(nhi / step) * step };
      }
      o.yAxis = [
        valueAxis(0, 'price ($)', extent),
        valueAxis(1, 'lots / min', { scale: false, splitNumber: 2 })
      ];
      o.axisPointer = { link: [{ xAxisIndex: 'all' }] };
      o.series = [
        { type: 'line', name: 'close', xAxisIndex: 0, yAxisIndex: 0, showSymbol: false,
          lineStyle: { width: 1.4, color: COLORS[0] }, itemStyle: { color: COLORS[0] },
          data: series(spec.price), markArea: haltAreas(spec.halts),
          markLine: marks(levels, spec.shocks) },
        { type: 'bar', name: 'volume', xAxisIndex: 1, yAxisIndex: 1, large: true,
          barMaxWidth: 3, itemStyle: { color: '#8a9bb0' }, data: series(spec.volume),
          markLine: marks([], [], true) }
      ];
      return o;
    },
    // Quoted spread above; depth below, bid side up and ask side down from zero, so a book that
    // drains on both sides shows as the band closing in. spec: spread, bid, ask, halts.
    liquidity: function (spec) {
      var o = base(spec);
      o.legend = { top: 2, right: 104, textStyle: { fontSize: 11 }, data: ['spread', 'bid depth', 'ask depth'] };
      o.grid = [{ left: 64, right: 16, top: 34, height: '30%' }, { left: 64, right: 16, top: '50%', bottom: 46 }];
      o.xAxis = [timeAxis(0, false), timeAxis(1, true)];
      o.yAxis = [
        valueAxis(0, 'spread (bps)', { min: 0, splitNumber: 3 }),
        valueAxis(1, 'lots (bid ↑ ask ↓)', {
          scale: false, axisLabel: { color: '#444', formatter: function (v) { return compact(Math.abs(v)); } }
        })
      ];
      o.axisPointer = { link: [{ xAxisIndex: 'all' }] };
      o.tooltip.valueFormatter = function (v) { return typeof v === 'number' ? compact(Math.abs(v)) : v; };
      o.series = [
        { type: 'line', name: 'spread', xAxisIndex: 0, yAxisIndex: 0, showSymbol: false,
          lineStyle: { width: 0.8, color: '#c0392b' }, itemStyle: { color: '#c0392b' },
          areaStyle: { color: 'rgba(192, 57, 43, 0.18)' },
          data: series(spec.spread), markArea: haltAreas(spec.halts), markLine: marks([], []) },
        { type: 'line', name: 'bid depth', xAxisIndex: 1, yAxisIndex: 1, showSymbol: false,
          lineStyle: { width: 0.8, color: '#2a8c5a' }, itemStyle: { color: '#2a8c5a' },
          areaStyle: { color: 'rgba(42, 140, 90, 0.22)' },
          data: series(spec.bid), markArea: haltAreas(spec.halts, true), markLine: marks([], [], true) },
        { type: 'line', name: 'ask depth', xAxisIndex: 1, yAxisIndex: 1, showSymbol: false,
          lineStyle: { width: 0.8, color: '#d9622b' }, itemStyle: { color: '#d9622b' },
          areaStyle: { color: 'rgba(217, 98, 43, 0.22)' },
          data: series(spec.ask, -1) }
      ];
      return o;
    }
  };

  kinds.flow = function (spec) {
    // Stacked bars per time bucket: each kind's aggressive sells up, its buys mirrored down.
    // spec: t (bucket starts, s since T0), yName, series [{name, forced, sold, bought}].
    var o = base(spec);
    var list = spec.series.slice().sort(function (a, b) { return (a.forced ? 1 : 0) - (b.forced ? 1 : 0); });
    o.legend = { type: 'scroll', top: 2, right: 104, width: '45%', textStyle: { fontSize: 11 },
                 data: list.map(function (s) { return s.name; }) };
    o.grid = [{ left: 70, right: 20, top: 40, bottom: 46 }];
    o.xAxis = [timeAxis(0, true)];
    o.xAxis[0].axisLine = { onZero: false };
    o.yAxis = [valueAxis(0, spec.yName, {
      scale: false, nameGap: 52,
      axisLabel: { color: '#444', formatter: function (v) { return money(v); } }
    })];
    o.tooltip.formatter = function (ps) {
      if (!ps.length) return '';
      var head = echarts.format.formatTime('yyyy-MM-dd hh:mm', ps[0].value[0], true) + ' UTC';
      var rows = ps.filter(function (p) { return p.value[1] !== 0; }).map(function (p) {
        return p.marker + p.seriesName + (p.value[1] < 0 ? ' buys ' : ' sells ') + money(p.value[1]);
      });
      return [head].concat(rows.length ? rows : ['no aggressive trades']).join('<br>');
    };
    o.series = [];
    list.forEach(function (s, i) {
      var color = kindColor(s.name, i);
      ['sold', 'bought'].forEach(function (side) {
        var data = new Array(spec.t.length);
        for (var k = 0; k < spec.t.length; k++) {
          var v = s[side][k];
          data[k] = [T0 + spec.t[k] * 1000, side === 'sold' ? v : -v];
        }
        o.series.push({
          type: 'bar', name: s.name, stack: side, data: data, large: false,
          barCategoryGap: '8%', itemStyle: { color: color }, emphasis: { focus: 'series' }
        });
      });
    });
    return o;
  };

  kinds.gex = function (spec) {
    // Dealer net GEX against price, start and end; flips and spots as vertical lines.
    // spec: series [{name: start|end, data: [[price, gex]]}], marks [{name, price}].
    var o = base(spec);
    o.tooltip = { trigger: 'axis', confine: true, valueFormatter: function (v) { return typeof v === 'number' ? money(v) + (v < 0 ? ' short' : ' long') : v; } };
    o.dataZoom = [{ type: 'inside', xAxisIndex: 0, filterMode: 'none' }];
    o.grid = [{ left: 70, right: 20, top: 56, bottom: 46 }];
    o.xAxis = [{ type: 'value', scale: true, name: 'underlying price ($)', nameLocation: 'middle', nameGap: 24,
                 nameTextStyle: { color: '#555' }, axisLine: { onZero: false },
                 axisLabel: { color: '#444' }, splitLine: { show: false } }];
    o.yAxis = [valueAxis(0, 'net GEX ($ per 1% move)', { scale: false, nameGap: 52,
      axisLabel: { color: '#444', formatter: function (v) { return (v < 0 ? '-' : '') + money(v); } } })];
    var style = {
      start: { color: '#8a9bb0', type: 'dashed' }, end: { color: '#1f4e9c', type: 'solid' },
      'flip start': { color: '#e08a8a', type: 'dashed' }, 'flip end': { color: '#b3261e', type: 'solid' },
      'spot start': { color: '#9aa5b1', type: 'dotted' }, 'spot end': { color: '#2b2f36', type: 'dotted' }
    };
    o.series = spec.series.map(function (s, i) {
      var st = style[s.name] || { color: COLORS[i], type: 'solid' };
      return {
        type: 'line', name: 'GEX ' + s.name, showSymbol: false, data: s.data,
        lineStyle: { width: 1.6, color: st.color, type: st.type }, itemStyle: { color: st.color },
        markLine: i === 0 ? { silent: true, symbol: 'none', label: { show: false },
                              lineStyle: { color: '#555', width: 0.8, type: 'solid' }, data: [{ yAxis: 0 }] } : undefined
      };
    });
    (spec.marks || []).forEach(function (m) {
      var st = style[m.name] || { color: '#555', type: 'dashed' };
      o.series.push({
        type: 'line', name: m.name + ' ' + m.price.toFixed(2), data: [], itemStyle: { color: st.color },
        lineStyle: { color: st.color, type: st.type },
        markLine: { silent: true, symbol: 'none', label: { show: false },
                    lineStyle: { color: st.color, type: st.type, width: 1.2 }, data: [{ xAxis: m.price }] }
      });
    });
    o.legend = { top: 24, left: 6, right: 8, textStyle: { fontSize: 11 }, itemWidth: 18,
                 data: o.series.map(function (s) { return s.name; }) };
    return o;
  };

  kinds.sankey = function (spec) {
    // Cause kinds by depth; links weighted by aggressive notional. spec: nodes, links, unit.
    var o = base(spec);
    delete o.dataZoom;
    o.toolbox = toolbox(spec, false);
    o.tooltip = {
      trigger: 'item', confine: true,
      formatter: function (p) {
        if (p.dataType === 'edge') {
          return p.data.source.replace(' ·', ' (depth ') + ') → ' + p.data.target.replace(' ·', ' (depth ') + '): ' + money(p.data.value);
        }
        return p.name.replace(' ·', ' (depth ') + '): ' + money(p.value);
      }
    };
    o.series = [{
      type: 'sankey', top: 40, bottom: 16, left: 16, right: 120, nodeWidth: 16, nodeGap: 12,
      layoutIterations: 0, draggable: false, emphasis: { focus: 'adjacency' },
      data: spec.nodes.map(function (n, i) {
        return { name: n.name, depth: n.depth - 1, itemStyle: { color: kindColor(n.kind, i), borderColor: '#fff' } };
      }),
      links: spec.links.map(function (l) { return { source: l.source, target: l.target, value: l.value }; }),
      lineStyle: { color: 'gradient', opacity: 0.35, curveness: 0.5 },
      label: { color: '#1a2433', fontSize: 12,
               formatter: function (p) { return p.name.split(' ·')[0] + '  ' + money(p.value); } }
    }];
    return o;
  };

  kinds.waterfall = function (spec) {
    // Floating bars from each step's start to its end; totals from zero. spec: steps, yName.
    var o = base(spec);
    delete o.dataZoom;
    o.toolbox = toolbox(spec, false);
    var steps = spec.steps;
    o.grid = [{ left: 64, right: 20, top: 40, bottom: steps.length > 6 ? 64 : 36 }];
    o.xAxis = [{ type: 'category', data: steps.map(function (s) { return s.name; }),
                 axisLabel: { color: '#444', interval: 0, rotate: steps.length > 6 ? 25 : 0, fontSize: 11 },
                 axisTick: { alignWithLabel: true } }];
    // Enough decimals that a narrow axis (a few tenths of a point) has distinct labels.
    var ends = [0];
    steps.forEach(function (s) { ends.push(s.from, s.to); if (s.lo != null) { ends.push(s.lo, s.hi); } });
    var span = Math.max.apply(null, ends) - Math.min.apply(null, ends);
    var places = span < 0.5 ? 2 : 1;
    o.yAxis = [valueAxis(0, spec.yName, { scale: false,
      axisLabel: { color: '#444', formatter: function (v) { return v.toFixed(places); } } })];
    o.tooltip = { trigger: 'item', confine: true, formatter: function (p) {
      var s = steps[p.value[0]];
      var d = s.to - s.from;
      return s.name + ': ' + (s.total ? s.to.toFixed(2) + '%' :
        (d >= 0 ? '+' : '') + d.toFixed(2) + ' pp' + (s.sd ? ' (sd ' + s.sd.toFixed(2) + ')' : '') +
        (s.lo != null ? ', 95% interval ' + (s.lo - s.from).toFixed(2) + ' to ' + (s.hi - s.from).toFixed(2) + ' pp' : ''));
    } };
    o.series = [{
      type: 'custom', name: 'change',
      // Dimensions 3 and 4 (the error bar's ends) widen the axis to hold the bars.
      encode: { x: 0, y: [1, 2, 3, 4] },
      data: steps.map(function (s, i) {
        return [i, s.from, s.to, s.lo != null ? s.lo : s.to, s.hi != null ? s.hi : s.to];
      }),
      renderItem: function (params, api) {
        var s = steps[api.value(0)];
        var a = api.coord([api.value(0), api.value(1)]);
        var b = api.coord([api.value(0), api.value(2)]);
        var w = api.size([1, 0])[0] * 0.6;
        var top = Math.min(a[1], b[1]);
        var h = Math.max(1, Math.abs(a[1] - b[1]));
        var color = s.total ? '#13294b' : s.to >= s.from ? '#1d7a46' : '#b3261e';
        var d = s.to - s.from;
        var children = [
          { type: 'rect', shape: { x: a[0] - w / 2, y: top, width: w, height: h }, style: { fill: color } }];
        if (s.lo != null && s.hi != null) {
          // The error bar: the contribution's 95% interval, at the step's end.
          var lo = api.coord([api.value(0), s.lo]), hi = api.coord([api.value(0), s.hi]);
          var cap = w / 4, ink = { stroke: '#1a2433', lineWidth: 1.2 };
          children.push(
            { type: 'line', shape: { x1: a[0], y1: lo[1], x2: a[0], y2: hi[1] }, style: ink },
            { type: 'line', shape: { x1: a[0] - cap, y1: lo[1], x2: a[0] + cap, y2: lo[1] }, style: ink },
            { type: 'line', shape: { x1: a[0] - cap, y1: hi[1], x2: a[0] + cap, y2: hi[1] }, style: ink });
        }
        return { type: 'group', children: children.concat([
          { type: 'text', style: {
              x: a[0], y: (s.total ? s.to >= 0 : d >= 0) ? top - 4 : top + h + 12,
              text: s.total ? s.to.toFixed(2) + '%' : (d >= 0 ? '+' : '') + d.toFixed(2),
              fill: '#1a2433', font: '11px sans-serif', align: 'center', verticalAlign: 'bottom' } }
        ]) };
      }
    }];
    return o;
  };

  kinds.histogram = function (spec) {
    // Paths per bin of equal width on a value axis; spec: bins [{lo, hi, n}], xName, marks [{name, value}].
    var o = base(spec);
    delete o.dataZoom;
    o.toolbox = toolbox(spec, false);
    var bins = spec.bins;
    var lo = bins[0].lo, hi = bins[bins.length - 1].hi;
    (spec.marks || []).forEach(function (m) { lo = Math.min(lo, m.value); hi = Math.max(hi, m.value); });
    var pad = (hi - lo) * 0.04 || 0.5;
    o.grid = [{ left: 52, right: 20, top: 40, bottom: 44 }];
    o.xAxis = [{ type: 'value', name: spec.xName, nameLocation: 'middle', nameGap: 26, scale: true,
                 min: +(lo - pad).toFixed(4), max: +(hi + pad).toFixed(4),
                 axisLabel: { color: '#444', showMinLabel: false, showMaxLabel: false,
                              formatter: function (v) { return v.toFixed(hi - lo < 2 ? 2 : 1); } },
                 splitLine: { show: false } }];
    o.yAxis = [valueAxis(0, 'paths', { scale: false, minInterval: 1, nameGap: 30,
      axisLabel: { color: '#444' } })];
    o.tooltip = { trigger: 'item', confine: true, formatter: function (p) {
      if (p.componentType === 'markLine') return p.name + ': ' + p.value.toFixed(2) + '%';
      var b = bins[p.dataIndex];
      return b.lo.toFixed(2) + ' to ' + b.hi.toFixed(2) + '%: ' + b.n + (b.n === 1 ? ' path' : ' paths');
    } };
    o.series = [{
      type: 'custom', name: 'paths',
      encode: { x: [0, 1], y: 2 },
      data: bins.map(function (b) { return [b.lo, b.hi, b.n]; }),
      renderItem: function (params, api) {
        var a = api.coord([api.value(0), api.value(2)]);
        var b = api.coord([api.value(1), 0]);
        return { type: 'rect', shape: { x: a[0] + 0.5, y: a[1], width: Math.max(1, b[0] - a[0] - 1), height: b[1] - a[1] },
                 style: { fill: '#13294b' } };
      },
      markLine: { silent: false, symbol: 'none',
        data: (spec.marks || []).map(function (m) {
          return { name: m.name, xAxis: m.value,
                   lineStyle: { color: m.name.indexOf('ES') === 0 ? '#b3261e' : '#c77c02', type: 'dashed' },
                   label: { formatter: m.name, color: '#1a2433', fontSize: 10, position: 'end' } };
        }) }
    }];
    return o;
  };

  function drawn(chart) {
    var n = 0;
    (chart.getOption().series || []).forEach(function (s) {
      if (s.type === 'sankey') {
        (s.links || s.edges || []).forEach(function (l) { if (l.value > 0) n++; });
        return;
      }
      (s.data || []).forEach(function (p) {
        if (p && p[1] !== '-' && p[1] !== null && isFinite(p[1])) n++;
      });
    });
    return n;
  }

  function done() {
    window.__chartPoints = points;
    window.__chartsReady = true;
    var html = document.documentElement;
    html.setAttribute('data-chart-points', JSON.stringify(points));
    html.setAttribute('data-charts-ready', 'true');
  }

  specs.forEach(function (spec) {
    var el = document.getElementById(spec.id);
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var counted = false;
    chart.on('finished', function () {
      if (counted) return;
      counted = true;
      points[spec.id] = drawn(chart);
      if (--pending === 0) done();
    });
    X = spec.collapse ? collapsed(spec) : TIME;
    chart.setOption(kinds[spec.kind](spec));
    charts.push(chart);
  });
  if (pending === 0) done();

  function resize() { charts.forEach(function (c) { c.resize(); }); }
  window.addEventListener('resize', resize);
})();
