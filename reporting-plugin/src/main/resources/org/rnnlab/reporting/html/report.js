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
  function points(frame) {
    return frame.map(function (p) { return { x: p[0], y: p[1] }; });
  }
  function format(y) {
    if (y === null || y === undefined) { return '—'; }
    var a = Math.abs(y);
    // 5e-4 rather than 5.000e-4: trailing zeros read as precision the number does not have
    if (a !== 0 && (a < 1e-3 || a >= 1e6)) { return Number(y.toPrecision(4)).toExponential(); }
    return a >= 1e4 ? Number(y.toPrecision(4)).toLocaleString('en-US') : String(Number(y.toPrecision(4)));
  }
  // a log axis gets a label only at 1, 2 and 5 times a power of ten, so labels never crowd
  // (every tick when the axis spans about one decade, only powers of ten when it spans many)
  function logTick(value, index, ticks, scale) {
    var decades = Math.log10(scale.max / scale.min);
    // the ends are always labelled, so that a reader knows the range
    if (decades < 1.3 || index === 0 || index === ticks.length - 1) { return format(value); }
    var mantissa = Number((value / Math.pow(10, Math.floor(Math.log10(value) + 1e-9))).toFixed(3));
    var shown = decades > 3.5 ? [1] : [1, 2, 5];
    return shown.indexOf(mantissa) >= 0 ? format(value) : '';
  }

  // the last point of a run that diverged or failed is a large cross: the curve stops there for a reason
  function endMarker(v, radius, endRadius, every) {
    var ended = v && !v.counted;
    if (!ended && every === 1) { return radius; }
    return function (ctx) {
      if (ended && ctx.dataIndex === ctx.dataset.data.length - 1) { return endRadius; }
      return ctx.dataIndex % every === 0 ? radius : 0;
    };
  }
  function pointStyleOf(ds) {
    var base = ds.$point;
    if (!ds.$ended) { return base; }
    return function (ctx) { return ctx.dataIndex === ctx.dataset.data.length - 1 ? 'crossRot' : base; };
  }

  function yTitle(spec, log) { return log ? spec.yLabel + ' · log scale' : spec.yLabel; }

  // with many epochs, a marker on every point hides the line; every k-th point keeps the marker readable
  function markerEvery(spec) {
    var most = 0;
    spec.series.forEach(function (s) { s.frames.forEach(function (f) { most = Math.max(most, f.length); }); });
    return Math.max(1, Math.ceil(most / 15));
  }

  function makeChart(spec) {
    var canvas = document.getElementById(spec.id);
    if (!canvas) { return; }
    var frame = spec.frameLabels.length ? spec.frameLabels.length - 1 : 0;
    var datasets = spec.series.map(function (s, i) {
      var st = styleOf(s.variant, i);
      var v = byName[s.variant];
      return {
        label: label(s), variant: s.variant, frames: s.frames, data: points(s.frames[frame]),
        borderColor: st.color, backgroundColor: st.color, borderDash: st.dash, pointStyle: st.point,
        // the cross marks where a run stopped along epochs; along steps back (charts with frames) it would mislead
        borderWidth: v && !v.counted ? 1.5 : 2, pointRadius: endMarker(spec.frameLabels.length ? null : v, 2.5, 8, markerEvery(spec)),
        pointHoverRadius: 5, $ended: !spec.frameLabels.length && v && !v.counted,
        spanGaps: false, tension: 0, hidden: !!hidden[s.variant]
      };
    });
    datasets.forEach(function (ds) { ds.$point = ds.pointStyle; ds.pointStyle = pointStyleOf(ds); });
    var chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, normalized: true,
        interaction: { mode: 'nearest', intersect: false, axis: 'x' },
        scales: {
          x: { type: 'linear', title: { display: true, text: spec.xLabel, font: { size: 13 } },
               ticks: { precision: 0, font: { size: 12 } } },
          y: { type: spec.logY ? 'logarithmic' : 'linear', title: { display: true, text: yTitle(spec, spec.logY), font: { size: 13 } },
               min: spec.yMin === null ? undefined : spec.yMin, max: spec.yMax === null ? undefined : spec.yMax,
               ticks: { font: { size: 12 }, callback: function (value, index, ticks) {
                 return this.type === 'logarithmic' ? logTick(value, index, ticks, this) : format(value);
               } } }
        },
        plugins: {
          legend: {
            display: true, position: 'bottom',
            labels: { boxWidth: 28, boxHeight: 2, font: { size: 12 } },
            onClick: function (e, item) {
              var ds = chart.data.datasets[item.datasetIndex];
              if (ds.variant) { toggle(ds.variant, !hidden[ds.variant]); } else {
                chart.setDatasetVisibility(item.datasetIndex, !chart.isDatasetVisible(item.datasetIndex));
                chart.update();
              }
            }
          },
          tooltip: { callbacks: { label: function (ctx) { return ctx.dataset.label + ': ' + format(ctx.parsed.y); } } }
        }
      }
    });
    chart.$spec = spec;
    charts.push(chart);
  }

  function restyle() {
    charts.forEach(function (chart) {
      chart.data.datasets.forEach(function (ds, i) {
        var st = styleOf(ds.variant, i);
        ds.borderColor = st.color; ds.backgroundColor = st.color; ds.borderDash = st.dash;
        ds.$point = st.point; ds.pointStyle = pointStyleOf(ds);
      });
      chart.update();
    });
  }

  function toggle(name, hide) {
    hidden[name] = hide;
    charts.forEach(function (chart) {
      chart.data.datasets.forEach(function (ds, i) {
        if (ds.variant === name) { chart.setDatasetVisibility(i, !hide); }
      });
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
        chart.data.datasets.forEach(function (ds) { ds.data = points(ds.frames[f]); });
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
        chart.update();
      });
    });
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
    document.body.setAttribute('data-selfcheck', 'done');
  }

  try {
    if (typeof Chart === 'undefined') { throw new Error('Chart.js did not load'); }
    Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
    Chart.defaults.color = '#333';
    buildPanel();
    data.charts.forEach(makeChart);
    wireSliders();
  } catch (e) {
    (window.__reportErrors || []).push('report script: ' + e);
  }
  window.addEventListener('load', function () { setTimeout(selfCheck, 50); });
})();
