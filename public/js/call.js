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

  // The answer said aloud (only after the learner's consent, which the server checks again):
  // shown only where a microphone and MediaRecorder exist; the recording goes with the turn's
  // form as multipart, and the form still decides the turn. Without it, the forms post as usual.
  var voiceBox = document.querySelector('[data-voice]');
  var webm = window.MediaRecorder && typeof MediaRecorder.isTypeSupported === 'function'
    ? (MediaRecorder.isTypeSupported('audio/webm;codecs=opus') ? 'audio/webm;codecs=opus' : (MediaRecorder.isTypeSupported('audio/webm') ? 'audio/webm' : ''))
    : '';
  if (voiceBox && webm && navigator.mediaDevices && navigator.mediaDevices.getUserMedia && window.fetch && window.FormData) {
    var recordButton = voiceBox.querySelector('[data-voice-record]');
    var recordLabel = recordButton.querySelector('span');
    var startLabel = recordLabel.textContent;
    var voiceStatus = voiceBox.querySelector('[data-voice-status]');
    var recorder = null;
    var stream = null;
    var chunks = [];
    var startedAt = 0;
    var recorded = null;
    var recordedMs = 0;
    voiceBox.hidden = false;

    var release = function () {
      if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
    };
    var stopRecording = function () {
      return new Promise(function (resolve) {
        if (!recorder || recorder.state !== 'recording') return resolve();
        recorder.addEventListener('stop', function () { resolve(); }, { once: true });
        recorder.stop();
      });
    };
    var startRecording = function () {
      navigator.mediaDevices.getUserMedia({ audio: true }).then(function (s) {
        stream = s;
        chunks = [];
        recorded = null;
        recorder = new MediaRecorder(s, { mimeType: webm });
        recorder.addEventListener('dataavailable', function (e) { if (e.data && e.data.size > 0) chunks.push(e.data); });
        recorder.addEventListener('stop', function () {
          recordedMs = Math.max(1, Date.now() - startedAt);
          recorded = new Blob(chunks, { type: 'audio/webm' });
          release();
          recordButton.setAttribute('aria-pressed', 'false');
          recordLabel.textContent = startLabel;
          voiceStatus.textContent = voiceBox.getAttribute('data-recorded-text').replace('{s}', String(Math.round(recordedMs / 100) / 10));
        });
        startedAt = Date.now();
        recorder.start();
        recordButton.setAttribute('aria-pressed', 'true');
        recordLabel.textContent = recordButton.getAttribute('data-stop-label');
        voiceStatus.textContent = voiceStatus.getAttribute('data-recording-text');
      }).catch(function () {
        recordButton.disabled = true;
        voiceStatus.textContent = voiceBox.getAttribute('data-no-microphone');
      });
    };
    recordButton.addEventListener('click', function () {
      if (recorder && recorder.state === 'recording') stopRecording();
      else startRecording();
    });

    // Posts the form as without JavaScript, keeping the pressed button's value (the chosen line).
    var submitPlain = function (form, submitter) {
      recorded = null;
      if (submitter && submitter.name) {
        var chosen = document.createElement('input');
        chosen.type = 'hidden';
        chosen.name = submitter.name;
        chosen.value = submitter.value;
        form.appendChild(chosen);
      }
      form.submit();
    };
    var sendWithVoice = function (form, submitter) {
      var data = new FormData(form);
      if (submitter && submitter.name) data.append(submitter.name, submitter.value);
      data.append('recordingMs', String(recordedMs));
      data.append('recording', recorded, 'reponse.webm');
      var token = form.querySelector('input[name=_csrf]');
      fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin', headers: { 'X-CSRF-Token': token ? token.value : '' } })
        .then(function (res) {
          if (res.redirected) { window.location.href = res.url; return; }
          return res.text().then(function (html) { document.open(); document.write(html); document.close(); });
        })
        .catch(function () { submitPlain(form, submitter); });
    };
    var turnForms = document.querySelectorAll('.call-answer form:not(#call-timeout)');
    Array.prototype.forEach.call(turnForms, function (form) {
      form.addEventListener('submit', function (e) {
        if (!recorded && !(recorder && recorder.state === 'recording')) return;
        e.preventDefault();
        var submitter = e.submitter;
        stopRecording().then(function () {
          if (recorded && recorded.size > 0) sendWithVoice(form, submitter);
          else submitPlain(form, submitter);
        });
      });
    });
  }

  var error = document.getElementById('call-error');
  if (error) error.focus();
})();
