// RadPair console: draws the dashboard's charts (Chart.js) from the JSON the page carries, after the
// first load and after every htmx swap. Clicking a bar opens the claim list (or worklist) it counts.
(function () {
  'use strict';
  var charts = [];

  function bar(id, labels, datasets, links, stacked) {
    var canvas = document.getElementById(id);
    if (!canvas || typeof Chart === 'undefined') {
      return;
    }
    charts.push(new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { display: datasets.length > 1 } },
        onClick: function (event, elements) {
          if (elements.length && links[elements[0].index]) {
            window.location.href = links[elements[0].index];
          }
        }
      }
    }));
  }

  function draw() {
    charts.forEach(function (chart) { chart.destroy(); });
    charts = [];
    var element = document.getElementById('chart-data');
    if (!element) {
      return;
    }
    var data = JSON.parse(element.textContent);
    bar('trend-chart', data.days, [
      { label: 'PASS', data: data.pass, backgroundColor: '#2e7d32' },
      { label: 'WARN', data: data.warn, backgroundColor: '#ef8f00' },
      { label: 'FAIL', data: data.fail, backgroundColor: '#c62828' }
    ], data.dayLinks, true);
    bar('payer-chart', data.payers.labels, [{ label: 'Claims', data: data.payers.counts, backgroundColor: '#0b57d0' }],
      data.payers.links, false);
    bar('cpt-chart', data.cpts.labels, [{ label: 'Claims', data: data.cpts.counts, backgroundColor: '#5e35b1' }],
      data.cpts.links, false);
  }

  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);
})();
