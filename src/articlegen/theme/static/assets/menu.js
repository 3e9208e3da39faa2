// Keeps the phone "Menu" button's state the panel's. The menu is a <details>, which works
// without script; while keyboard focus is outside it, style.css steps its open panel aside
// so that the panel never covers the focused link. The <details> stayed open meanwhile, so
// the button was announced as expanded over a panel no one could see (Chromium takes a
// <summary>'s expanded state from its <details>, never from aria-expanded). Here the menu
// closes whenever its panel is not shown (after a focus change, a key or a resize, e.g. a
// phone turned or a window narrowed with focus outside it), and opens again when the
// keyboard brings focus back into it, as the stepped-aside panel came back before. A click
// or tap on the button then opens it as any closed menu opens. Wide screens, where the
// entries stand in a row and the button is not shown, are left alone. Escape closes the
// open menu (focus back on its button when it was in the menu), and so does a click or tap
// on the page outside it, as readers expect of a panel over the page.
(function () {
  "use strict";

  var menu = document.querySelector(".nav-menu");
  var button = menu && menu.querySelector(":scope > summary");
  var panel = menu && menu.querySelector(":scope > ul");
  if (!button || !panel) {
    return;
  }
  var steppedAside = false;

  function shown(element) {
    return window.getComputedStyle(element).display !== "none";
  }

  function follow() {
    if (menu.open && shown(button) && !shown(panel)) {
      steppedAside = true;
      menu.open = false;
    }
  }

  document.addEventListener("focusin", function (event) {
    var back = steppedAside && menu.contains(event.target) && event.target.matches(":focus-visible");
    if (back) {
      steppedAside = false;
      menu.open = true;
    } else {
      follow();
    }
  });
  function close(event) {
    var outside = event.type === "click" && !menu.contains(event.target);
    if (!menu.open || !shown(button) || !(outside || event.key === "Escape")) {
      return;
    }
    steppedAside = false;
    menu.open = false;
    if (menu.contains(document.activeElement)) {
      button.focus();
    }
  }

  document.addEventListener("keydown", close);
  document.addEventListener("click", close);
  document.addEventListener("keyup", follow);
  window.addEventListener("resize", follow);
  menu.addEventListener("toggle", function () {
    if (menu.open) {
      steppedAside = false;
    }
  });
  follow();
}());
