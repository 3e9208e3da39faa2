// Loads the comment provider's script only after the reader asks for it,
// so no third-party request happens on page load.
(function () {
  "use strict";

  function script(src, attributes) {
    var element = document.createElement("script");
    element.src = src;
    element.async = true;
    Object.keys(attributes || {}).forEach(function (name) {
      element.setAttribute(name, attributes[name]);
    });
    return element;
  }

  var providers = {
    giscus: function (thread, s) {
      thread.appendChild(script("https://giscus.app/client.js", {
        "data-repo": s.repo,
        "data-repo-id": s.repo_id,
        "data-category": s.category,
        "data-category-id": s.category_id,
        "data-mapping": "pathname",
        "data-reactions-enabled": "1",
        "data-emit-metadata": "0",
        "data-theme": "preferred_color_scheme",
        "data-lang": document.documentElement.lang || "en",
        "crossorigin": "anonymous"
      }));
    },
    isso: function (thread, s) {
      var base = s.url.replace(/\/?$/, "/");
      var section = document.createElement("section");
      section.id = "isso-thread";
      thread.appendChild(section);
      thread.appendChild(script(base + "js/embed.min.js", { "data-isso": base }));
    },
    remark42: function (thread, s) {
      var host = s.host.replace(/\/$/, "");
      var box = document.createElement("div");
      box.id = "remark42";
      thread.appendChild(box);
      window.remark_config = { host: host, site_id: s.site_id, url: s.page_url };
      thread.appendChild(script(host + "/web/embed.js", {}));
    }
  };

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".show-comments") : null;
    if (!button) { return; }
    var load = providers[button.getAttribute("data-provider")];
    var thread = button.parentNode.querySelector(".comments-thread");
    if (!load || !thread) { return; }
    load(thread, JSON.parse(button.getAttribute("data-settings")));
    // The button goes, so focus would fall back to the page itself (a screen reader
    // starts again from the top): it moves to the thread that takes the button's place.
    thread.setAttribute("tabindex", "-1");
    button.hidden = true;
    thread.focus();
  });
}());
