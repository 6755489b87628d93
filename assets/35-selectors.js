/* Year and document selectors: the form is submitted by its "Show" button, which a Dash callback
   handles (no page reload); when the new view has replaced the page, focus returns to that button,
   so a keyboard user continues where they were. */
(function () {
  var APPLY = "document-apply";
  var refocusUntil = 0;
  document.addEventListener("submit", function (event) {
    if (event.target && event.target.classList && event.target.classList.contains("selectors")) {
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    if (event.target && event.target.closest && event.target.closest("#" + APPLY)) refocusUntil = Date.now() + 8000;
  }, true);
  new MutationObserver(function () {
    if (Date.now() > refocusUntil) return;
    var button = document.getElementById(APPLY);
    if (button && button !== document.activeElement && (document.activeElement === document.body || !document.activeElement)) {
      refocusUntil = 0;
      button.focus();
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
