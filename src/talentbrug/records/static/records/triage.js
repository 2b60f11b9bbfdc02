/* Triage: swipe (pointer events), keys and buttons. Without JavaScript the buttons still work. */
(function () {
  "use strict";
  var form = document.getElementById("rc-decide");
  var card = document.getElementById("rc-card");
  var undoForm = document.getElementById("rc-undo");
  var shortcuts = document.getElementById("rc-shortcuts");
  var busy = false;
  var STORE = "talentbrug.records.shortcuts";

  if (shortcuts) {
    try {
      shortcuts.checked = window.localStorage.getItem(STORE) !== "off";
    } catch (e) { /* storage may be blocked */ }
    shortcuts.addEventListener("change", function () {
      try { window.localStorage.setItem(STORE, shortcuts.checked ? "on" : "off"); } catch (e) { /* ignore */ }
    });
  }

  function button(decision) {
    return form ? form.querySelector('button[name="decision"][value="' + decision + '"]') : null;
  }

  function submitDecision(decision, direction) {
    var target = button(decision);
    if (!target || busy) { return; }
    busy = true;
    if (card && direction) {
      card.classList.add(direction < 0 ? "rc-card--out-left" : "rc-card--out-right");
    }
    window.setTimeout(function () {
      if (form.requestSubmit) { form.requestSubmit(target); } else { target.click(); }
    }, direction ? 160 : 0);
  }

  var KEYS = { ArrowLeft: "keep", ArrowRight: "discard", ArrowDown: "later", ArrowUp: "doubt" };

  document.addEventListener("keydown", function (event) {
    if (shortcuts && !shortcuts.checked) { return; }
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var tag = (event.target && event.target.tagName) || "";
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || (event.target && event.target.isContentEditable)) { return; }
    if (event.key === "z" || event.key === "Z") {
      var undo = undoForm && undoForm.querySelector("button");
      if (undo && !undo.disabled && !busy) {
        event.preventDefault();
        busy = true;
        if (undoForm.requestSubmit) { undoForm.requestSubmit(undo); } else { undo.click(); }
      }
      return;
    }
    if (KEYS[event.key] && form) {
      event.preventDefault();
      var direction = event.key === "ArrowLeft" ? -1 : event.key === "ArrowRight" ? 1 : 0;
      submitDecision(KEYS[event.key], direction);
    }
  });

  if (!card || !form || !window.PointerEvent) { return; }

  var threshold = parseInt(card.getAttribute("data-threshold"), 10) || 100;
  var startX = 0;
  var startY = 0;
  var dx = 0;
  var dragging = false;
  var pointerId = null;

  function reset() {
    card.style.transform = "";
    card.classList.remove("rc-card--dragging", "rc-card--keep", "rc-card--discard");
    document.body.classList.remove("rc-armed-keep", "rc-armed-discard");
  }

  card.addEventListener("pointerdown", function (event) {
    if (busy || (event.pointerType === "mouse" && event.button !== 0)) { return; }
    if (event.target.closest("a, button, input, select, textarea")) { return; }
    dragging = true;
    pointerId = event.pointerId;
    startX = event.clientX;
    startY = event.clientY;
    dx = 0;
    try { card.setPointerCapture(pointerId); } catch (e) { /* ignore */ }
    card.classList.add("rc-card--dragging");
  });

  card.addEventListener("pointermove", function (event) {
    if (!dragging || event.pointerId !== pointerId) { return; }
    dx = event.clientX - startX;
    var dy = event.clientY - startY;
    if (Math.abs(dy) > Math.abs(dx) * 1.5 && Math.abs(dx) < 20) { return; }
    card.style.transform = "translateX(" + dx + "px) rotate(" + (dx / 25) + "deg)";
    var keep = dx <= -threshold;
    var discard = dx >= threshold;
    card.classList.toggle("rc-card--keep", keep);
    card.classList.toggle("rc-card--discard", discard);
    document.body.classList.toggle("rc-armed-keep", keep);
    document.body.classList.toggle("rc-armed-discard", discard);
  });

  function end(event) {
    if (!dragging || event.pointerId !== pointerId) { return; }
    dragging = false;
    try { card.releasePointerCapture(pointerId); } catch (e) { /* ignore */ }
    if (dx <= -threshold) {
      submitDecision("keep", -1);
    } else if (dx >= threshold) {
      submitDecision("discard", 1);
    } else {
      reset();
    }
  }

  card.addEventListener("pointerup", end);
  card.addEventListener("pointercancel", function (event) {
    dragging = false;
    reset();
    return event;
  });
})();
