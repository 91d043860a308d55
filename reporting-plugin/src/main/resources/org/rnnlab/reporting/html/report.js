// Draws a report's charts from the JSON in #report-data, wires the variant toggles and the epoch
// sliders, and writes a self-check into #selfcheck. Text from the data is only ever set with
// textContent, never as HTML.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];
  var DASHES = [[], [7, 4], [2, 3], [12, 4, 2, 4], [4, 8]];
  var POINTS = ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot'];
  var byName = {};
  data.variants.forEach(function (v) { byName[v.name] = v; });
  var hidden = {};
  var ALL = '*';
  function combination(v) { return data.dimensions.map(function (d) { return d + '=' + v.groups[d]; }).join(', '); }
  // one colour per combination of settings while the palette has enough; else by the first setting
  var colorBy = !data.dimensions.length ? null
      : (unique(data.variants.map(combination)).length <= PALETTE.length ? ALL : data.dimensions[0]);
  var charts = [];

  function unique(list) {
    var out = [];
    list.forEach(function (x) { if (out.indexOf(x) < 0) { out.push(x); } });
    return out;
  }
  function groupOf(v) { return colorBy === ALL ? combination(v) : colorBy ? v.groups[colorBy] : v.name; }
  function otherKey(v) {
    if (colorBy === ALL) { return ''; }
    return data.dimensions.filter(function (d) { return d !== colorBy; }).map(function (d) { return v.groups[d]; }).join(' | ');
  }
  function styleOf(variantName, index) {
    var v = byName[variantName];
    if (!v) {
      return { color: PALETTE[index % PALETTE.length], dash: [], point: 'circle' };
    }
    var groups = unique(data.variants.map(groupOf));
    var others = unique(data.variants.map(otherKey));
    return {
      color: PALETTE[groups.indexOf(groupOf(v)) % PALETTE.length],
      dash: DASHES[v.seedIndex % DASHES.length],
      point: POINTS[others.indexOf(otherKey(v)) % POINTS.length]
    };
  }
  function label(s) {
    var v = byName[s.variant];
    return v && !v.counted ? s.label + ' (' + v.status + ')' : s.label;
  }
  // '#1f77b4' at opacity a
  function alpha(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + a + ')';
  }
  function plain(y) { return String(Number(y.toPrecision(4))); }
  // one notation for every number a reader sees: 4 significant digits, "2e6" and "5e-4" beyond 1e5 and below 1e-3
  function format(y) {
    if (y === null || y === undefined || !isFinite(y)) { return '—'; }
    var a = Math.abs(y);
    if (a !== 0 && (a < 1e-3 || a >= 1e5)) { return Number(y.toPrecision(4)).toExponential().replace('e+', 'e'); }
    return plain(y);
  }
  var SUPERSCRIPT = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
  function powerOfTen(exponent) {
    return '10' + String(exponent).split('').map(function (c) { return SUPERSCRIPT[c]; }).join('');
  }
  // A linear axis: one notation for all its ticks, chosen by the largest (200k, 400k ... not "2e+6" beside "200,000").
  function linearTick(value, index, ticks) {
    var most = 0;
    ticks.forEach(function (t) { most = Math.max(most, Math.abs(t.value)); });
    if (value === 0) { return '0'; }
    if (most >= 1e6) { return plain(value / 1e6) + 'M'; }
    if (most >= 1e4) { return plain(value / 1e3) + 'k'; }
    if (most < 1e-3) { return Number(value.toPrecision(3)).toExponential().replace('e+', 'e'); }
    return plain(value);
  }
  // A log axis: at most about six labels. Over many decades only every k-th power of ten, written 10⁻²⁰;
  // over a few decades 1, 2 and 5 times a power of ten.
  function logTick(value, index, ticks, scale) {
    var decades = Math.log10(scale.max / scale.min);
    var exponent = Math.floor(Math.log10(value) + 1e-9);
    var mantissa = Number((value / Math.pow(10, exponent)).toFixed(3));
    if (decades > 3.5 || scale.min < 1e-3 || scale.max >= 1e5) {
      if (mantissa !== 1) { return ''; }
      var every = Math.max(1, Math.ceil(decades / 6));
      return exponent % every === 0 ? powerOfTen(exponent) : '';
    }
    var shown = decades > 1.3 ? [1, 2, 5] : [1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9];
    return shown.indexOf(mantissa) >= 0 ? format(value) : '';
  }
  function xTitle(spec, x) { return spec.xLabel === 'epoch' ? 'epoch ' + x : spec.xLabel + ': ' + x; }

  // a run that diverged or failed ends in a large cross: the curve stops there for a reason
  function endMarker(v, radius, endRadius, every) {
    var ended = v && !v.counted;
    return function (ctx) {
      if (ctx.raw && ctx.raw.zero) { return 6; }
      if (ended && ctx.dataIndex === ctx.dataset.data.length - 1) { return endRadius; }
      return ctx.dataIndex % every === 0 ? radius : 0;
    };
  }
  function pointStyleOf(ds) {
    var base = ds.$point;
    return function (ctx) {
      if (ctx.raw && ctx.raw.zero) { return 'triangle'; }
      return ds.$ended && ctx.dataIndex === ctx.dataset.data.length - 1 ? 'crossRot' : base;
    };
  }

  function yTitle(spec, log) { return log ? spec.yLabel + ' · log scale' : spec.yLabel; }

  // with many epochs, a marker on every point hides the line; every k-th point keeps the marker readable
  function markerEvery(spec) {
    var most = 0;
    spec.series.forEach(function (s) { s.frames.forEach(function (f) { most = Math.max(most, f.length); }); });
    return Math.max(1, Math.ceil(most / 15));
  }

  var smoothing = 0;
  var seedView = 'mean';

  // exponential moving average with TensorBoard's debiasing, so the first points are not pulled to 0
  function smoothed(values) {
    if (!smoothing) { return values; }
    var last = 0;
    return values.map(function (y, i) {
      if (y === null || !isFinite(y)) { return y; }
      last = last * smoothing + (1 - smoothing) * y;
      return last / (1 - Math.pow(smoothing, i + 1));
    });
  }

  // The points a dataset draws now: its frame, the column it shows (1 = value or mean, 2 = low, 3 = high),
  // smoothed on learning curves; on a log axis 0 sits at the floor marked as underflow, negatives are gaps.
  function render(chart) {
    var spec = chart.$spec;
    var log = chart.options.scales.y.type === 'logarithmic';
    var smooth = spec.section === 'curves' && spec.id !== 'learning-rate';
    var floor = spec.yMin;
    if (log && (floor === null || floor === undefined)) {
      var low = Infinity;
      spec.series.forEach(function (s) { s.frames.forEach(function (f) { f.forEach(function (p) {
        for (var k = 1; k < p.length; k++) { if (p[k] > 0) { low = Math.min(low, p[k]); } }
      }); }); });
      floor = isFinite(low) ? Math.pow(10, Math.floor(Math.log10(low))) / 10 : 1e-10;
    }
    chart.data.datasets.forEach(function (ds) {
      var frame = ds.$frames[Math.min(chart.$frame, ds.$frames.length - 1)] || [];
      var ys = frame.map(function (p) { var y = p[ds.$column]; return y === undefined ? null : y; });
      if (smooth && ds.$kind !== 'best') { ys = smoothed(ys); }
      ds.data = frame.map(function (p, i) {
        var y = ys[i];
        if (log && y === 0) { return { x: p[0], y: floor, zero: true }; }
        if (log && y !== null && y < 0) { y = null; }
        return { x: p[0], y: y, seeds: p.length > 3 ? [p[2], p[3]] : null };
      });
    });
  }

  function visible(chart, ds) {
    if (ds.$off) { return false; }
    if (ds.variant && hidden[ds.variant]) { return false; }
    if (ds.$members.length && ds.$members.every(function (m) { return hidden[m]; })) { return false; }
    if (chart.$hasMeans && ds.$kind !== 'best') {
      var mean = ds.$kind === 'mean' || ds.$kind === 'band';
      return seedView === 'mean' ? mean : !mean;
    }
    return true;
  }
  function applyVisibility(chart) {
    chart.data.datasets.forEach(function (ds, i) { chart.setDatasetVisibility(i, visible(chart, ds)); });
  }

  function datasetsOf(spec) {
    var every = markerEvery(spec);
    var out = [];
    spec.series.forEach(function (s, i) {
      var st = styleOf(s.members.length ? s.members[0] : s.variant, i);
      var v = byName[s.variant];
      var color = s.training ? alpha(st.color, 0.5) : st.color;
      var base = { variant: s.variant, $frames: s.frames, $members: s.members || [], $training: s.training, $group: i,
                   data: [], spanGaps: false, tension: 0, $column: 1 };
      if (s.kind === 'best') {
        out.push(Object.assign({}, base, { label: label(s), $kind: 'best', showLine: false, borderColor: st.color,
          backgroundColor: alpha(st.color, 0.35), pointStyle: 'star', pointRadius: 9, pointHoverRadius: 11, borderWidth: 2,
          $point: 'star', $ended: false }));
        return;
      }
      if (s.kind === 'mean') {
        var fill = alpha(st.color, s.training ? 0.08 : 0.16);
        out.push(Object.assign({}, base, { label: label(s) + ' (low)', $kind: 'band', $column: 2, borderWidth: 0,
          pointRadius: 0, pointHoverRadius: 0, fill: false, borderColor: fill, backgroundColor: fill }));
        out.push(Object.assign({}, base, { label: label(s) + ' (high)', $kind: 'band', $column: 3, borderWidth: 0,
          pointRadius: 0, pointHoverRadius: 0, fill: '-1', borderColor: fill, backgroundColor: fill }));
        out.push(Object.assign({}, base, { label: label(s), $kind: 'mean', borderColor: color, backgroundColor: color,
          borderWidth: s.training ? 1.5 : 2.5, pointRadius: endMarker(null, s.training ? 0 : 2.5, 0, every),
          pointHoverRadius: 5, $point: 'circle', $ended: false }));
        return;
      }
      var framed = spec.frameLabels.length > 0;
      out.push(Object.assign({}, base, { label: label(s), $kind: 'run', borderColor: color, backgroundColor: color,
        borderDash: st.dash, $point: st.point,
        // the cross marks where a run stopped along epochs; along steps back (charts with frames) it would mislead
        borderWidth: s.training ? 1.25 : (v && !v.counted ? 1.5 : 2),
        pointRadius: endMarker(framed ? null : v, s.training ? 0 : 2.5, 8, every), pointHoverRadius: 5,
        $ended: !framed && v && !v.counted }));
    });
    out.forEach(function (ds) { if (ds.$kind !== 'band') { ds.pointStyle = pointStyleOf(ds); } });
    return out;
  }

  function makeChart(spec) {
    var canvas = document.getElementById(spec.id);
    if (!canvas) { return; }
    var datasets = datasetsOf(spec);
    var hasMeans = datasets.some(function (ds) { return ds.$kind === 'mean'; });
    var chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, normalized: true,
        interaction: { mode: 'nearest', intersect: false, axis: 'x' },
        scales: {
          x: { type: 'linear', title: { display: true, text: spec.xLabel, font: { size: 13 } },
               ticks: { precision: 0, maxTicksLimit: 10, font: { size: 12 } } },
          y: { type: spec.logY ? 'logarithmic' : 'linear', title: { display: true, text: yTitle(spec, spec.logY), font: { size: 13 } },
               min: spec.yMin === null ? undefined : spec.yMin, max: spec.yMax === null ? undefined : spec.yMax,
               // a log axis labels its own few ticks (logTick); skipping by space would drop the chosen ones
               ticks: { font: { size: 12 }, maxTicksLimit: spec.logY ? undefined : 7, autoSkip: !spec.logY,
                 callback: function (value, index, ticks) {
                   return this.type === 'logarithmic' ? logTick(value, index, ticks, this) : linearTick(value, index, ticks);
                 } },
               grid: { color: function (ctx) { return ctx.tick && ctx.tick.label === '' ? 'rgba(0,0,0,0)' : 'rgba(0,0,0,0.1)'; } } }
        },
        plugins: {
          legend: {
            display: true, position: 'bottom',
            labels: { boxWidth: 28, boxHeight: 2, font: { size: 12 },
                      // bands and stars are named by their mean and their run; lines the seed view hides are not listed
                      filter: function (item, data) {
                        var ds = data.datasets[item.datasetIndex];
                        if (ds.$kind === 'band' || ds.$kind === 'best') { return false; }
                        return !hasMeans || (seedView === 'mean') === (ds.$kind === 'mean');
                      } },
            onClick: function (e, item) {
              var ds = chart.data.datasets[item.datasetIndex];
              if (ds.variant) { toggle(ds.variant, !hidden[ds.variant]); return; }
              // a mean and its band go together
              var off = !ds.$off;
              chart.data.datasets.forEach(function (d) { if (d.$group === ds.$group) { d.$off = off; } });
              applyVisibility(chart);
              chart.update();
            }
          },
          tooltip: {
            filter: function (item) { return item.dataset.$kind !== 'band'; },
            callbacks: {
              title: function (items) { return items.length ? xTitle(spec, items[0].parsed.x) : ''; },
              label: function (ctx) {
                var raw = ctx.raw || {};
                if (raw.zero) { return ctx.dataset.label + ': 0 (underflow)'; }
                var text = ctx.dataset.label + ': ' + format(ctx.parsed.y);
                if (raw.seeds) { text += ' (seeds ' + format(raw.seeds[0]) + ' to ' + format(raw.seeds[1]) + ')'; }
                return text;
              }
            }
          }
        }
      }
    });
    chart.$spec = spec;
    chart.$frame = spec.frameLabels.length ? spec.frameLabels.length - 1 : 0;
    chart.$hasMeans = hasMeans;
    render(chart);
    applyVisibility(chart);
    chart.update();
    charts.push(chart);
  }

  function restyle() {
    charts.forEach(function (chart) {
      var fresh = datasetsOf(chart.$spec);
      chart.data.datasets.forEach(function (ds, i) {
        ['borderColor', 'backgroundColor', 'borderDash', '$point'].forEach(function (k) { ds[k] = fresh[i][k]; });
        if (ds.$kind !== 'band') { ds.pointStyle = pointStyleOf(ds); }
      });
      chart.update();
    });
  }

  function toggle(name, hide) {
    hidden[name] = hide;
    charts.forEach(function (chart) {
      applyVisibility(chart);
      chart.update();
    });
    document.querySelectorAll('#variant-panel input[type=checkbox]').forEach(function (box) {
      if (box.dataset.variant === name) { box.checked = !hide; }
    });
  }

  function swatch(name) {
    var st = styleOf(name, 0);
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', '34'); svg.setAttribute('height', '10'); svg.setAttribute('class', 'swatch');
    var line = document.createElementNS(ns, 'line');
    line.setAttribute('x1', '1'); line.setAttribute('y1', '5'); line.setAttribute('x2', '33'); line.setAttribute('y2', '5');
    line.setAttribute('stroke', st.color); line.setAttribute('stroke-width', '2.5');
    if (st.dash.length) { line.setAttribute('stroke-dasharray', st.dash.join(' ')); }
    svg.appendChild(line);
    var shape = st.point === 'circle' ? 'circle' : 'polygon';
    var mark = document.createElementNS(ns, shape);
    if (shape === 'circle') {
      mark.setAttribute('cx', '17'); mark.setAttribute('cy', '5'); mark.setAttribute('r', '3.2');
    } else {
      var pts = { triangle: '17,1 21,9 13,9', rect: '13.5,1.5 20.5,1.5 20.5,8.5 13.5,8.5', rectRot: '17,0.5 21.5,5 17,9.5 12.5,5',
                  star: '17,0.5 18.3,3.6 21.5,3.8 19,6 19.8,9.3 17,7.5 14.2,9.3 15,6 12.5,3.8 15.7,3.6',
                  crossRot: '13,1 17,4 21,1 21,3 18.5,5 21,7 21,9 17,6 13,9 13,7 15.5,5 13,3' }[st.point];
      mark.setAttribute('points', pts);
    }
    mark.setAttribute('fill', st.color);
    svg.appendChild(mark);
    return svg;
  }

  function buildPanel() {
    var panel = document.getElementById('variant-panel');
    if (!panel) { return; }
    panel.textContent = '';
    var head = document.createElement('div');
    head.className = 'panel-head';
    var title = document.createElement('strong');
    title.textContent = 'Variants in the charts';
    head.appendChild(title);
    if (data.dimensions.length) {
      var lab = document.createElement('label');
      lab.textContent = ' colour by ';
      var select = document.createElement('select');
      [ALL].concat(data.dimensions).forEach(function (d) {
        var o = document.createElement('option'); o.value = d; o.textContent = d === ALL ? 'all settings' : d;
        o.selected = d === colorBy; select.appendChild(o);
      });
      select.addEventListener('change', function () { colorBy = select.value; restyle(); buildPanel(); });
      select.id = 'colour-by';
      lab.appendChild(select);
      head.appendChild(lab);
    }
    var hint = document.createElement('span');
    hint.className = 'hint';
    hint.textContent = 'colour = group, dash = seed' + (data.dimensions.length > 1 && colorBy !== ALL ? ', marker = the other settings' : '') +
        '; untick to hide a variant in every chart';
    head.appendChild(hint);
    panel.appendChild(head);
    var groups = unique(data.variants.map(groupOf));
    var wrap = document.createElement('div');
    wrap.className = 'panel-groups';
    groups.forEach(function (g) {
      var members = data.variants.filter(function (v) { return groupOf(v) === g; });
      var box = document.createElement('fieldset');
      var legend = document.createElement('legend');
      legend.textContent = colorBy && colorBy !== ALL ? colorBy + ' = ' + g : g;
      box.appendChild(legend);
      ['all', 'none'].forEach(function (which) {
        var b = document.createElement('button');
        b.type = 'button'; b.textContent = which;
        b.addEventListener('click', function () { members.forEach(function (v) { toggle(v.name, which === 'none'); }); });
        box.appendChild(b);
      });
      members.forEach(function (v) {
        var row = document.createElement('label');
        row.className = 'variant-toggle';
        var cb = document.createElement('input');
        cb.type = 'checkbox'; cb.checked = !hidden[v.name]; cb.dataset.variant = v.name;
        cb.addEventListener('change', function () { toggle(v.name, !cb.checked); });
        row.appendChild(cb);
        row.appendChild(swatch(v.name));
        var text = document.createElement('span');
        text.textContent = v.name + (v.counted ? '' : ' (' + v.status + ')');
        if (!v.counted) { text.className = 'not-counted'; }
        row.appendChild(text);
        box.appendChild(row);
      });
      wrap.appendChild(box);
    });
    panel.appendChild(wrap);
  }

  function wireSliders() {
    document.querySelectorAll('input.frame-slider').forEach(function (slider) {
      slider.addEventListener('input', function () {
        var chart = charts.filter(function (c) { return c.$spec.id === slider.dataset.chart; })[0];
        if (!chart) { return; }
        var f = Number(slider.value);
        chart.$frame = f;
        render(chart);
        chart.update();
        slider.parentNode.querySelector('output').textContent = chart.$spec.frameLabels[f];
      });
    });
    document.querySelectorAll('input.log-toggle').forEach(function (box) {
      box.addEventListener('change', function () {
        var chart = charts.filter(function (c) { return c.$spec.id === box.dataset.chart; })[0];
        if (!chart) { return; }
        chart.options.scales.y.type = box.checked ? 'logarithmic' : 'linear';
        chart.options.scales.y.title.text = yTitle(chart.$spec, box.checked);
        chart.options.scales.y.ticks.autoSkip = !box.checked;
        chart.options.scales.y.ticks.maxTicksLimit = box.checked ? undefined : 7;
        render(chart);
        chart.update();
      });
    });
    var smoother = document.getElementById('smoothing');
    if (smoother) {
      smoother.addEventListener('input', function () {
        smoothing = Number(smoother.value);
        smoother.parentNode.querySelector('output').textContent = smoothing ? String(smoothing) : 'off';
        charts.forEach(function (chart) { if (chart.$spec.section === 'curves') { render(chart); chart.update(); } });
      });
    }
    var view = document.getElementById('seed-view');
    if (view) {
      view.addEventListener('change', function () {
        seedView = view.value;
        charts.forEach(function (chart) { applyVisibility(chart); chart.update(); });
      });
    }
    // confusion matrices and attention grids: every epoch is in the page, one shown at a time
    document.querySelectorAll('input.confusion-slider, input.attention-slider').forEach(function (slider) {
      slider.addEventListener('input', function () {
        var steps = document.getElementById(slider.dataset.target).querySelectorAll(':scope > [data-step]');
        steps.forEach(function (t) {
          var show = t.dataset.step === slider.value;
          t.hidden = !show;
          if (show) { slider.parentNode.querySelector('output').textContent = t.dataset.caption; }
        });
      });
    });
  }

  // the sticky bar's height, so that a heading reached by a link lands below the bar and not under it
  function navHeight() {
    var nav = document.querySelector('nav');
    if (nav) { document.documentElement.style.setProperty('--nav-height', nav.offsetHeight + 'px'); }
  }

  function painted(canvas) {
    var ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0 || canvas.height === 0) { return 0; }
    var pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    var n = 0;
    for (var i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { n++; } }
    return n;
  }

  // Marks each canvas with what was drawn on it and lists script errors, for a reader of the DOM
  // (tests load the page headless and read these back); the footer line says the same in words.
  function selfCheck() {
    var errors = window.__reportErrors || [];
    var drawn = 0;
    charts.forEach(function (chart) {
      var drawnPoints = 0;
      chart.data.datasets.forEach(function (ds, i) {
        chart.getDatasetMeta(i).data.forEach(function (el) { if (!el.skip && isFinite(el.x) && isFinite(el.y)) { drawnPoints++; } });
      });
      var pixels = painted(chart.canvas);
      var bands = 0;
      var underflow = 0;
      var best = 0;
      chart.data.datasets.forEach(function (ds, i) {
        if (!chart.isDatasetVisible(i)) { return; }
        if (ds.$kind === 'band' && ds.fill) { bands++; }
        if (ds.$kind === 'best') { best += ds.data.length; }
        ds.data.forEach(function (p) { if (p && p.zero) { underflow++; } });
      });
      chart.canvas.setAttribute('data-bands', String(bands));
      chart.canvas.setAttribute('data-y-ticks', chart.scales.y.ticks.map(function (t) { return t.label; })
          .filter(function (l) { return l !== '' && l !== undefined; }).join('|'));
      chart.canvas.setAttribute('data-best-markers', String(best));
      chart.canvas.setAttribute('data-underflow-points', String(underflow));
      chart.canvas.setAttribute('data-drawn-points', String(drawnPoints));
      chart.canvas.setAttribute('data-painted-pixels', String(pixels));
      if (drawnPoints > 0 && pixels > 0) { drawn++; }
    });
    var list = document.createElement('ul');
    list.id = 'script-errors';
    list.hidden = true;
    errors.forEach(function (e) { var li = document.createElement('li'); li.textContent = e; list.appendChild(li); });
    var out = document.getElementById('selfcheck');
    if (out) {
      out.textContent = 'self-check: ' + drawn + ' of ' + document.querySelectorAll('canvas.chart').length +
          ' charts drawn, ' + errors.length + ' script errors';
      out.parentNode.appendChild(list);
    }
    // where a heading reached by a link lands, against the bottom of the sticky bar
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    var nav = document.querySelector('nav');
    if (target && nav) {
      document.body.setAttribute('data-anchor-top', String(Math.round(target.getBoundingClientRect().top)));
      document.body.setAttribute('data-nav-bottom', String(Math.round(nav.getBoundingClientRect().bottom)));
    }
    document.body.setAttribute('data-selfcheck', 'done');
  }

  try {
    if (typeof Chart === 'undefined') { throw new Error('Chart.js did not load'); }
    Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
    Chart.defaults.color = '#333';
    navHeight();
    window.addEventListener('resize', navHeight);
    buildPanel();
    data.charts.forEach(makeChart);
    wireSliders();
  } catch (e) {
    (window.__reportErrors || []).push('report script: ' + e);
  }
  window.addEventListener('load', function () { setTimeout(selfCheck, 50); });
})();
