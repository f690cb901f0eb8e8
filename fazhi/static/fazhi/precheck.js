// 智能预审: clicking a highlighted sentence brings its finding card into view (and back).
document.addEventListener("click", function (event) {
  var mark = event.target.closest("[data-testid=document] mark[data-finding]");
  if (!mark) { return; }
  var card = document.getElementById("finding-" + mark.dataset.finding);
  if (!card) { return; }
  card.scrollIntoView({ behavior: "smooth", block: "center" });
  card.classList.add("shadow");
  window.setTimeout(function () { card.classList.remove("shadow"); }, 1500);
});
