// 驾驶舱 charts and the sortable comparison table. Data come from json_script islands
// (CSP: no inline JS); every chart has the same numbers in the table beside it.
(function () {
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function draw(el, option) {
    if (!el || !window.echarts) return null;
    var chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption(option);
    window.addEventListener("resize", function () { chart.resize(); });
    return chart;
  }

  // The town's monthly trend: one line per figure.
  var trend = data("trend-data");
  if (trend) {
    draw(document.getElementById("trend-chart"), {
      tooltip: { trigger: "axis" },
      legend: { top: 0, type: "scroll" },
      grid: { left: 48, right: 16, top: 40, bottom: 24 },
      xAxis: { type: "category", data: trend.months },
      yAxis: { type: "value", minInterval: 1 },
      series: trend.series.map(function (s) {
        return { name: s.label, type: "line", data: s.values, smooth: false };
      }),
    });
  }

  // The county's towns on one rate at a time, chosen in the select.
  var county = data("county-data");
  var chartEl = document.getElementById("county-chart");
  var select = document.getElementById("rate-select");
  if (county && chartEl && county.columns.length) {
    var chart = draw(chartEl, {});
    var show = function (key) {
      var column = county.columns.filter(function (c) { return c.key === key; })[0];
      chart.setOption({
        tooltip: { trigger: "axis", valueFormatter: function (v) { return v == null ? "—" : v + "%"; } },
        grid: { left: 48, right: 16, top: 24, bottom: 64 },
        xAxis: { type: "category", data: county.towns, axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
        series: [{ name: column.label, type: "bar", barMaxWidth: 48, data: county.values[key], itemStyle: { color: "#0d6efd" } }],
      }, true);
    };
    if (chart) {
      show(county.columns[0].key);
      if (select) select.addEventListener("change", function () { show(select.value); });
    }
  }

  // Sortable tables: a header's button sorts by that column (numbers as numbers, "—" last).
  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll("thead button[data-col]").forEach(function (button) {
      button.addEventListener("click", function () {
        var th = button.closest("th");
        var col = parseInt(button.dataset.col, 10);
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var text = row.cells[col].textContent.trim();
          var n = parseFloat(text);
          return isNaN(n) ? text : n;
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          if (x === "—" || y === "—") return x === y ? 0 : (x === "—" ? 1 : -1);
          if (typeof x === "number" && typeof y === "number") return ascending ? x - y : y - x;
          return ascending ? String(x).localeCompare(String(y), "zh") : String(y).localeCompare(String(x), "zh");
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
