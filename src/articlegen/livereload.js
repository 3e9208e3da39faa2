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
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
      var url = new URL(link.href);
      var mine = changed.some(function (key) {
        return url.pathname === "/" + key;
      });
      if (url.origin === location.origin && mine) {
        url.searchParams.set("articlegen", String(Date.now()));
        link.href = url.href;
      }
    });
  });
})();
