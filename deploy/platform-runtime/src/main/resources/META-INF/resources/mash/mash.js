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
