/* Applications: focus the error summary, submit once, long forms in steps, and record a video
   with MediaRecorder.
   Loaded with a CSP nonce; no inline scripts. Everything works without this file. */
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }

  document.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("[data-submit-once]");
      if (button) { window.setTimeout(function () { button.disabled = true; }, 0); }
    });
  });

  // A diploma from another country: its part (country, IDW evaluation, PDF) folds open when
  // that is chosen. Without this script the person opens it with its summary.
  document.querySelectorAll("input[name='diploma_origin']").forEach(function (radio) {
    radio.addEventListener("change", function () {
      var part = document.querySelector("details.tb-diploma-abroad");
      if (part && radio.checked && radio.value === "abroad") { part.open = true; }
    });
  });

  // Long forms in short steps ("Stap 2 van 4"). Without this script the form is one page.
  document.querySelectorAll("form[data-steps]").forEach(function (form) {
    var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
    if (steps.length < 2) { return; }
    var progress = document.createElement("p");
    progress.className = "utrecht-paragraph tb-step-progress";
    progress.setAttribute("aria-live", "polite");
    form.insertBefore(progress, steps[0]);
    var current = 0;

    function show(index, moveFocus) {
      current = index;
      steps.forEach(function (step, i) { step.hidden = i !== index; });
      progress.textContent = form.getAttribute("data-text-progress")
        .replace("{n}", String(index + 1)).replace("{total}", String(steps.length));
      if (moveFocus) {
        steps[index].setAttribute("tabindex", "-1");
        steps[index].focus();
        progress.scrollIntoView({ block: "start" });
      }
    }

    steps.forEach(function (step, i) {
      if (i === steps.length - 1 && i === 0) { return; }
      var nav = document.createElement("div");
      nav.className = "tb-actions tb-step-nav";
      if (i > 0) {
        var back = document.createElement("button");
        back.type = "button";
        back.className = "utrecht-button utrecht-button--secondary-action";
        back.setAttribute("data-step-previous", "");
        back.textContent = form.getAttribute("data-text-previous");
        back.addEventListener("click", function () { show(i - 1, true); });
        nav.appendChild(back);
      }
      if (i < steps.length - 1) {
        var next = document.createElement("button");
        next.type = "button";
        next.className = "utrecht-button utrecht-button--primary-action";
        next.setAttribute("data-step-next", "");
        next.textContent = form.getAttribute("data-text-next");
        next.addEventListener("click", function () { show(i + 1, true); });
        nav.appendChild(next);
        step.appendChild(nav);
      } else {
        step.insertBefore(nav, step.querySelector(".tb-actions"));
      }
    });

    function stepOf(element) {
      for (var i = 0; i < steps.length; i++) { if (steps[i].contains(element)) { return i; } }
      return -1;
    }
    // After the server found errors: open the step with the first error.
    var invalid = form.querySelector(".utrecht-form-field--invalid");
    show(invalid ? Math.max(stepOf(invalid), 0) : 0, false);
    // A link in the error summary opens the step of its field.
    document.querySelectorAll("#error-summary a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function () {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        var index = target ? stepOf(target) : -1;
        if (index >= 0 && index !== current) { show(index, false); }
      });
    });
  });

  var box = document.querySelector("[data-recorder]");
  if (!box || !window.MediaRecorder || !navigator.mediaDevices || !window.DataTransfer) { return; }
  var input = document.querySelector("input[type=file][name=video]");
  if (!input) { return; }
  box.hidden = false;
  var start = box.querySelector("[data-recorder-start]");
  var stop = box.querySelector("[data-recorder-stop]");
  var status = box.querySelector("[data-recorder-status]");
  var preview = box.querySelector("video");
  var maxSeconds = parseInt(box.getAttribute("data-max-seconds"), 10) || 180;
  var recorder = null, chunks = [], timer = null, stream = null;

  function finish() {
    if (recorder && recorder.state !== "inactive") { recorder.stop(); }
    if (timer) { window.clearTimeout(timer); timer = null; }
    stop.disabled = true; start.disabled = false;
  }

  start.addEventListener("click", function () {
    navigator.mediaDevices.getUserMedia({ video: true, audio: true }).then(function (s) {
      stream = s; chunks = [];
      preview.srcObject = s; preview.play();
      var type = MediaRecorder.isTypeSupported("video/webm") ? "video/webm" : "video/mp4";
      recorder = new MediaRecorder(s, { mimeType: type });
      recorder.ondataavailable = function (e) { if (e.data && e.data.size) { chunks.push(e.data); } };
      recorder.onstop = function () {
        stream.getTracks().forEach(function (t) { t.stop(); });
        preview.srcObject = null;
        var blob = new Blob(chunks, { type: type });
        var file = new File([blob], type === "video/webm" ? "video.webm" : "video.mp4", { type: type });
        var transfer = new DataTransfer();
        transfer.items.add(file);
        input.files = transfer.files;
        preview.src = URL.createObjectURL(blob);
        preview.controls = true;
        status.textContent = status.getAttribute("data-text-done");
      };
      recorder.start(1000);
      status.textContent = status.getAttribute("data-text-recording");
      start.disabled = true; stop.disabled = false; stop.focus();
      timer = window.setTimeout(finish, maxSeconds * 1000);
    }).catch(function () {
      status.textContent = status.getAttribute("data-text-error");
    });
  });
  stop.addEventListener("click", finish);
})();
