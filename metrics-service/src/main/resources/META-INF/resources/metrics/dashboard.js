// The dashboard's weekly charts (Chart.js): the figures of the last 12 weeks, fetched after the page has shown.
(function () {
  function draw() {
    var charts = document.getElementById('charts');
    if (!charts || typeof Chart === 'undefined') { return; }
    var period = charts.getAttribute('data-period') || '';
    fetch('/ui/dashboard/weeks?period=' + encodeURIComponent(period), { headers: { 'X-Requested-With': 'JavaScript' } })
      .then(function (r) { if (r.status === 499) { window.location.reload(); } return r.json(); })
      .then(function (weeks) {
        var labels = weeks.map(function (w) { return w.week; });
        function series(key) { return weeks.map(function (w) { return w[key] === undefined ? null : w[key]; }); }
        function chart(id, type, sets, max) {
          new Chart(document.getElementById(id), {
            type: type,
            data: { labels: labels, datasets: sets },
            options: { animation: false, scales: { y: { beginAtZero: true, suggestedMax: max } } }
          });
        }
        chart('chart-contacts', 'bar', [{ label: 'Contacts', data: series('contacts'), backgroundColor: '#1d4f91' }]);
        chart('chart-conversion', 'line', [{ label: 'Conversion %', data: series('conversion'), borderColor: '#1d4f91' }], 100);
        chart('chart-timeliness', 'line', [
          { label: 'All', data: series('decision-timeliness'), borderColor: '#1b1b1b' },
          { label: 'RED', data: series('decision-timeliness-RED'), borderColor: '#b10e1e', borderDash: [6, 3] },
          { label: 'AMBER', data: series('decision-timeliness-AMBER'), borderColor: '#8a4b00', borderDash: [2, 2] },
          { label: 'GREEN', data: series('decision-timeliness-GREEN'), borderColor: '#00703c' }], 100);
        chart('chart-backlog', 'bar', [{ label: 'Open cases', data: series('backlog'), backgroundColor: '#505a5f' }]);
      });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
