// Swaps a video link for the host's privacy-enhanced player when the reader
// clicks it, so a page load fetches nothing from the video host. Without
// JavaScript the link simply opens the video on its own site.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.video-start[data-embed]") : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    var player = document.createElement("iframe");
    player.src = link.getAttribute("data-embed");
    player.title = link.getAttribute("data-title") || "Video";
    player.allow = "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; fullscreen";
    player.allowFullscreen = true;
    player.referrerPolicy = "strict-origin-when-cross-origin";
    link.parentNode.replaceChild(player, link);
    player.focus();
  });
}());
