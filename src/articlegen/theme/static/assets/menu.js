// The header's "Menu" (a <details> disclosure, which opens and closes without this
// script) opens as a panel over the top of the page. Tabbing on past its last entry
// left it open and put focus on links hidden under it, so it closes when focus leaves
// it, on Escape (focus back on its button) and on a click elsewhere.
(function () {
  "use strict";

  var menu = document.querySelector(".nav-menu");
  var button = menu && menu.querySelector("summary");
  if (!button) { return; }

  menu.addEventListener("focusout", function (event) {
    if (menu.open && event.relatedTarget && !menu.contains(event.relatedTarget)) {
      menu.open = false;
    }
  });
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open) {
      menu.open = false;
      button.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (menu.open && !menu.contains(event.target)) { menu.open = false; }
  });
}());
