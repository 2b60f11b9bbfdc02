/* Triage: swipe (pointer events), keys and buttons. Without JavaScript the buttons still work.
 *
 * With JavaScript the next card is prefetched: as soon as a card is on screen, the card after
 * it is fetched (and claimed, with a POST: the page itself only reads on GET) in the background
 * as an HTML fragment. A screen opened without a card claims its first card the same way. A decision is posted with
 * fetch and the prefetched card is swapped in at once, so the next card appears without a page
 * load. Anything unexpected (an error message, a stale prefetch, bulk decisions on copies)
 * falls back to a normal page load of the triage screen.
 */
(function () {
  "use strict";
  var slot = document.getElementById("rc-slot");
  var undoForm = document.getElementById("rc-undo");
  var shortcuts = document.getElementById("rc-shortcuts");
  var announce = document.getElementById("rc-announce");
  var form = null;
  var card = null;
  var busy = false;
  var prefetched = null;
  var pending = 0; // decisions posted but not yet saved
  var lastSaved = null; // the decision posted last, so that an undo waits for it
  var STORE = "talentbrug.records.shortcuts";
  var MAX_AGE_MS = 4 * 60 * 1000; // claims last 5 minutes; refetch a card older than this
  var canFetch = !!(slot && window.fetch && window.FormData && window.Promise);

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

  function currentId() {
    return card ? card.getAttribute("data-document") || "" : "";
  }

  // Claiming a card changes a row: every fetch of a card is a POST with the CSRF token.
  function cardRequest() {
    var token = document.querySelector('input[name="csrfmiddlewaretoken"]');
    return {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-Records-Fetch": "1", "X-CSRFToken": token ? token.value : "" }
    };
  }

  function reload() {
    window.location.assign(slot.getAttribute("data-triage-url"));
  }

  // Requests under way carry data-loading on the slot, so that a test (or a script) can wait
  // until the screen is idle instead of waiting for a fixed time.
  var loading = 0;
  function track(promise) {
    loading += 1;
    slot.setAttribute("data-loading", "true");
    function done(value) {
      loading -= 1;
      if (loading === 0) { slot.removeAttribute("data-loading"); }
      return value;
    }
    return promise.then(done, function (error) { done(null); throw error; });
  }

  function prefetch() {
    prefetched = null;
    if (!canFetch || !card) { return; }
    var entry = { forId: currentId(), at: Date.now(), ready: false, value: null };
    var url = slot.getAttribute("data-card-url") + "?na=" + encodeURIComponent(entry.forId);
    entry.html = track(window.fetch(url, cardRequest())).then(function (response) {
      return response.ok ? response.text() : null;
    }).catch(function () { return null; }).then(function (html) {
      entry.ready = true;
      entry.value = html;
      return html;
    });
    prefetched = entry;
  }

  function decided(result) {
    if (result.progress) {
      var progress = document.getElementById("rc-progress");
      if (progress) { progress.outerHTML = result.progress; }
    }
    if (announce) { announce.textContent = result.message || ""; }
    var undo = undoForm && undoForm.querySelector("button");
    if (undo) { undo.disabled = result.can_undo === false; }
  }

  // After a decision or an undo the new card starts where the person looks: when its title
  // is outside the screen (the previous card was scrolled), the card is scrolled to the top.
  function reveal() {
    var title = document.getElementById("rc-card-title");
    var stage = slot.querySelector(".rc-stage") || title;
    if (!title) { return; }
    var box = title.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) { stage.scrollIntoView({ block: "start" }); }
  }

  function fetchCard() {
    return track(window.fetch(slot.getAttribute("data-card-url"), cardRequest())).then(function (response) {
      return response.ok ? response.text() : null;
    }).catch(function () { return null; });
  }

  function show(html, saved) {
    slot.innerHTML = html;
    bind();
    var title = document.getElementById("rc-card-title");
    if (title) {
      title.setAttribute("tabindex", "-1");
      try { title.focus({ preventScroll: true }); } catch (e) { title.focus(); }
    }
    reveal();
    busy = false;
    // Prefetch the card after this one once the decision is saved: one request at a time.
    (saved || window.Promise.resolve(true)).then(function (ok) { if (ok) { prefetch(); } });
  }

  function post(event) {
    var submitter = event.submitter;
    if (!canFetch || !submitter || submitter.name !== "decision") { return; }
    event.preventDefault();
    var data = new FormData(form);
    data.append(submitter.name, submitter.value);
    var next = prefetched;
    if (!next || next.forId !== currentId() || Date.now() - next.at > MAX_AGE_MS) { next = null; }
    busy = true;
    pending += 1;
    slot.setAttribute("aria-busy", "true");
    var action = form.action;
    // A prefetch still under way finishes first: requests never overlap.
    var before = next && !next.ready ? next.html : window.Promise.resolve(null);
    var saved = before.then(function () {
      return window.fetch(action, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-Records-Fetch": "1" }
      });
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).catch(function () { return null; }).then(function (result) {
      if (!result || !result.ok) { reload(); return false; }
      pending -= 1;
      if (pending === 0) { slot.removeAttribute("aria-busy"); }
      decided(result);
      return true;
    });
    lastSaved = saved;
    if (next && next.ready && next.value !== null) {
      // The next card is already here: show it now; the decision is saved meanwhile.
      show(next.value, saved);
      return;
    }
    saved.then(function (ok) {
      if (!ok) { return; }
      var html = next && next.value !== null ? window.Promise.resolve(next.value) : fetchCard();
      html.then(function (value) {
        if (value === null) { reload(); return; }
        show(value, null);
      });
    });
  }

  // Undo without a page load: the undone card comes back in place, with focus on its title.
  function undoLast(event) {
    if (!canFetch) { return; }
    if (event) { event.preventDefault(); }
    // While the next card is still on its way, an undo would race with it: ignore it then
    // (this lasts a fraction of a second; the button and Z work again as soon as it is there).
    if (busy) { return; }
    busy = true;
    slot.setAttribute("aria-busy", "true");
    // A prefetch still under way finishes first: requests never overlap.
    var before = window.Promise.all([
      prefetched && !prefetched.ready ? prefetched.html : null,
      lastSaved
    ]);
    prefetched = null;
    before.then(function () {
      return window.fetch(undoForm.action, {
        method: "POST",
        body: new FormData(undoForm),
        credentials: "same-origin",
        headers: { "X-Records-Fetch": "1" }
      });
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).catch(function () { return null; }).then(function (result) {
      if (!result || !result.ok || !result.card) { reload(); return; }
      decided(result);
      slot.removeAttribute("aria-busy");
      show(result.card, null);
    });
  }

  if (undoForm) { undoForm.addEventListener("submit", undoLast); }

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
  // Fields where the keys mean something else (typing, choosing). A checkbox or a button does
  // nothing with arrow keys or Z, so the shortcuts work while one of those has focus.
  var KEY_INPUTS = /^(checkbox|button|submit|reset)$/;

  function typing(target) {
    if (!target) { return false; }
    var tag = target.tagName || "";
    if (tag === "INPUT") { return !KEY_INPUTS.test((target.type || "").toLowerCase()); }
    // The preview scrolls with the arrow keys while it has focus.
    if (target.classList && target.classList.contains("rc-preview")) { return true; }
    return /^(TEXTAREA|SELECT)$/.test(tag) || !!target.isContentEditable;
  }

  document.addEventListener("keydown", function (event) {
    if (shortcuts && !shortcuts.checked) { return; }
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (typing(event.target)) { return; }
    if (event.key === "z" || event.key === "Z") {
      var undo = undoForm && undoForm.querySelector("button");
      if (undo && !undo.disabled && !busy) {
        event.preventDefault();
        if (canFetch) { undoLast(null); } else if (undoForm.requestSubmit) { undoForm.requestSubmit(undo); } else { undo.click(); }
      }
      return;
    }
    if (KEYS[event.key] && form) {
      event.preventDefault();
      var direction = event.key === "ArrowLeft" ? -1 : event.key === "ArrowRight" ? 1 : 0;
      submitDecision(KEYS[event.key], direction);
    }
  });

  function bindSwipe() {
    if (!card || !form || !window.PointerEvent) { return; }
    var threshold = parseInt(card.getAttribute("data-threshold"), 10) || 100;
    var startX = 0;
    var startY = 0;
    var dx = 0;
    var dragging = false;
    var pointerId = null;
    var el = card;

    function reset() {
      el.style.transform = "";
      el.classList.remove("rc-card--dragging", "rc-card--keep", "rc-card--discard");
      document.body.classList.remove("rc-armed-keep", "rc-armed-discard");
    }

    el.addEventListener("pointerdown", function (event) {
      if (busy || (event.pointerType === "mouse" && event.button !== 0)) { return; }
      if (event.target.closest("a, button, input, select, textarea")) { return; }
      dragging = true;
      pointerId = event.pointerId;
      startX = event.clientX;
      startY = event.clientY;
      dx = 0;
      try { el.setPointerCapture(pointerId); } catch (e) { /* ignore */ }
      el.classList.add("rc-card--dragging");
    });

    el.addEventListener("pointermove", function (event) {
      if (!dragging || event.pointerId !== pointerId) { return; }
      dx = event.clientX - startX;
      var dy = event.clientY - startY;
      if (Math.abs(dy) > Math.abs(dx) * 1.5 && Math.abs(dx) < 20) { return; }
      el.style.transform = "translateX(" + dx + "px) rotate(" + (dx / 25) + "deg)";
      var keep = dx <= -threshold;
      var discard = dx >= threshold;
      el.classList.toggle("rc-card--keep", keep);
      el.classList.toggle("rc-card--discard", discard);
      document.body.classList.toggle("rc-armed-keep", keep);
      document.body.classList.toggle("rc-armed-discard", discard);
    });

    function end(event) {
      if (!dragging || event.pointerId !== pointerId) { return; }
      dragging = false;
      try { el.releasePointerCapture(pointerId); } catch (e) { /* ignore */ }
      document.body.classList.remove("rc-armed-keep", "rc-armed-discard");
      if (dx <= -threshold) {
        submitDecision("keep", -1);
      } else if (dx >= threshold) {
        submitDecision("discard", 1);
      } else {
        reset();
      }
    }

    el.addEventListener("pointerup", end);
    el.addEventListener("pointercancel", function (event) {
      dragging = false;
      reset();
      return event;
    });
  }

  function bind() {
    form = document.getElementById("rc-decide");
    card = document.getElementById("rc-card");
    if (form) { form.addEventListener("submit", post); }
    bindSwipe();
  }

  bind();
  if (!card && canFetch && document.getElementById("rc-start")) {
    // No card held yet: claim the first one now (without JavaScript: the start button).
    fetchCard().then(function (html) { if (html !== null) { show(html, null); } });
  } else {
    prefetch();
  }
})();
