// The player's progressive enhancement. The form works without this script; with it, answers are saved as a
// draft while the person goes (and again once a lost connection is back), rankings are reordered by dragging or
// with the arrow buttons, the progress updates, and a timed test counts down the server's clock.
'use strict';

(function () {
  const form = document.getElementById('player');
  if (!form) {
    return;
  }
  const status = document.getElementById('save-status');
  const csrf = form.querySelector('input[name="_csrf"]').value;
  let timer = null;
  let dirty = false;
  let saving = false;

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function saveDraft(keepalive) {
    if (saving && !keepalive) {
      dirty = true;
      return;
    }
    saving = true;
    dirty = false;
    say(status.dataset.saving);
    fetch(form.dataset.draft, {
      method: 'POST',
      headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin',
      keepalive: !!keepalive
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      return response.json();
    }).then(function (saved) {
      const at = new Date(saved.savedAt);
      say(status.dataset.saved + ' ' + at.toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' }));
      form.dataset.savedAt = saved.savedAt;
    }).catch(function () {
      say(status.dataset.failed);
      dirty = true;
    }).finally(function () {
      saving = false;
      if (dirty && navigator.onLine !== false) {
        schedule(3000);
      }
    });
  }

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(saveDraft, delay);
  }

  function updateProgress() {
    const text = document.getElementById('progress-text');
    const bar = document.getElementById('progress');
    if (!text || !bar) {
      return;
    }
    let answered = 0;
    form.querySelectorAll('fieldset.item').forEach(function (item) {
      const given = Array.from(item.querySelectorAll('input, select, textarea')).some(function (field) {
        if (field.type === 'hidden' || field.type === 'submit') {
          return false;
        }
        if (field.type === 'radio' || field.type === 'checkbox') {
          return field.checked;
        }
        return field.value.trim() !== '';
      });
      if (given) {
        answered++;
      }
    });
    text.textContent = answered + ' / ' + text.dataset.total;
    bar.value = answered;
  }

  form.addEventListener('input', function () {
    updateProgress();
    schedule(800);
  });
  form.addEventListener('change', function () {
    updateProgress();
    schedule(800);
  });
  window.addEventListener('online', function () {
    if (dirty) {
      saveDraft();
    }
  });
  window.addEventListener('pagehide', function () {
    if (dirty || timer) {
      clearTimeout(timer);
      saveDraft(true);
    }
  });
  form.addEventListener('submit', function () {
    clearTimeout(timer);
    dirty = false;
  });

  // Rankings: the rank selects follow the order of the rows, moved with the buttons or by dragging.
  document.querySelectorAll('[data-ranking]').forEach(function (list) {
    list.querySelectorAll('.moves').forEach(function (moves) {
      moves.hidden = false;
    });
    function renumber() {
      list.querySelectorAll('.rank-row').forEach(function (row, index) {
        row.querySelector('select').value = String(index + 1);
      });
      form.dispatchEvent(new Event('change'));
    }
    list.addEventListener('click', function (event) {
      const button = event.target.closest('button[data-move]');
      if (!button) {
        return;
      }
      const row = button.closest('.rank-row');
      if (button.dataset.move === 'up' && row.previousElementSibling) {
        list.insertBefore(row, row.previousElementSibling);
      } else if (button.dataset.move === 'down' && row.nextElementSibling) {
        list.insertBefore(row.nextElementSibling, row);
      }
      renumber();
      button.focus();
    });
    let dragged = null;
    list.querySelectorAll('.rank-row').forEach(function (row) {
      row.draggable = true;
      row.addEventListener('dragstart', function (event) {
        dragged = row;
        row.classList.add('dragging');
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', row.dataset.value);
      });
      row.addEventListener('dragend', function () {
        row.classList.remove('dragging');
        dragged = null;
      });
      row.addEventListener('dragover', function (event) {
        event.preventDefault();
      });
      row.addEventListener('drop', function (event) {
        event.preventDefault();
        if (dragged && dragged !== row) {
          const rows = Array.from(list.children);
          list.insertBefore(dragged, rows.indexOf(dragged) < rows.indexOf(row) ? row.nextElementSibling : row);
          renumber();
        }
      });
    });
  });

  // A timed test: the server says how many seconds are left; at zero the answers are submitted.
  const clock = document.getElementById('timer');
  if (clock) {
    const value = document.getElementById('timer-value');
    const end = Date.now() + Number(clock.dataset.secondsLeft) * 1000;
    const tick = function () {
      const left = Math.max(0, Math.round((end - Date.now()) / 1000));
      value.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
      if (left === 0 && Number(clock.dataset.secondsLeft) > 0) {
        clearInterval(interval);
        say(clock.dataset.timeUp);
        const submit = document.getElementById('submit');
        if (submit && !form.dataset.submitted) {
          form.dataset.submitted = 'yes';
          form.requestSubmit(submit);
        }
      }
    };
    const interval = setInterval(tick, 1000);
    tick();
  }

  const summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
}());

// An author's preview: the page reloads itself when a file of the package changes.
(function () {
  const stamp = document.body.dataset.previewStamp;
  if (!stamp) {
    return;
  }
  setInterval(function () {
    fetch('/preview/stamp').then(function (response) {
      return response.ok ? response.text() : stamp;
    }).then(function (now) {
      if (now !== stamp) {
        window.location.reload();
      }
    }).catch(function () { /* the preview stopped; nothing to do */ });
  }, 1500);
}());
