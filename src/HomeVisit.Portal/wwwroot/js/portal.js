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
