/* Applications: focus the error summary, submit once, and record a video with MediaRecorder.
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
