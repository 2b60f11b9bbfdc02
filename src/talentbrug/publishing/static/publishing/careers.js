// On a wide screen the filters sit in their own column: show them open. On a phone they stay
// folded (the jobs come first) unless a filter is set. Without JavaScript the fold still works.
(function () {
  "use strict";
  if (!window.matchMedia || !window.matchMedia("(min-width: 56rem)").matches) return;
  document.querySelectorAll("details.tb-search__more").forEach(function (details) {
    details.open = true;
  });
})();
