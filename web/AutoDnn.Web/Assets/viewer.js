// AutoDnn viewer: draws the Plotly figures embedded as JSON, and keeps open pages current by polling a JSON endpoint.
(function () {
  "use strict";

  function figureOf(scriptId) {
    var script = document.getElementById(scriptId);
    return script ? JSON.parse(script.textContent) : null;
  }

  function draw(div, figure, react) {
    if (!window.Plotly || !figure) { return; }
    var config = { responsive: true, displaylogo: false };
    (react ? Plotly.react : Plotly.newPlot)(div, figure.data, figure.layout, config);
    div.setAttribute("data-drawn", String(figure.data.length));
  }

  // One chart per task, so the page stays responsive while a dashboard with many charts is drawn.
  function drawAll() {
    var divs = Array.prototype.slice.call(document.querySelectorAll("div.chart[data-figure]"));
    (function next() {
      var div = divs.shift();
      if (!div) { document.body.setAttribute("data-charts-drawn", "true"); return; }
      draw(div, figureOf(div.getAttribute("data-figure")), false);
      window.setTimeout(next, 0);
    })();
  }

  // The payload is {fingerprint, reload, fields: {key: text}, figures: {chartId: figure} | null}; texts go in via
  // textContent, never as HTML.
  function apply(payload) {
    var body = document.body;
    if (payload.reload) { window.location.reload(); return; }
    var missing = false;
    Object.keys(payload.fields || {}).forEach(function (key) {
      var el = document.querySelector('[data-live-field="' + CSS.escape(key) + '"]');
      if (el) { if (el.textContent !== payload.fields[key]) { el.textContent = payload.fields[key]; } } else { missing = true; }
    });
    if (missing) { window.location.reload(); return; }
    Object.keys(payload.figures || {}).forEach(function (id) {
      var div = document.getElementById(id);
      if (div) { draw(div, payload.figures[id], true); } else { missing = true; }
    });
    if (missing) { window.location.reload(); return; }
    body.setAttribute("data-live-fingerprint", payload.fingerprint);
    body.setAttribute("data-live-updated", new Date().toISOString());
  }

  function poll() {
    var body = document.body;
    var url = body.getAttribute("data-live-url");
    if (!url) { return; }
    var every = parseInt(body.getAttribute("data-refresh-ms"), 10) || 2000;
    var status = document.getElementById("live-status");
    function tick() {
      var since = body.getAttribute("data-live-fingerprint") || "";
      fetch(url + "?since=" + encodeURIComponent(since), { credentials: "same-origin", cache: "no-store" })
        .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
        .then(function (payload) { apply(payload); if (status) { status.textContent = "live"; } })
        .catch(function (e) { if (status) { status.textContent = "live: " + e.message; } })
        .finally(function () { window.setTimeout(tick, every); });
    }
    window.setTimeout(tick, every);
  }

  document.addEventListener("DOMContentLoaded", function () { drawAll(); poll(); });
})();
