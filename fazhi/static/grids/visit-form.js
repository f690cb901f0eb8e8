// 网格走访 on a phone that loses its signal (a 渔村 between two hills).
//
// On the visit form: what is typed is kept in localStorage as the worker types (a draft
// per person), and restored when the form is opened again. Submitting sends the form by
// fetch; when the phone is offline (navigator.onLine false, or the request fails) the
// visit is queued in localStorage with its idempotency key (client_key, a UUID made
// here) and the page says so. On every 网格走访 page the queue is sent when the signal
// comes back (the "online" event) and on load; the server stores a key once, so a visit
// sent twice (an answer lost on the way back) is stored once.
//
// CSRF still holds: each send carries the token of the page in front of the worker (the
// csrftoken cookie), never one saved with the visit. A session that expired while
// offline ends in the login page: the visit stays queued and the page says to log in.
// No inline script (CSP): this file is loaded by the grids templates.
(function () {
  "use strict";

  var status = document.getElementById("fz-grids-queue");
  if (!status || !window.localStorage || !window.fetch) {
    return;
  }
  var user = status.getAttribute("data-user") || "0";
  var QUEUE = "fazhi.grids.queue." + user;
  var DRAFT = "fazhi.grids.draft." + user + ".";
  var FLASH = "fazhi.grids.flash";
  var HEADER = "X-Fazhi-Queue";
  var form = document.getElementById("fz-visit-form");
  var flushing = false;

  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    // Outside a secure context randomUUID is missing; getRandomValues is not.
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function load(key, fallback) {
    try {
      var raw = window.localStorage.getItem(key);
      return raw ? JSON.parse(raw) : fallback;
    } catch (e) {
      return fallback;
    }
  }

  function save(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch (e) {
      return false;
    }
  }

  function drop(key) {
    try { window.localStorage.removeItem(key); } catch (e) { /* private mode */ }
  }

  function csrfToken() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (m) {
      return decodeURIComponent(m[1]);
    }
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function show(kind, text, links) {
    status.className = "alert alert-" + kind;
    status.textContent = text;
    (links || []).forEach(function (link) {
      var line = document.createElement("div");
      if (link.url) {
        var a = document.createElement("a");
        a.href = link.url;
        a.textContent = link.text;
        line.appendChild(a);
      } else {
        line.textContent = link.text;
      }
      status.appendChild(line);
    });
  }

  // --- the form's fields as [name, value] pairs (files stay out: they cannot be kept) ---

  function pairsOf(f) {
    var pairs = [];
    Array.prototype.forEach.call(f.elements, function (el) {
      if (!el.name || el.disabled || el.name === "csrfmiddlewaretoken" || el.type === "file") {
        return;
      }
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) {
        return;
      }
      if (el.type === "submit" || el.type === "button") {
        return;
      }
      pairs.push([el.name, el.value]);
    });
    return pairs;
  }

  function valueOf(pairs, name) {
    for (var i = 0; i < pairs.length; i++) {
      if (pairs[i][0] === name) {
        return pairs[i][1];
      }
    }
    return "";
  }

  function fill(f, pairs) {
    Array.prototype.forEach.call(f.elements, function (el) {
      if (!el.name || el.name === "csrfmiddlewaretoken" || el.name === "person" || el.type === "file") {
        return;
      }
      var values = pairs.filter(function (p) { return p[0] === el.name; }).map(function (p) { return p[1]; });
      if (el.type === "radio" || el.type === "checkbox") {
        el.checked = values.indexOf(el.value) >= 0;
      } else if (values.length) {
        el.value = values[0];
      }
    });
  }

  // --- sending, and what the answer means ---

  function send(action, body) {
    var token = csrfToken();
    body.set("csrfmiddlewaretoken", token);
    var headers = { "X-CSRFToken": token };
    headers[HEADER] = "1";
    return fetch(action, { method: "POST", body: body, credentials: "same-origin", headers: headers })
      .then(function (resp) {
        if (resp.redirected && resp.url.indexOf("/login/") >= 0) {
          return { kind: "login" };
        }
        var type = resp.headers.get("content-type") || "";
        if (type.indexOf("application/json") >= 0) {
          return resp.json().then(function (data) {
            if (resp.status === 201 || resp.status === 200) {
              return { kind: "stored", data: data };
            }
            if (resp.status === 400) {
              return { kind: "refused", data: data };
            }
            return { kind: "error", data: data };
          });
        }
        return { kind: resp.status === 403 ? "stale" : "error" };
      });
  }

  var LOGIN = "登录已过期:走访仍保存在本机。请重新登录,登录后打开“网格走访”任一页面即自动提交。";
  var STALE = "页面已过期(安全校验未通过):走访仍保存在本机。请刷新页面,刷新后自动提交。";

  function fieldErrors(data) {
    var lines = [];
    var errors = (data && data.errors) || {};
    Object.keys(errors).forEach(function (k) {
      (errors[k] || []).forEach(function (e) { lines.push({ text: e }); });
    });
    return lines;
  }

  // --- the queue ---

  function queued() {
    return load(QUEUE, []);
  }

  function enqueue(f, note) {
    var pairs = pairsOf(f);
    var item = {
      key: valueOf(pairs, "client_key"),
      action: f.getAttribute("action"),
      person: valueOf(pairs, "person"),
      label: (f.getAttribute("data-label") || "走访") + " " + valueOf(pairs, "visited_on"),
      pairs: pairs,
      queuedAt: new Date().toISOString()
    };
    var queue = queued().filter(function (q) { return q.key !== item.key; });
    queue.push(item);
    if (!save(QUEUE, queue)) {
      show("danger", "本机存储已满,走访未能暂存;请勿关闭页面,恢复网络后再提交。");
      return;
    }
    drop(DRAFT + item.person);
    f.reset();
    // A fresh form for the next visit (reset keeps what the browser restored on reload).
    Array.prototype.forEach.call(f.elements, function (el) {
      if (el.type === "radio" || el.type === "checkbox") {
        el.checked = false;
      } else if (el.tagName === "TEXTAREA" || (el.type === "text" && el.name !== "client_key")) {
        el.value = "";
      }
    });
    var note = document.getElementById("fz-draft-note");
    if (note) {
      note.textContent = "上一条走访已暂存在本机;可以继续登记下一条。";
    }
    setKey(f, uuid());
    var text = "已保存在本机,恢复网络后自动提交" + (note ? "(" + note + ")" : "");
    show("warning", text, [{ text: "本机待提交走访 " + queue.length + " 条" }]);
  }

  function flush() {
    if (flushing || !navigator.onLine) {
      return;
    }
    var queue = queued();
    if (!queue.length) {
      return;
    }
    flushing = true;
    show("info", "网络已恢复,正在提交本机暂存的走访(" + queue.length + " 条)…");
    var done = [];
    var i = 0;

    function finish(kind, text) {
      flushing = false;
      var left = queued().length;
      if (text) {
        show(kind, text, done);
      } else if (left) {
        show("warning", "仍有 " + left + " 条走访保存在本机,恢复网络后自动提交", done);
      } else {
        show("success", "本机暂存的走访已全部提交(" + done.length + " 条)", done);
      }
    }

    function next() {
      var current = queued();
      if (i >= queue.length) {
        finish();
        return;
      }
      var item = queue[i++];
      if (!current.some(function (q) { return q.key === item.key; })) {
        next();  // sent meanwhile by another tab
        return;
      }
      var body = new FormData();
      item.pairs.forEach(function (p) { body.append(p[0], p[1]); });
      send(item.action, body).then(function (result) {
        if (result.kind === "login" || result.kind === "stale") {
          finish("danger", result.kind === "login" ? LOGIN : STALE);
          return;
        }
        if (result.kind === "error") {
          finish("danger", "服务器暂时无法处理,走访仍保存在本机,稍后自动重试。");
          return;
        }
        save(QUEUE, queued().filter(function (q) { return q.key !== item.key; }));
        if (result.kind === "stored") {
          done.push({ text: item.label + ":" + result.data.message + "(查看)", url: result.data.url });
        } else {
          // Refused (e.g. the person left the worker's grid): never silently lost — the
          // typed text goes back to that person's form as a draft.
          save(DRAFT + item.person, { pairs: item.pairs });
          done.push({ text: item.label + " 未能提交:" + ((result.data && result.data.message) || "") + " 内容已恢复为草稿。" });
        }
        next();
      }).catch(function () {
        finish("warning", "网络仍不稳定,走访仍保存在本机,恢复网络后自动提交。");
      });
    }
    next();
  }

  // --- the visit form ---

  function setKey(f, key) {
    var input = f.querySelector("input[name=client_key]");
    if (input) {
      input.value = key;
    }
  }

  function draftKey(f) {
    return DRAFT + (f.getAttribute("data-person") || "");
  }

  function wire(f) {
    var heading = document.querySelector("h1");
    f.setAttribute("data-label", heading ? heading.textContent.replace("登记走访:", "").trim() : "走访");
    var draft = load(draftKey(f), null);
    var hasErrors = !!document.querySelector(".errorlist, [data-testid=form-error]");
    if (draft && draft.pairs && !hasErrors) {
      fill(f, draft.pairs);
      var note = document.getElementById("fz-draft-note");
      if (note) {
        note.textContent = "已恢复上次在本机填写但未提交的内容。";
      }
    }
    var keyInput = f.querySelector("input[name=client_key]");
    if (keyInput && !keyInput.value) {
      setKey(f, uuid());
    }
    var keep = function () { save(draftKey(f), { pairs: pairsOf(f) }); };
    f.addEventListener("input", keep);
    f.addEventListener("change", keep);
    f.addEventListener("submit", function (event) {
      event.preventDefault();
      var photo = f.querySelector("input[type=file]");
      var photoNote = photo && photo.files && photo.files.length ? "照片未能暂存,请恢复网络后在走访详情页补传" : "";
      if (!navigator.onLine) {
        enqueue(f, photoNote);
        return;
      }
      var button = f.querySelector("[type=submit]");
      if (button) {
        button.disabled = true;
      }
      send(f.getAttribute("action"), new FormData(f)).then(function (result) {
        if (button) {
          button.disabled = false;
        }
        if (result.kind === "stored") {
          drop(draftKey(f));
          try { window.sessionStorage.setItem(FLASH, result.data.message); } catch (e) { /* ignore */ }
          window.location.assign(result.data.url);
        } else if (result.kind === "refused") {
          show("danger", result.data.message, fieldErrors(result.data));
          status.scrollIntoView();
        } else if (result.kind === "login" || result.kind === "stale") {
          enqueue(f, photoNote);
          show("danger", result.kind === "login" ? LOGIN : STALE);
        } else {
          enqueue(f, photoNote);
        }
      }).catch(function () {
        if (button) {
          button.disabled = false;
        }
        enqueue(f, photoNote);
      });
    });
  }

  if (form) {
    wire(form);
  }
  try {
    var flash = window.sessionStorage.getItem(FLASH);
    if (flash) {
      window.sessionStorage.removeItem(FLASH);
      show("success", flash);
    }
  } catch (e) { /* ignore */ }
  window.addEventListener("online", flush);
  window.addEventListener("offline", function () {
    var n = queued().length;
    show("warning", "网络已断开:填写的内容保存在本机" + (n ? ",待提交走访 " + n + " 条" : ""));
  });
  if (queued().length) {
    if (navigator.onLine) {
      flush();
    } else {
      show("warning", "本机有 " + queued().length + " 条走访待提交,恢复网络后自动提交");
    }
  }
})();
