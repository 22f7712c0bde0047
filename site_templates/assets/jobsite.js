/* jobsite: a static page ages. When it is opened on a later day than it was computed for,
   put each action back in the right bucket from its data-due and data-due-by dates, and say
   so plainly. On today's call sheet, an action is shown while it is overdue or due: one that
   came due since the build appears, one not due yet stays hidden. And the copy buttons beside
   the commands. No framework, no request to any host. */
(function () {
  "use strict";

  /* The page's words: its bucket names, day and month names, and the messages below, from
     the JSON the page carries (`page_words` in _macros.html), in the site's language. */
  var WORDS = null;
  var RANK = { overdue: 0, due: 1, upcoming: 2, later: 3 };
  var OWED = { overdue: true, due: true, upcoming: false, later: false };

  function localToday() {
    var now = new Date();
    var month = String(now.getMonth() + 1).padStart(2, "0");
    var day = String(now.getDate()).padStart(2, "0");
    return now.getFullYear() + "-" + month + "-" + day;
  }

  function addDays(iso, days) {
    var parts = iso.split("-").map(Number);
    var date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2] + days));
    return date.toISOString().slice(0, 10);
  }

  /* A day as the pages write it ("Mon 30 Nov 2026"): the page's pattern of CLDR letters
     (EEE the weekday, d the day, MMM the month, y the year; text in quotes kept). */
  function longDate(iso, words) {
    var parts = iso.split("-").map(Number);
    var date = new Date(parts[0], parts[1] - 1, parts[2]);
    return words.day_pattern.replace(/EEE|MMM|d|y|'([^']*)'/g, function (token, quoted) {
      if (token === "EEE") return words.days[date.getDay()];
      if (token === "MMM") return words.months[parts[1] - 1];
      if (token === "d") return String(parts[2]);
      if (token === "y") return String(parts[0]);
      return quoted;
    });
  }

  /* guide/rules.md §5: overdue past due_by; due within [due, due_by]; upcoming within the horizon. */
  function bucketOf(due, dueBy, today, horizon) {
    if (today > dueBy) return "overdue";
    if (due <= today) return "due";
    if (due <= addDays(today, horizon)) return "upcoming";
    return "later";
  }

  function listFor(container, bucket) {
    var lists = container.querySelectorAll("[data-bucket-list]");
    for (var i = 0; i < lists.length; i++) {
      if (lists[i].getAttribute("data-bucket-list").split(" ").indexOf(bucket) >= 0) return lists[i];
    }
    return null;
  }

  /* The sheet's items are `jobsite-call`, the lists' `jobsite-action`: each keeps its own. */
  function rebucket(item, bucket) {
    var old = item.getAttribute("data-bucket");
    if (item.hasAttribute("data-sheet-item")) item.hidden = !OWED[bucket];
    if (old === bucket) return;
    var kind = item.classList.contains("jobsite-call") ? "jobsite-call--" : "jobsite-action--";
    item.setAttribute("data-bucket", bucket);
    item.classList.remove(kind + old);
    item.classList.add(kind + bucket);
    var badge = item.querySelector("[data-badge]");
    if (badge) {
      badge.classList.remove("jobsite-badge--" + old);
      badge.classList.add("jobsite-badge--" + bucket);
    }
    /* The badge, and the sentence a screen reader hears in its place. */
    var texts = item.querySelectorAll("[data-badge-text]");
    for (var i = 0; i < texts.length; i++) texts[i].textContent = WORDS.buckets[bucket];
    var container = item.closest("[data-jobsite-list]");
    var target = container && listFor(container, bucket);
    if (target && target !== item.parentNode) target.appendChild(item);
  }

  /* A booked interview or meeting whose day has passed is in the file already and counts from
     its day: never overdue. The card asks whether it happened (its words are in the page) and
     says what follows; on the call sheet, it replaces "tomorrow, a thank-you call". */
  function askIfHappened(item) {
    var kind = item.classList.contains("jobsite-call") ? "jobsite-call--" : "jobsite-action--";
    item.classList.remove(kind + item.getAttribute("data-bucket"));
    item.classList.add(kind + "happened");
    item.setAttribute("data-happened", "");
    var badge = item.querySelector("[data-badge]");
    if (badge) {
      badge.classList.remove("jobsite-badge--" + item.getAttribute("data-bucket"));
      badge.classList.add("jobsite-badge--happened");
    }
    var texts = item.querySelectorAll("[data-badge-text]");
    for (var i = 0; i < texts.length; i++) texts[i].textContent = WORDS.buckets.happened;
    var before = item.querySelectorAll("[data-before-it]");
    for (var j = 0; j < before.length; j++) before[j].hidden = true;
    var question = item.querySelector("[data-happened-question]");
    if (question) question.hidden = false;
    if (item.hasAttribute("data-sheet-item")) item.hidden = false;
  }

  /* Within a list: by bucket (a list may hold overdue and due), then by due date, then as
     the build ordered them (company, action). */
  function sortLists(order) {
    var lists = document.querySelectorAll("[data-bucket-list]");
    for (var i = 0; i < lists.length; i++) {
      var items = Array.prototype.slice.call(lists[i].children);
      items.sort(function (a, b) {
        var ka = RANK[a.getAttribute("data-bucket")], kb = RANK[b.getAttribute("data-bucket")];
        if (ka !== kb) return ka - kb;
        var da = a.getAttribute("data-due"), db = b.getAttribute("data-due");
        if (da !== db) return da < db ? -1 : 1;
        return order.indexOf(a) - order.indexOf(b);
      });
      for (var j = 0; j < items.length; j++) lists[i].appendChild(items[j]);
    }
  }

  /* The notice, naming a day as every page does: in a <time> a program can read, where the
     message says {day}. */
  function tell(notice, message, iso) {
    var halves = message.split("{day}");
    var time = document.createElement("time");
    time.setAttribute("datetime", iso);
    time.textContent = longDate(iso, WORDS);
    notice.textContent = "";
    notice.appendChild(document.createTextNode(halves[0]));
    notice.appendChild(time);
    notice.appendChild(document.createTextNode(halves.slice(1).join("{day}")));
    notice.hidden = false;
  }

  function refreshEmptyNotes() {
    var notes = document.querySelectorAll("[data-empty-for]");
    for (var i = 0; i < notes.length; i++) {
      var list = notes[i].previousElementSibling;
      notes[i].hidden = !!(list && list.children.length);
    }
  }

  function refreshCounts() {
    var counts = document.querySelectorAll("[data-count]");
    for (var i = 0; i < counts.length; i++) {
      var bucket = counts[i].getAttribute("data-count");
      var scope = document.querySelectorAll("[data-jobsite-list] .jobsite-action[data-bucket='" + bucket + "']");
      counts[i].textContent = String(scope.length);
    }
  }

  /* Today's call sheet on a later day: its day, its count and its empty note follow. */
  function refreshSheet(today) {
    var sheet = document.querySelector("[data-sheet]");
    if (!sheet) return;
    var shown = sheet.querySelectorAll("[data-sheet-item]:not([hidden])").length;
    var day = document.querySelector("[data-sheet-day]");
    if (day) {
      day.setAttribute("datetime", today);
      day.textContent = longDate(today, WORDS);
    }
    var count = document.querySelector("[data-sheet-count]");
    if (count) count.textContent = String(shown);
    var empty = document.querySelector("[data-empty-for='sheet']");
    if (empty) empty.hidden = shown > 0;
  }

  /* The line to add on GitHub records the day it is added: today, not the build's day. */
  function redateRecords(computed, today) {
    var lines = document.querySelectorAll("[data-record-day]");
    for (var i = 0; i < lines.length; i++) {
      lines[i].textContent = lines[i].textContent.replace("date: " + computed, "date: " + today);
      lines[i].setAttribute("data-record-day", today);
    }
  }

  /* Copy buttons: the Clipboard API where the page may use it, else the older copy command
     on a hidden text field (a page opened from disk, an older browser), else the text is
     selected for the reader to copy. The live region beside the button says which. */
  function say(button, words) {
    var status = button.nextElementSibling;
    if (!status || !status.classList.contains("jobsite-copy__status")) return;
    status.textContent = "";
    window.setTimeout(function () { status.textContent = words; }, 50);
    window.clearTimeout(button._jobsiteClear);
    button._jobsiteClear = window.setTimeout(function () { status.textContent = ""; }, 4000);
  }

  function copyByCommand(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.top = "0";
    field.style.opacity = "0";
    document.body.appendChild(field);
    var active = document.activeElement;
    field.select();
    var done;
    try {
      done = document.execCommand("copy");
    } catch {
      done = false;
    }
    document.body.removeChild(field);
    if (active && active.focus) active.focus();
    return done;
  }

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copy(button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    if (!target) return;
    var text = target.tagName === "A" ? target.href : target.textContent;
    function fallBack() {
      if (copyByCommand(text)) {
        say(button, WORDS.copied);
      } else {
        selectText(target);
        say(button, WORDS.selected);
      }
    }
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { say(button, WORDS.copied); }, fallBack);
    } else {
      fallBack();
    }
  }

  function setUpCopying() {
    var buttons = document.querySelectorAll("button[data-copy]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function (event) { copy(event.currentTarget); });
    }
  }

  /* A table wider than the screen scrolls sideways in its region: the hint before it says
     so while that is true (a phone, a narrow window), and hides again once it fits. */
  function setUpScrollHints() {
    var hints = document.querySelectorAll("[data-scroll-hint]");
    if (!hints.length) return;
    function check() {
      for (var i = 0; i < hints.length; i++) {
        var region = hints[i].nextElementSibling;
        if (region) hints[i].hidden = region.scrollWidth <= region.clientWidth + 1;
      }
    }
    check();
    window.addEventListener("resize", check);
  }

  function run() {
    var words = document.getElementById("jobsite-words");
    if (!words) return;
    WORDS = JSON.parse(words.textContent);
    setUpCopying();
    setUpScrollHints();
    var stamp = document.querySelector("[data-jobsite-computed]");
    if (!stamp) return;
    var computed = stamp.getAttribute("data-jobsite-computed");
    var horizon = parseInt(stamp.getAttribute("data-horizon") || "7", 10);
    var today = localToday();
    if (today === computed) return;
    var notice = stamp.querySelector("[data-stale-notice]");
    if (today < computed) {
      if (notice) tell(notice, WORDS.ahead, today);
      return;
    }
    var items = Array.prototype.slice.call(document.querySelectorAll("[data-due][data-due-by]"));
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      if (item.hasAttribute("data-quiet")) continue;  /* gone quiet: a decision, whatever the day */
      if (item.getAttribute("data-action") === "interview" && item.getAttribute("data-due") < today) {
        askIfHappened(item);
        continue;
      }
      rebucket(item, bucketOf(item.getAttribute("data-due"), item.getAttribute("data-due-by"), today, horizon));
    }
    sortLists(items);
    refreshEmptyNotes();
    refreshCounts();
    refreshSheet(today);
    redateRecords(computed, today);
    if (notice) {
      tell(notice, items.length ? WORDS.stale_rebucketed : WORDS.stale, today);
    }
    document.documentElement.setAttribute("data-jobsite-stale", today);
  }

  /* The tests run the date logic under Node, where `module` exists; a browser has none. */
  if (typeof module === "object" && module.exports) {
    module.exports = { bucketOf: bucketOf, addDays: addDays, longDate: longDate };
    return;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
