// Homepage live reload: the page listens to the dev server's build events.
(function () {
  var base = document.currentScript && document.currentScript.getAttribute('data-base') || '';
  var overlayId = '__homepage_error';
  function showError(message) {
    var box = document.getElementById(overlayId);
    if (!box) {
      box = document.createElement('pre');
      box.id = overlayId;
      box.style.cssText = 'position:fixed;inset:0;z-index:2147483647;margin:0;padding:2em;overflow:auto;' +
        'background:rgba(20,20,20,.92);color:#ff8080;font:14px/1.5 monospace;white-space:pre-wrap';
      document.body.appendChild(box);
    }
    box.textContent = 'Build failed\n\n' + message;
    console.error('[homepage] build failed:\n' + message);
  }
  function reloadStylesheets() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    Array.prototype.forEach.call(links, function (link) {
      var href = link.getAttribute('href');
      if (!href || /^https?:\/\//.test(href)) return;
      link.setAttribute('href', href.replace(/([?&])__reload=\d+/, '$1').replace(/[?&]$/, '') +
        (href.indexOf('?') < 0 ? '?' : '&') + '__reload=' + Date.now());
    });
  }
  var source = new EventSource(base + '/__homepage/events');
  source.addEventListener('reload', function () { location.reload(); });
  source.addEventListener('css', function () {
    var box = document.getElementById(overlayId);
    if (box) box.remove();
    reloadStylesheets();
  });
  source.addEventListener('error-message', function (e) { showError(e.data); });
})();
