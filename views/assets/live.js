// Live progress on the overview: the server renders the fragment; this only swaps it in.
// Without JavaScript the page still shows the state when it was loaded.
(function () {
  var region = document.getElementById('live-runs');
  if (!region || !window.fetch) return;
  var src = region.getAttribute('data-src');
  function refresh() {
    if (document.hidden) return;
    fetch(src, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (r) {
        return r.ok ? r.text() : null;
      })
      .then(function (html) {
        if (html !== null && html !== region.innerHTML) region.innerHTML = html;
      })
      .catch(function () {});
  }
  setInterval(refresh, 5000);
})();
