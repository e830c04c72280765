// Draws the dashboard's charts (ECharts) from the JSON the page carries; each chart also has a data table.
(function () {
  'use strict';
  function percentUnit(unit) { return unit === 'PERCENT'; }
  function draw() {
    if (typeof echarts === 'undefined') { return; }
    var data = document.getElementById('chart-data');
    var charts = data ? JSON.parse(data.textContent || '[]') : [];
    var drawn = [];
    charts.forEach(function (c) {
      var el = document.getElementById('chart-' + c.id);
      if (!el) { return; }
      var hasPercent = c.series.some(function (s) { return percentUnit(s.unit); });
      var hasCount = c.series.some(function (s) { return !percentUnit(s.unit); });
      var yAxis = [];
      if (hasCount) { yAxis.push({ type: 'value', minInterval: 1 }); }
      if (hasPercent) { yAxis.push({ type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }); }
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption({
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 40, right: hasPercent && hasCount ? 48 : 16, top: 36, bottom: 28, containLabel: true },
        xAxis: { type: 'category', data: c.months },
        yAxis: yAxis,
        series: c.series.map(function (s) {
          return { name: s.name, type: s.kind, data: s.values,
                   yAxisIndex: hasCount && hasPercent && percentUnit(s.unit) ? 1 : 0, connectNulls: false };
        })
      });
      drawn.push(chart);
    });
    var status = document.getElementById('chart-status');
    var table = document.getElementById('status-table');
    if (status && table) {
      var items = [];
      table.querySelectorAll('tr').forEach(function (tr) {
        var cells = tr.querySelectorAll('td');
        var v = cells[1] && cells[1].getAttribute('data-value');
        if (v !== null && v !== '') { items.push({ name: cells[0].textContent.trim(), value: Number(v) }); }
      });
      if (items.length) {
        var pie = echarts.init(status, null, { renderer: 'svg' });
        pie.setOption({ tooltip: { trigger: 'item' }, legend: { bottom: 0 },
          series: [{ type: 'pie', radius: ['35%', '65%'], data: items }] });
        drawn.push(pie);
      }
    }
    window.addEventListener('resize', function () { drawn.forEach(function (c) { c.resize(); }); });
    document.body.setAttribute('data-charts-drawn', String(drawn.length));
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
