// The search page: asks the Pagefind index (built next to the site, fetched
// from the same host in small pieces) and lists the matching articles and pages.
// Results show as you type; the form also works with ?q= in the address.
(function () {
  "use strict";

  var script = document.currentScript;
  var form = document.querySelector(".search-form");
  var input = form && form.querySelector("input[type=search]");
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var more = document.querySelector(".search-more");
  if (!script || !input || !status || !list || !more) { return; }
  var PAGE = 20;
  var engine = null;
  var latest = 0;
  var timer = 0;

  function load() {
    if (!engine) {
      engine = import(script.getAttribute("data-index")).then(function (pagefind) {
        return pagefind.options({ baseUrl: script.getAttribute("data-base") }).then(function () {
          return pagefind;
        });
      });
    }
    return engine;
  }

  // Pagefind's excerpts are text with <mark> around the matches: keep exactly that.
  function excerpt(html) {
    var paragraph = document.createElement("p");
    paragraph.appendChild(document.createTextNode("… "));
    var parsed = new DOMParser().parseFromString(html, "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    paragraph.appendChild(document.createTextNode(" …"));
    return paragraph;
  }

  function entry(page) {
    var item = document.createElement("li");
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = page.url;
    link.textContent = (page.meta && page.meta.title) || page.url;
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(excerpt(page.excerpt || ""));
    return item;
  }

  // Results come PAGE at a time (each is a request for its excerpt); the button under
  // them shows the next ones, so every match the count promises can be reached. The
  // first ones replace the previous search's only once they are there (no flicker).
  function next(ticket, results, fresh) {
    var from = fresh ? 0 : list.children.length;
    return Promise.all(results.slice(from, from + PAGE).map(function (result) {
      return result.data();
    })).then(function (pages) {
      if (ticket !== latest) { return null; }
      var added = pages.map(entry);
      if (fresh) { list.replaceChildren(); }
      added.forEach(function (item) { list.appendChild(item); });
      var left = results.length - list.children.length;
      more.hidden = left <= 0;
      more.textContent = "Show more results (" + left + " not shown yet)";
      var busy = false;
      more.onclick = function () {
        if (busy) { return; }
        busy = true;
        next(ticket, results, false).then(function (first) {
          if (first) { first.querySelector("a").focus(); }
        });
      };
      return added[0] || null;
    });
  }

  // Pages are indexed as articles are (an About page, an editorial policy), so the
  // line counts results, not articles.
  function counted(query, total) {
    var what = total === 0 ? "No results" : total === 1 ? "1 result" : total + " results";
    status.textContent = what + " for “" + query + "”.";
  }

  function run(query) {
    var ticket = ++latest;
    query = query.trim();
    if (!query) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return;
    }
    load().then(function (pagefind) {
      return pagefind.search(query);
    }).then(function (search) {
      return next(ticket, search.results, true).then(function () {
        if (ticket === latest) { counted(query, search.results.length); }
      });
    }).catch(function () {
      if (ticket === latest) {
        more.hidden = true;
        status.textContent = "Search is not available here. The archive lists every article.";
      }
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value;
    history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname);
    run(query);
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 200);
  });
  // A shared address (?q=…) opens with its results; so does text typed before this
  // script ran (on a slow connection), whose input events came before the listener.
  var initial = new URLSearchParams(location.search).get("q") || input.value;
  if (initial) {
    input.value = initial;
    run(initial);
  }
}());
