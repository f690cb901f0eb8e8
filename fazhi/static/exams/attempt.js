// The exam paper: each answer is saved as it is chosen (a small POST per question), and
// the countdown shows the server's deadline. The server decides: an answer after the
// deadline is refused and the page reloads to show the paper closed. No inline script (CSP).
(function () {
  "use strict";
  var root = document.getElementById("fz-exam");
  if (!root) { return; }
  var url = root.getAttribute("data-answer-url");
  var status = document.getElementById("fz-save-status");
  var countdown = document.getElementById("fz-countdown");
  var ends = Date.now() + 1000 * parseInt(root.getAttribute("data-remaining"), 10);

  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (m) { return decodeURIComponent(m[1]); }
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function say(text, bad) {
    status.textContent = text;
    status.className = "small " + (bad ? "text-danger-emphasis fw-semibold" : "text-success-emphasis");
  }

  function save(fieldset) {
    var body = new URLSearchParams();
    body.append("position", fieldset.getAttribute("data-position"));
    fieldset.querySelectorAll("input:checked").forEach(function (el) { body.append("choice", el.value); });
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf(), "X-Requested-With": "fetch" }
    }).then(function (resp) {
      return resp.json().then(function (data) {
        if (resp.ok) {
          say("已保存(已答" + data.saved + "题)", false);
        } else {
          say(data.message || "保存失败", true);
          if (resp.status === 409) { window.setTimeout(function () { window.location.reload(); }, 1500); }
        }
      });
    }).catch(function () { say("网络异常,答案未保存,请检查网络后重新选择", true); });
  }

  document.querySelectorAll("fieldset.fz-question").forEach(function (fs) {
    fs.addEventListener("change", function () { save(fs); });
  });

  function tick() {
    var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
    var m = Math.floor(left / 60), s = left % 60;
    countdown.textContent = m + "分" + (s < 10 ? "0" : "") + s + "秒";
    if (left <= 0) { window.location.reload(); return; }
    window.setTimeout(tick, 1000);
  }
  tick();
})();
