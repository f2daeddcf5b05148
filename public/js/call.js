// Call player enhancements (the page works without them): a live call clock, the turn's
// countdown that posts the silence when it runs out, and the customer's audio played on its own.
(function () {
  'use strict';
  var loadedAt = Date.now();
  var secondsSinceLoad = function () { return Math.floor((Date.now() - loadedAt) / 1000); };
  var clockText = function (total) {
    var s = Math.max(0, total);
    var rest = s % 60;
    return Math.floor(s / 60) + ':' + (rest < 10 ? '0' : '') + rest;
  };

  var clock = document.querySelector('[data-call-timer]');
  if (clock) {
    var elapsed = Number(clock.getAttribute('data-elapsed')) || 0;
    setInterval(function () { clock.textContent = clockText(elapsed + secondsSinceLoad()); }, 1000);
  }

  var deadline = document.querySelector('[data-deadline-seconds]');
  var countdown = document.querySelector('[data-countdown]');
  var timeoutForm = document.getElementById('call-timeout');
  if (deadline && countdown && timeoutForm) {
    var left = Number(deadline.getAttribute('data-deadline-seconds')) || 0;
    var sent = false;
    var hurry = document.querySelector('[data-hurry]');
    var tick = function () {
      var remaining = left - secondsSinceLoad();
      countdown.hidden = false;
      countdown.textContent = clockText(remaining);
      // One spoken warning for screen-reader users, rather than a voice every second.
      if (hurry && remaining === 5) hurry.textContent = hurry.getAttribute('data-hurry');
      // The server checks the time itself; a post that comes early is simply refused.
      if (remaining <= 0 && !sent) {
        sent = true;
        timeoutForm.submit();
      }
    };
    tick();
    setInterval(tick, 1000);
  }

  // Play the customer's lines one after the other; browsers may refuse sound before a click.
  var lines = Array.prototype.slice.call(document.querySelectorAll('audio[data-autoplay]'));
  var playFrom = function (index) {
    if (index >= lines.length) return;
    lines[index].addEventListener('ended', function () { playFrom(index + 1); }, { once: true });
    var played = lines[index].play();
    if (played && typeof played.catch === 'function') played.catch(function () {});
  };
  playFrom(0);

  var error = document.getElementById('call-error');
  if (error) error.focus();
})();
