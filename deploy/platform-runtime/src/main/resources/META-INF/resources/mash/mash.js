// The MASH pages' one script (served by every service at /mash/mash.js), loaded after htmx.
// Partial updates say they come from script: when the session has ended the service then answers 499 instead of
// redirecting the request to the sign-in page (which a script cannot follow); the page reloads, and the browser goes
// to sign in as for any page.
document.addEventListener('htmx:configRequest', function (e) {
  e.detail.headers['X-Requested-With'] = 'JavaScript';
});
document.addEventListener('htmx:responseError', function (e) {
  if (e.detail.xhr && (e.detail.xhr.status === 499 || e.detail.xhr.status === 401)) {
    window.location.reload();
  }
});

// "3 h 20 min left" / "overdue by 1 d 2 h" beside a due time ([data-due]) keeps counting while the page is open, as
// the server wrote it (Show.timeLeft), without asking the server again.
(function () {
  function duration(minutes) {
    var days = Math.floor(minutes / 1440), hours = Math.floor((minutes % 1440) / 60), mins = minutes % 60;
    if (days > 0) { return days + ' d ' + hours + ' h'; }
    return hours > 0 ? hours + ' h ' + mins + ' min' : mins + ' min';
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-due]').forEach(function (el) {
      var left = Math.trunc((Date.parse(el.getAttribute('data-due')) - now) / 60000);
      el.textContent = left >= 0 ? duration(left) + ' left' : 'overdue by ' + duration(-left);
      el.classList.toggle('late', left < 0);
    });
  }
  setInterval(tick, 30000);
})();
