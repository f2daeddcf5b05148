// Live lesson preview: while the trainer types, the server renders the lesson with the same
// safe Markdown as the player (POST .../preview) and the fragment replaces the preview.
// Without JavaScript the "Aperçu" button does the same through a normal form post.
(function () {
  'use strict';
  var form = document.getElementById('file-form');
  var target = document.getElementById('preview-body');
  if (!form || !target || !window.fetch) return;
  var textarea = form.querySelector('textarea[name=content]');
  var url = form.getAttribute('data-preview');
  var timer = null;
  var sequence = 0;

  function refresh() {
    var mine = ++sequence;
    var body = new URLSearchParams();
    body.set('_csrf', form.querySelector('input[name=_csrf]').value);
    body.set('path', form.querySelector('input[name=path]').value);
    body.set('content', textarea.value);
    fetch(url, { method: 'POST', body: body, credentials: 'same-origin', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
      .then(function (res) { return res.ok ? res.text() : null; })
      .then(function (html) {
        if (html !== null && mine === sequence) target.innerHTML = html;
      })
      .catch(function () { /* the button still works */ });
  }

  textarea.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
  refresh();
})();
