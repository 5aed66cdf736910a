// Small helpers the Blazor components call; kept tiny on purpose.
window.portal = {
  keepAlive: function () {
    return fetch('/account/keepalive', { credentials: 'same-origin', cache: 'no-store' }).then(function () { });
  },
  print: function () { window.print(); }
};
