/* The staff menu on a phone: one "Menu" button that opens and closes the list of pages.
   Without JavaScript the list simply wraps under the header (nothing is hidden). */
(function () {
  "use strict";
  var nav = document.querySelector("[data-collapsible-nav]");
  if (!nav) return;
  var button = nav.querySelector(".tb-nav__toggle");
  var list = nav.querySelector(".tb-nav__list");
  if (!button || !list) return;
  nav.classList.add("tb-nav--js");
  button.hidden = false;
  function set(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("tb-nav--open", open);
  }
  button.addEventListener("click", function () {
    set(button.getAttribute("aria-expanded") !== "true");
  });
  nav.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      set(false);
      button.focus();
    }
  });
})();
