// Audit events per day, stacked by result (data from the json_script tag; CSP: no inline JS).
(function () {
  var el = document.getElementById("audit-chart");
  var data = document.getElementById("audit-daily");
  if (!el || !data || !window.echarts) return;
  var daily = JSON.parse(data.textContent);
  var colors = { "成功": "#198754", "失败": "#dc3545", "拒绝": "#fd7e14" };
  var chart = echarts.init(el, null, { renderer: "svg" });
  chart.setOption({
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 24 },
    xAxis: { type: "category", data: daily.labels },
    yAxis: { type: "value", minInterval: 1 },
    series: daily.series.map(function (s) {
      return { name: s.name, type: "bar", stack: "all", data: s.data, itemStyle: { color: colors[s.name] } };
    }),
  });
  window.addEventListener("resize", function () { chart.resize(); });
})();
