// The counsellor's pages without a framework: they work without this script; with it, an error summary takes the
// focus so that it is read first, and an invitation link gets a button that copies it.
'use strict';

(function () {
  const summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
  const link = document.getElementById('invitation-link');
  if (link && navigator.clipboard) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.id = 'copy-link';
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
  if (link) {
    link.addEventListener('focus', function () {
      link.select();
    });
  }
})();
