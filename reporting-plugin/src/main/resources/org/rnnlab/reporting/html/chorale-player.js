// Draws the piano rolls of #chorale-data and plays them with Web Audio oscillators: one oscillator per
// note, started and stopped on the AudioContext's clock, so nothing is fetched and no sound font is needed.
// Each play button records how many notes it scheduled (data-scheduled-notes) and each canvas how many
// pixels it painted, for tests that load the page headless; the page URL ending in #play-all presses every
// play button once (headless browsers cannot click), which is how those tests reach the player.
(function () {
  'use strict';
  var holder = document.getElementById('chorale-data');
  if (!holder) { return; }
  var data = JSON.parse(holder.textContent);
  var COLORS = { real: '#1f5fa8', sampled: '#d0622a' };
  var BACKGROUND = [251, 251, 252];
  var secondsPerQuarter = 60 / data.quartersPerMinute;
  var context = null;
  var playing = null;

  function range(chorale) {
    var low = 127;
    var high = 0;
    chorale.notes.forEach(function (n) { low = Math.min(low, n[0]); high = Math.max(high, n[0]); });
    if (low > high) { low = 60; high = 72; }
    return { low: low - 1, high: high + 1 };
  }

  // the most notes sounding at once, to keep the summed oscillators from clipping
  function voices(chorale) {
    var count = new Array(chorale.steps).fill(0);
    chorale.notes.forEach(function (n) { for (var t = n[1]; t < n[1] + n[2]; t++) { count[t]++; } });
    return Math.max.apply(null, count.concat([1]));
  }

  function draw(canvas, chorale) {
    var r = range(chorale);
    var rows = r.high - r.low + 1;
    var stepWidth = Math.max(3, Math.min(14, Math.floor(900 / chorale.steps)));
    var rowHeight = Math.max(3, Math.min(8, Math.floor(300 / rows)));
    canvas.width = chorale.steps * stepWidth;
    canvas.height = rows * rowHeight;
    var g = canvas.getContext('2d');
    g.fillStyle = 'rgb(' + BACKGROUND.join(',') + ')';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.fillStyle = '#eceff4';
    for (var p = r.low; p <= r.high; p++) {
      if (p % 12 === 0) { g.fillRect(0, (r.high - p) * rowHeight, canvas.width, rowHeight); }
    }
    g.fillStyle = '#d3d8e0';
    var bar = 4 * chorale.stepsPerQuarter;
    for (var t = bar; t < chorale.steps; t += bar) { g.fillRect(t * stepWidth, 0, 1, canvas.height); }
    g.fillStyle = COLORS[chorale.origin] || COLORS.real;
    chorale.notes.forEach(function (n) {
      g.fillRect(n[1] * stepWidth + 1, (r.high - n[0]) * rowHeight, Math.max(1, n[2] * stepWidth - 2), Math.max(1, rowHeight - 1));
    });
    canvas.setAttribute('data-painted-pixels', String(painted(canvas)));
  }

  function painted(canvas) {
    if (canvas.width === 0 || canvas.height === 0) { return 0; }
    var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    var n = 0;
    for (var i = 0; i < pixels.length; i += 4) {
      if (pixels[i] !== BACKGROUND[0] || pixels[i + 1] !== BACKGROUND[1] || pixels[i + 2] !== BACKGROUND[2]) { n++; }
    }
    return n;
  }

  function stop() {
    if (!playing) { return; }
    var p = playing;
    playing = null;
    clearTimeout(p.timer);
    p.oscillators.forEach(function (o) { try { o.stop(); } catch (e) { /* already stopped */ } });
    p.master.disconnect();
    p.button.textContent = '▶ play';
    p.playhead.hidden = true;
  }

  function play(button, chorale, playhead) {
    var was = playing && playing.button;
    stop();
    if (was === button) { return; }
    var AudioContextClass = window.AudioContext || window.webkitAudioContext;
    if (!AudioContextClass) {
      button.disabled = true;
      button.textContent = 'no Web Audio here';
      return;
    }
    if (!context) { context = new AudioContextClass(); }
    if (context.state === 'suspended') { context.resume().catch(function () { /* stays suspended without a user gesture */ }); }
    var perStep = secondsPerQuarter / chorale.stepsPerQuarter;
    var t0 = context.currentTime + 0.05;
    var master = context.createGain();
    master.gain.value = 0.6 / voices(chorale);
    master.connect(context.destination);
    var oscillators = [];
    chorale.notes.forEach(function (n) {
      var start = t0 + n[1] * perStep;
      var end = t0 + (n[1] + n[2]) * perStep;
      var osc = context.createOscillator();
      osc.type = 'triangle';
      osc.frequency.value = 440 * Math.pow(2, (n[0] - 69) / 12);
      var envelope = context.createGain();
      // a short attack and release: notes struck again on the next step stay audible as two notes
      envelope.gain.setValueAtTime(0, start);
      envelope.gain.linearRampToValueAtTime(1, start + 0.02);
      envelope.gain.setValueAtTime(1, Math.max(start + 0.02, end - 0.06));
      envelope.gain.linearRampToValueAtTime(0, end);
      osc.connect(envelope);
      envelope.connect(master);
      osc.start(start);
      osc.stop(end + 0.01);
      oscillators.push(osc);
    });
    button.setAttribute('data-scheduled-notes', String(oscillators.length));
    button.setAttribute('data-audio-state', context.state);
    button.textContent = '■ stop';
    var duration = chorale.steps * perStep;
    playing = { button: button, oscillators: oscillators, master: master, playhead: playhead,
      timer: setTimeout(stop, (t0 - context.currentTime + duration) * 1000 + 200) };
    playhead.hidden = false;
    (function move() {
      if (!playing || playing.button !== button) { return; }
      var at = Math.max(0, Math.min(1, (context.currentTime - t0) / duration));
      playhead.style.left = (100 * at) + '%';
      requestAnimationFrame(move);
    })();
  }

  var figures = document.querySelectorAll('figure.chorale');
  Array.prototype.forEach.call(figures, function (figure) {
    var chorale = data.chorales[Number(figure.getAttribute('data-index'))];
    draw(figure.querySelector('canvas.piano-roll'), chorale);
    var button = figure.querySelector('button.play');
    var playhead = figure.querySelector('.playhead');
    button.addEventListener('click', function () { play(button, chorale, playhead); });
  });
  if (location.hash === '#play-all') {
    Array.prototype.forEach.call(figures, function (figure) { figure.querySelector('button.play').click(); });
  }
  var errors = window.__reportErrors || [];
  document.body.setAttribute('data-chorale-errors', String(errors.length));
  var list = document.createElement('ul');
  list.id = 'chorale-errors';
  list.hidden = true;
  errors.forEach(function (e) { var li = document.createElement('li'); li.textContent = e; list.appendChild(li); });
  document.body.appendChild(list);
  document.body.setAttribute('data-chorale-check', 'done');
})();
