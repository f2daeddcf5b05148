// Listening back to a call (review and debrief): "play everything in order" plays the
// customer's lines and the learner's recordings one after the other. Without it, each
// <audio controls> still plays on its own.
(function () {
  'use strict';
  var box = document.querySelector('[data-play-all]');
  var list = document.querySelector('.transcript, .debrief-turns');
  if (!box || !list) return;
  var sounds = Array.prototype.slice.call(list.querySelectorAll('audio'));
  if (sounds.length === 0) return;
  box.hidden = false;
  var playFrom = function (index) {
    if (index >= sounds.length) return;
    var sound = sounds[index];
    var details = sound.closest('details');
    if (details) details.open = true;
    sound.addEventListener('ended', function () { playFrom(index + 1); }, { once: true });
    var played = sound.play();
    if (played && typeof played.catch === 'function') played.catch(function () { playFrom(index + 1); });
  };
  box.querySelector('button').addEventListener('click', function () { playFrom(0); });
})();
