/* Selection board: drag a card to another stage column (issue 18).
 *
 * Progressive enhancement only. Every card that may move carries its own small form (a stage
 * select and a "Verplaats" button); that form is the keyboard and no-JavaScript way and stays.
 * A drop does nothing else than pick the column's stage in the card's select and submit that
 * same form, so the move takes the one server path: the message preview (send, edit or hold),
 * the permission checks and the version check. A column the card cannot go to (not among its
 * select's options) does not accept the drop.
 */
(function () {
  "use strict";
  var board = document.querySelector("[data-board]");
  if (!board || !("draggable" in document.createElement("span"))) {
    return;
  }
  var dragged = null;

  function selectOf(card) {
    return card ? card.querySelector("select[name='to_stage']") : null;
  }

  function accepts(column) {
    var select = selectOf(dragged);
    if (!select || !column) {
      return false;
    }
    var stage = column.getAttribute("data-stage");
    return Array.prototype.some.call(select.options, function (option) {
      return option.value === stage;
    });
  }

  function clearTargets() {
    Array.prototype.forEach.call(board.querySelectorAll(".sel-column--target"), function (column) {
      column.classList.remove("sel-column--target");
    });
  }

  Array.prototype.forEach.call(board.querySelectorAll(".sel-card"), function (card) {
    if (!selectOf(card)) {
      return;
    }
    card.setAttribute("draggable", "true");
    card.classList.add("sel-card--draggable");
    card.addEventListener("dragstart", function (event) {
      dragged = card;
      card.classList.add("sel-card--dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", card.getAttribute("data-card") || "");
    });
    card.addEventListener("dragend", function () {
      card.classList.remove("sel-card--dragging");
      dragged = null;
      clearTargets();
    });
  });

  Array.prototype.forEach.call(board.querySelectorAll("[data-stage]"), function (column) {
    column.addEventListener("dragover", function (event) {
      if (accepts(column)) {
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        column.classList.add("sel-column--target");
      }
    });
    column.addEventListener("dragleave", function (event) {
      if (!column.contains(event.relatedTarget)) {
        column.classList.remove("sel-column--target");
      }
    });
    column.addEventListener("drop", function (event) {
      if (!accepts(column)) {
        return;
      }
      event.preventDefault();
      var card = dragged;
      var select = selectOf(card);
      var form = select.form;
      select.value = column.getAttribute("data-stage");
      clearTargets();
      card.setAttribute("aria-busy", "true");
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    });
  });
})();
