// Give Django's plain form widgets Bootstrap's look (no inline scripts: CSP).
document.querySelectorAll("form input:not([type=checkbox]):not([type=hidden]), form select, form textarea")
  .forEach(function (el) { el.classList.add(el.tagName === "SELECT" ? "form-select" : "form-control"); });
document.querySelectorAll("form input[type=checkbox]").forEach(function (el) { el.classList.add("form-check-input"); });
