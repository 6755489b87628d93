/* Year and document selectors: the form is submitted by its "Show" button, which 34-navigation.js
   handles (no page reload); when the new view has replaced the page, focus returns to that button,
   so a keyboard user continues where they were. Choosing a document offers only the years that have
   it (each year option names its documents in data-kinds); when the chosen year has none, the
   nearest year that has one is chosen and the form says so (the document select's data-notes) instead
   of changing it silently. Nothing navigates until "Show". */
(function () {
  var APPLY = "document-apply";
  var refocusUntil = 0;
  document.addEventListener("click", function (event) {
    if (event.target && event.target.closest && event.target.closest("#" + APPLY)) refocusUntil = Date.now() + 8000;
  }, true);
  function narrowYears(documentSelect) {
    var years = document.getElementById("year-select"), note = document.getElementById("document-note");
    if (!years) return;
    var kind = documentSelect.value, chosen = parseInt(years.value, 10), offered = [];
    Array.prototype.forEach.call(years.options, function (option) {
      var has = (option.getAttribute("data-kinds") || "").split(" ").indexOf(kind) >= 0;
      option.hidden = option.disabled = !has;
      if (has) offered.push(parseInt(option.value, 10));
    });
    if (!offered.length) return;
    if (offered.indexOf(chosen) >= 0) {
      if (note) note.textContent = "";
      return;
    }
    var nearest = offered.slice().sort(function (a, b) { return Math.abs(a - chosen) - Math.abs(b - chosen) || b - a; })[0];
    years.value = String(nearest);
    var notes = {};
    try { notes = JSON.parse(documentSelect.getAttribute("data-notes") || "{}"); } catch (e) { notes = {}; }
    if (note && notes[kind]) note.textContent = notes[kind].replace("{year}", isNaN(chosen) ? "" : chosen).replace("{nearest}", nearest);
  }
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "document-select") narrowYears(event.target);
  });
  new MutationObserver(function () {
    if (Date.now() > refocusUntil) return;
    var button = document.getElementById(APPLY);
    if (button && button !== document.activeElement && (document.activeElement === document.body || !document.activeElement)) {
      refocusUntil = 0;
      button.focus();
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
