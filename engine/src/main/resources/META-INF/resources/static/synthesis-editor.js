// The synthesis editor's live preview: a pause in the counsellor's typing sends the form to the server, which renders
// the document with the same template as the synthesis page; the answer replaces the preview. Nothing is saved here:
// the form's own button saves. Without this script the preview shows the saved draft.
'use strict';

(function () {
  const form = document.getElementById('synthesis-editor');
  const preview = document.getElementById('synthesis-preview');
  const status = document.getElementById('preview-status');
  if (!form || !preview || !window.fetch) {
    return;
  }
  const PAUSE_MS = 400;
  let timer = null;
  let sent = 0;

  function refresh() {
    const mine = ++sent;
    fetch(form.dataset.preview, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/x-www-form-urlencoded'},
      body: new URLSearchParams(new FormData(form))
    }).then(function (answer) {
      return answer.text().then(function (html) {
        if (mine !== sent) {
          return; // a later preview is on its way
        }
        if (answer.ok) {
          preview.innerHTML = html;
          status.textContent = form.dataset.updated || '';
        } else {
          const box = document.createElement('div');
          box.innerHTML = html;
          status.textContent = box.textContent.trim();
        }
        preview.setAttribute('data-previewed', String(mine));
      });
    }, function () {
      status.textContent = '';
    });
  }

  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, PAUSE_MS);
  });
})();
