// The counsellor's pages without a framework: they work without this script; with it, an error summary takes the
// focus so that it is read first, and an invitation's or an observer's link gets a button that copies it.
'use strict';

(function () {
  const summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
  // An invitation's link, or each observer's: a button copies it, and focusing it selects it.
  document.querySelectorAll('input[data-copy-label]').forEach(function (link) {
    if (navigator.clipboard) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'secondary copy';
      button.id = link.id === 'invitation-link' ? 'copy-link' : 'copy-' + link.id;
      button.textContent = link.dataset.copyLabel;
      link.insertAdjacentElement('afterend', button);
      button.addEventListener('click', function () {
        const status = document.getElementById('copy-status');
        navigator.clipboard.writeText(link.value).then(function () {
          status.textContent = link.dataset.copied;
        }, function () {
          link.select();
        });
      });
    }
    link.addEventListener('focus', function () {
      link.select();
    });
  });
})();
