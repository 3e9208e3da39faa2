// articlegen serve: live reload and the build-error overlay.
// Only the preview server adds this script to the pages it serves; built files never contain it.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.EventSource) {
    return;
  }
  var data = script.dataset;
  var events = new URL("events", script.src);
  events.searchParams.set("page", data.page);
  events.searchParams.set("since", data.since);
  events.searchParams.set("server", data.server);
  var source = new EventSource(events.href);

  function overlay() {
    return document.getElementById("articlegen-error");
  }

  source.addEventListener("reload", function () {
    source.close();
    location.reload();
  });
  source.addEventListener("failed", function (event) {
    var box = overlay();
    if (box) {
      box.querySelector("pre").textContent = JSON.parse(event.data).join("\n");
      box.hidden = false;
    }
  });
  source.addEventListener("clear", function () {
    var box = overlay();
    if (box) {
      box.hidden = true;
    }
  });
  source.addEventListener("css", function (event) {
    var changed = JSON.parse(event.data);
    var local = Array.prototype.filter.call(
      document.querySelectorAll('link[rel="stylesheet"]'),
      function (link) {
        return new URL(link.href).origin === location.origin;
      }
    );
    var linked = local.filter(function (link) {
      var path = new URL(link.href).pathname;
      return changed.some(function (key) {
        return path === "/" + key;
      });
    });
    // A changed file no page links may be pulled in by @import: refresh every stylesheet.
    (linked.length ? linked : local).forEach(function (link) {
      var url = new URL(link.href);
      url.searchParams.set("articlegen", String(Date.now()));
      link.href = url.href;
    });
  });
})();
