// Keeps a console page live: listens to the service's event stream and, when something happens, re-reads
// this same page and swaps in its live regions ([data-live] elements, matched by id). No framework, no
// build step; without JavaScript the pages still work, they just need a reload.
(function () {
  "use strict";
  var EVENTS = ["risk_changed", "risk_assessed", "incident_opened", "incident_raised", "flagged",
    "page_scheduled", "page_sent", "page_retry", "page_failed", "page_passed", "escalated",
    "acknowledged", "responder_eta", "resolved", "playbook"];
  var body = document.body;
  var status = document.getElementById("live-status");
  var pending = null;
  var refreshing = false;

  function say(text) {
    if (status && text && status.textContent !== text) { status.textContent = text; }
  }

  function announcement(root) {
    var node = root.getElementById("announce");
    return node ? node.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function refresh() {
    if (refreshing) { schedule(); return; }
    refreshing = true;
    var before = announcement(document);
    fetch(window.location.href, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (response.redirected || response.status === 401) {
          say("You have been signed out. Reload the page to sign in again.");
          return null;
        }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var focusedId = document.activeElement ? document.activeElement.id : "";
        document.querySelectorAll("[data-live]").forEach(function (region) {
          var replacement = fresh.getElementById(region.id);
          if (replacement) { region.replaceWith(document.adoptNode(replacement)); }
        });
        if (focusedId) {
          var again = document.getElementById(focusedId);
          if (again) { again.focus(); }
        }
        var after = announcement(document);
        if (after && after !== before) { say(after); }
        body.dataset.refreshed = String(Number(body.dataset.refreshed || "0") + 1);
      })
      .catch(function () { /* the next event or timer tries again */ })
      .then(function () { refreshing = false; });
  }

  function schedule() {
    if (pending) { return; }
    pending = window.setTimeout(function () { pending = null; refresh(); }, 250);
  }

  var stream = body.dataset.stream;
  // A page may listen to fewer events (data-refresh-on): a list of every conversation on the floor need
  // not re-read itself for each scanned message, only when a risk level or an incident changes.
  var wanted = body.dataset.refreshOn ? body.dataset.refreshOn.split(" ") : EVENTS;
  if (stream && window.EventSource) {
    var source = new EventSource(stream);
    wanted.forEach(function (name) { source.addEventListener(name, schedule); });
    source.addEventListener("open", function () { body.dataset.streamState = "connected"; });
    source.addEventListener("error", function () {
      if (source.readyState === EventSource.CLOSED) {
        body.dataset.streamState = "closed";
        say("Live updates stopped. Reload the page.");
      }
    });
  }
  var every = Number(body.dataset.refreshSeconds || "0");
  if (every > 0) { window.setInterval(schedule, every * 1000); }
})();
