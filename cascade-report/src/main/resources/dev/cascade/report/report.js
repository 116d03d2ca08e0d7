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
  var charts = [];
  var points = {};
  var pending = specs.length;

  function series(d, scale) {
    var out = new Array(d.t.length);
    for (var i = 0; i < d.t.length; i++) {
      var v = d.v[i];
      out[i] = [T0 + d.t[i] * 1000, v === null ? '-' : scale ? v * scale : v];
    }
    return out;
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
        return [{ xAxis: T0 + h.from * 1000, name: h.label }, { xAxis: T0 + h.to * 1000 }];
      })
    };
  }

  function timeAxis(grid, labelled) {
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
      dataZoom: [{ type: 'inside', xAxisIndex: 'all', filterMode: 'none' }]
    };
  }

  var kinds = {
    // Several series on one value axis; spec: yName, normalise, series [{name, data}], halts.
    lines: function (spec) {
      var o = base(spec);
      o.legend = { type: 'scroll', top: 2, right: 8, width: '55%', textStyle: { fontSize: 11 } };
      o.grid = [{ left: 64, right: 20, top: 36, bottom: 46 }];
      o.xAxis = [timeAxis(0, true)];
      o.yAxis = [valueAxis(0, spec.yName)];
      o.series = spec.series.map(function (s, i) {
        return {
          type: 'line', name: s.name, showSymbol: false, sampling: undefined,
          lineStyle: { width: 1.4 },
          data: series(s.data, spec.normalise ? 100 / first(s.data) : 0),
          markArea: i === 0 ? haltAreas(spec.halts) : undefined
        };
      });
      return o;
    },
    // Price above, volume per minute below, one time axis; spec: price, volume, halts.
    priceVolume: function (spec) {
      var o = base(spec);
      o.grid = [{ left: 64, right: 16, top: 34, height: '52%' }, { left: 64, right: 16, top: '73%', bottom: 46 }];
      o.xAxis = [timeAxis(0, false), timeAxis(1, true)];
      o.yAxis = [valueAxis(0, 'price'), valueAxis(1, 'lots / min', { scale: false, splitNumber: 2 })];
      o.axisPointer = { link: [{ xAxisIndex: 'all' }] };
      o.series = [
        { type: 'line', name: 'close', xAxisIndex: 0, yAxisIndex: 0, showSymbol: false,
          lineStyle: { width: 1.4, color: COLORS[0] }, itemStyle: { color: COLORS[0] },
          data: series(spec.price), markArea: haltAreas(spec.halts) },
        { type: 'bar', name: 'volume', xAxisIndex: 1, yAxisIndex: 1, large: true,
          barMaxWidth: 3, itemStyle: { color: '#8a9bb0' }, data: series(spec.volume) }
      ];
      return o;
    },
    // Quoted spread above; depth below, bid side up and ask side down from zero, so a book that
    // drains on both sides shows as the band closing in. spec: spread, bid, ask, halts.
    liquidity: function (spec) {
      var o = base(spec);
      o.legend = { top: 2, right: 8, textStyle: { fontSize: 11 }, data: ['spread', 'bid depth', 'ask depth'] };
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
          data: series(spec.spread), markArea: haltAreas(spec.halts) },
        { type: 'line', name: 'bid depth', xAxisIndex: 1, yAxisIndex: 1, showSymbol: false,
          lineStyle: { width: 0.8, color: '#2a8c5a' }, itemStyle: { color: '#2a8c5a' },
          areaStyle: { color: 'rgba(42, 140, 90, 0.22)' },
          data: series(spec.bid), markArea: haltAreas(spec.halts, true) },
        { type: 'line', name: 'ask depth', xAxisIndex: 1, yAxisIndex: 1, showSymbol: false,
          lineStyle: { width: 0.8, color: '#d9622b' }, itemStyle: { color: '#d9622b' },
          areaStyle: { color: 'rgba(217, 98, 43, 0.22)' },
          data: series(spec.ask, -1) }
      ];
      return o;
    }
  };

  function drawn(chart) {
    var n = 0;
    (chart.getOption().series || []).forEach(function (s) {
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
    chart.setOption(kinds[spec.kind](spec));
    charts.push(chart);
  });
  if (pending === 0) done();

  function resize() { charts.forEach(function (c) { c.resize(); }); }
  window.addEventListener('resize', resize);
})();
