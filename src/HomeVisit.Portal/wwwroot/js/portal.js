// Small helpers the Blazor components call; kept tiny on purpose.
window.portal = {
  keepAlive: function () {
    return fetch('/account/keepalive', { credentials: 'same-origin', cache: 'no-store' }).then(function () { });
  },
  print: function () { window.print(); },
  // Reports real user input (not the circuit's own traffic) to the idle guard, at most once per interval.
  trackInput: function (guard, intervalMs) {
    var events = ['keydown', 'pointerdown', 'mousemove', 'wheel', 'touchstart'];
    if (window.portal._input) {
      events.forEach(function (e) { window.removeEventListener(e, window.portal._input, true); });
    }
    var last = 0;
    var report = function () {
      var now = Date.now();
      if (now - last < intervalMs) return;
      last = now;
      guard.invokeMethodAsync('UserInput').catch(function () { });
    };
    window.portal._input = report;
    events.forEach(function (e) { window.addEventListener(e, report, { capture: true, passive: true }); });
  }
};

// Print buttons carry data-hv-print instead of an inline onclick: the Content-Security-Policy runs no inline script.
document.addEventListener('click', function (e) {
  if (e.target instanceof Element && e.target.closest('[data-hv-print]')) window.print();
});

// Field limits (docs/security.md, "Input limits"). The browser cuts a paste at a field's maxlength without a word; a
// field without one gets the portal's largest limit, so no single change can outgrow the circuit's message size and
// drop the connection (and everything typed with it). Either way the user is told, beside the field, what was left out.
(function () {
  var largest = 20000;
  var note = null;
  function hide() { if (note) { note.remove(); note = null; } }
  function show(field, max, pasted) {
    hide();
    note = document.createElement('div');
    note.className = 'hv-paste-note';
    note.setAttribute('role', 'alert');
    note.setAttribute('data-testid', 'field-limit-note');
    note.textContent = document.documentElement.lang === 'en'
      ? 'At most ' + max + ' characters here: of the ' + pasted + ' pasted, the rest was left out.'
      : '此处最多 ' + max + ' 字：粘贴的 ' + pasted + ' 字中，超出的部分未粘贴。';
    var r = field.getBoundingClientRect();
    note.style.left = (window.scrollX + r.left) + 'px';
    note.style.top = (window.scrollY + r.bottom + 2) + 'px';
    document.body.appendChild(note);
    field.addEventListener('blur', function () { setTimeout(hide, 4000); }, { once: true });
  }
  document.addEventListener('paste', function (e) {
    var f = e.target;
    if (!(f instanceof HTMLTextAreaElement || (f instanceof HTMLInputElement && /^(text|search|tel|url|email|password)$/.test(f.type)))) return;
    var text = (e.clipboardData || window.clipboardData).getData('text') || '';
    var max = f.maxLength > 0 ? f.maxLength : largest;
    var start = f.selectionStart == null ? f.value.length : f.selectionStart;
    var end = f.selectionEnd == null ? f.value.length : f.selectionEnd;
    var room = Math.max(0, max - (f.value.length - (end - start)));
    if (text.length <= room) { hide(); return; }
    // Pasted here rather than by the browser, so the field and the component bound to it (input and change) agree.
    e.preventDefault();
    f.setRangeText(text.slice(0, room), start, end, 'end');
    f.dispatchEvent(new Event('input', { bubbles: true }));
    f.dispatchEvent(new Event('change', { bubbles: true }));
    show(f, max, text.length);
  }, true);
})();
