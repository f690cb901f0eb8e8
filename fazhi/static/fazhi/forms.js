// Give Django's plain form widgets Bootstrap's look (no inline scripts: CSP), on the page
// and again on whatever htmx swaps in (a record's actions after a step).
function fzStyleForms(root) {
  root.querySelectorAll("form input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([type=submit]):not([type=file]), form select, form textarea")
    .forEach(function (el) { el.classList.add(el.tagName === "SELECT" ? "form-select" : "form-control"); });
  root.querySelectorAll("form input[type=checkbox], form input[type=radio]").forEach(function (el) { el.classList.add("form-check-input"); });
}
fzStyleForms(document);
document.body.addEventListener("htmx:afterSettle", function () { fzStyleForms(document); });
