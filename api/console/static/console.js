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

  // Times. The server writes each <time> in the reader's roster zone, or in UTC marked
  // data-local="browser" for people not on the roster: those are rewritten here in the browser's zone.
  // Relative times ("6 min 05 s ago", data-since) keep counting from the page's server time, not the
  // browser's clock, which may disagree with the service's (and does in the demo's fast clock).
  var serverOffset = body.dataset.now ? Date.parse(body.dataset.now) - Date.now() : 0;
  var clockFormat = null;
  try {
    clockFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit",
      hourCycle: "h23", timeZoneName: "short" });
  } catch (e) { clockFormat = null; }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function elapsed(seconds) {  // mirrors api/console/formatting.py since()
    seconds = Math.max(0, Math.floor(seconds));
    var hours = Math.floor(seconds / 3600), minutes = Math.floor((seconds % 3600) / 60), secs = seconds % 60;
    if (hours) { return hours + " h " + pad(minutes) + " min"; }
    if (minutes) { return minutes + " min " + pad(secs) + " s"; }
    return secs + " s";
  }

  function localise(root) {
    if (clockFormat) {
      root.querySelectorAll('time[data-local="browser"]').forEach(function (node) {
        var at = Date.parse(node.getAttribute("datetime"));
        if (!isNaN(at)) { node.textContent = clockFormat.format(new Date(at)); node.dataset.local = "done"; }
      });
    }
    tick(root);
  }

  function tick(root) {
    var now = Date.now() + serverOffset;
    (root || document).querySelectorAll("time[data-since]").forEach(function (node) {
      var at = Date.parse(node.getAttribute("datetime"));
      if (!isNaN(at)) { node.textContent = elapsed((now - at) / 1000) + (node.dataset.suffix || ""); }
    });
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
        if (fresh.body && fresh.body.dataset.now) {
          serverOffset = Date.parse(fresh.body.dataset.now) - Date.now();
        }
        localise(fresh);  // before the swap, so an announcement compares like with like
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
  localise(document);
  window.setInterval(function () { tick(document); }, 5000);
  var every = Number(body.dataset.refreshSeconds || "0");
  if (every > 0) { window.setInterval(schedule, every * 1000); }
})();
