/*
 * The observer grid of a group day: every radio choice is saved on its own (one cell),
 * so a lost connection never loses more than nothing. A choice goes into a queue in
 * localStorage first; it leaves the queue only when the server answered. The queue is sent
 * again when the browser is back online and whenever the page loads.
 * Without JavaScript the page still works: each candidate has a normal form.
 */
(function () {
  "use strict";

  var KEY = "talentbrug.assessments.queue";

  function load() {
    try {
      var queue = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(queue) ? queue : [];
    } catch (error) {
      return [];
    }
  }

  function store(queue) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(queue));
    } catch (error) {
      /* Private mode or full storage: we still try to send right away. */
    }
    showPending(queue);
  }

  function same(a, b) {
    return a.url === b.url && a.application === b.application && a.requirement === b.requirement;
  }

  function enqueue(item) {
    var queue = load().filter(function (other) { return !same(other, item); });
    queue.push(item);
    store(queue);
  }

  function dequeue(item) {
    store(load().filter(function (other) {
      return !(same(other, item) && other.value === item.value);
    }));
  }

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function formFor(item) {
    var forms = document.querySelectorAll(".as-grid-form");
    for (var i = 0; i < forms.length; i += 1) {
      if (forms[i].dataset.cellUrl === item.url && forms[i].dataset.application === item.application) {
        return forms[i];
      }
    }
    return null;
  }

  function say(item, text, isError) {
    var form = formFor(item);
    var status = form ? form.querySelector("[data-status]") : null;
    if (!status) {
      return;
    }
    status.textContent = text;
    status.classList.toggle("as-status--error", Boolean(isError));
  }

  function showPending(queue) {
    var region = document.getElementById("grid-queue");
    if (!region) {
      return;
    }
    region.textContent = queue.length ? region.dataset.pending + " " + queue.length : "";
  }

  function send(item) {
    var body = new URLSearchParams();
    body.set("application", item.application);
    body.set("requirement", item.requirement);
    body.set("value", item.value);
    return window.fetch(item.url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "X-Requested-With": "fetch" },
      body: body
    }).then(function (response) {
      if (response.ok) {
        dequeue(item);
        var form = formFor(item);
        say(item, form ? form.dataset.saved : "", false);
        return;
      }
      if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
        /* Refused by the server (off the scale, already submitted...): do not retry. */
        dequeue(item);
        return response.json().then(function (data) {
          var form = formFor(item);
          say(item, (form ? form.dataset.refused + " " : "") + (data.error || ""), true);
        }, function () {});
      }
      throw new Error("server " + response.status);
    }).catch(function () {
      var form = formFor(item);
      say(item, form ? form.dataset.queued : "", true);
    });
  }

  var flushing = false;

  function flush() {
    if (flushing || navigator.onLine === false) {
      return;
    }
    var queue = load();
    if (!queue.length) {
      return;
    }
    flushing = true;
    /* One at a time, in order, so the last choice for a cell always wins. */
    queue.reduce(function (previous, item) {
      return previous.then(function () { return send(item); });
    }, Promise.resolve()).then(function () { flushing = false; }, function () { flushing = false; });
  }

  function restore() {
    /* Show choices that are still waiting in the queue (made offline before a reload). */
    load().forEach(function (item) {
      var form = formFor(item);
      if (!form) {
        return;
      }
      var radio = form.querySelector(
        "input[data-requirement='" + item.requirement + "'][value='" + item.value + "']"
      );
      if (radio) {
        radio.checked = true;
      }
    });
  }

  function onChange(event) {
    var radio = event.target;
    if (!radio.matches || !radio.matches("input[type=radio][data-requirement]")) {
      return;
    }
    var form = radio.closest(".as-grid-form");
    var item = {
      url: form.dataset.cellUrl,
      application: form.dataset.application,
      requirement: radio.dataset.requirement,
      value: radio.value
    };
    enqueue(item);
    send(item);
  }

  document.addEventListener("change", onChange);
  window.addEventListener("online", flush);
  restore();
  showPending(load());
  flush();
})();
