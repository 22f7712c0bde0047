"""What the browser gets in protected mode: the locked page, and what is added to each page.

Every HTML file of a protected site becomes the same small locked page: no title of its own,
`noindex, nofollow`, a password form, and the encrypted page as base64 in a JSON script
element. Its script derives the site key with WebCrypto (PBKDF2-SHA256, the parameters in the
JSON), unwraps the build's content key with it (AES-256-GCM: a wrong password fails the tag
check, which is how it knows), decrypts the page and writes it over the locked one. The site
key, never the password, is kept in sessionStorage, and also in localStorage when "Remember
on this device" is ticked, under a name made of the site's path, so the next page opens
without asking. The decrypted page gets a "Lock" link that forgets the key, and the helper that
decrypts the site's other sealed files (a picture in your own docs/) where a page uses them.

The JavaScript lives here rather than in a .js file so that it ships inside the Python module.
"""

from __future__ import annotations

import json
import re

# The three uses of AES-256-GCM, each with its own associated data, so that a ciphertext made
# for one use can never be passed off as another.
KEY_AAD = b"jobsite/1 key"
PAGE_AAD = b"jobsite/1 page"
FILE_AAD = b"jobsite/1 file"

_HEAD_META = (
    '<meta name="robots" content="noindex, nofollow">'
    '<meta name="referrer" content="no-referrer">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
)

# Helpers shared by the locked page and the decrypted page.
_COMMON_JS = """
  function fromBase64(text) {
    var raw = atob(text), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }
  function toBase64(bytes) {
    var raw = "";
    for (var i = 0; i < bytes.length; i++) raw += String.fromCharCode(bytes[i]);
    return btoa(raw);
  }
  /* AES-256-GCM: `sealed` is the 96-bit nonce, then the ciphertext and its tag. */
  function unseal(keyBytes, sealed, label) {
    var subtle = window.crypto.subtle;
    return subtle.importKey("raw", keyBytes, "AES-GCM", false, ["decrypt"]).then(function (key) {
      return subtle.decrypt({ name: "AES-GCM", iv: sealed.subarray(0, 12),
        additionalData: new TextEncoder().encode(label) }, key, sealed.subarray(12));
    }).then(function (plain) { return new Uint8Array(plain); });
  }
  /* One remembered key per site: project sites of one account share an origin. */
  function storageName(root) { return "jobsite-key:" + new URL(root, location.href).pathname; }
  function stores() {
    var found = [];
    try { found.push(window.sessionStorage); } catch (e) { /* storage switched off */ }
    try { found.push(window.localStorage); } catch (e) { /* storage switched off */ }
    return found;
  }
  function savedKey(name, salt) {
    var all = stores();
    for (var i = 0; i < all.length; i++) {
      try {
        var entry = JSON.parse(all[i].getItem(name) || "null");
        if (entry && entry.salt === salt) return fromBase64(entry.key);
      } catch (e) { /* unreadable entry: ignore it */ }
    }
    return null;
  }
  function forget(name) {
    stores().forEach(function (store) { try { store.removeItem(name); } catch (e) { /* gone */ } });
  }
"""

_LOCKED_JS = (
    """(function () {
  "use strict";
"""
    + _COMMON_JS
    + """
  var locked = JSON.parse(document.getElementById("jobsite-locked").textContent);
  var name = storageName(locked.root);
  var form = document.getElementById("jobsite-unlock");
  var password = document.getElementById("jobsite-password");
  var remember = document.getElementById("jobsite-remember");
  var button = document.getElementById("jobsite-submit");
  var message = document.getElementById("jobsite-message");

  function say(text, wrong) {
    message.textContent = text;
    message.hidden = !text;
    message.className = wrong ? "wrong" : "";
  }
  function ready() { form.hidden = false; password.focus(); }
  function contentKey(siteKey) { return unseal(siteKey, fromBase64(locked.key), "jobsite/1 key"); }
  function loaded() {
    /* Replacing the page before it has finished loading appends to it, or cuts the new
       page short at its first script: wait for the load event. */
    return new Promise(function (resolve) {
      if (document.readyState === "complete") {
        resolve();
      } else {
        window.addEventListener("load", function () { setTimeout(resolve, 0); });
      }
    });
  }
  function show(key) {
    return unseal(key, fromBase64(locked.page), "jobsite/1 page").then(function (page) {
      var html = new TextDecoder().decode(page);
      return loaded().then(function () {
        document.open();
        document.write(html);
        document.close();
      });
    });
  }
  function keep(siteKey, persist) {
    var entry = JSON.stringify({ salt: locked.salt, key: toBase64(siteKey) });
    try { window.sessionStorage.setItem(name, entry); } catch (e) { /* not kept */ }
    if (persist) { try { window.localStorage.setItem(name, entry); } catch (e) { /* not kept */ } }
  }
  function broken() { say("This page could not be decrypted: it may be damaged.", true); }

  if (!window.crypto || !window.crypto.subtle || !window.TextDecoder) {
    say("This browser cannot unlock the site: open it over HTTPS in a current browser.", true);
    return;
  }
  var saved = savedKey(name, locked.salt);
  if (saved) {
    say("Unlocking\\u2026");
    contentKey(saved).then(function (key) { return show(key).catch(broken); }, function () {
      forget(name);  /* the password has changed since it was remembered */
      say("");
      ready();
    });
  } else {
    ready();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    button.disabled = true;
    say("Unlocking\\u2026");
    var subtle = window.crypto.subtle;
    var secret = new TextEncoder().encode(password.value.normalize("NFC"));
    subtle.importKey("raw", secret, "PBKDF2", false, ["deriveBits"]).then(function (material) {
      return subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: fromBase64(locked.salt),
        iterations: locked.iterations }, material, 256);
    }).then(function (bits) {
      var siteKey = new Uint8Array(bits);
      return contentKey(siteKey).then(function (key) {
        keep(siteKey, remember.checked);
        return show(key).catch(broken);
      }, function () {
        button.disabled = false;
        password.value = "";
        password.focus();
        say("Wrong password. Try again.", true);
      });
    });
  });
})();
"""
)

_LOCKED_CSS = """
:root { color-scheme: light dark; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f4f5f7;
  color: #1d1d1f; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { width: min(22rem, 90vw); padding: 1.5rem; border-radius: .75rem; background: #fff;
  box-shadow: 0 2px 12px rgba(0, 0, 0, .12); }
h1 { font-size: 1.25rem; margin: 0 0 1rem; }
label { display: block; margin: .75rem 0; }
input[type=password] { box-sizing: border-box; width: 100%; margin-top: .25rem; padding: .5rem;
  font: inherit; }
button { margin-top: .25rem; padding: .5rem 1.25rem; font: inherit; }
.wrong { color: #b00020; font-weight: 600; }
@media (prefers-color-scheme: dark) {
  body { background: #1e1f24; color: #e8e8ea; }
  main { background: #2a2b31; }
  .wrong { color: #ff8a80; }
}
"""

_LOCKED_PAGE = (
    """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
"""
    + _HEAD_META
    + """
<title>Locked</title>
<style>"""
    + _LOCKED_CSS
    + """</style>
</head>
<body>
<main>
<h1>This site is locked</h1>
<noscript><p>Unlocking the site needs JavaScript.</p></noscript>
<form id="jobsite-unlock" hidden>
<input type="text" name="username" autocomplete="username" value="jobsite" hidden>
<label for="jobsite-password">Password</label>
<input id="jobsite-password" type="password" autocomplete="current-password" required>
<label><input id="jobsite-remember" type="checkbox"> Remember on this device</label>
<button id="jobsite-submit" type="submit">Unlock</button>
</form>
<p id="jobsite-message" role="alert" hidden></p>
</main>
<script type="application/json" id="jobsite-locked">@PAYLOAD@</script>
<script>"""
    + _LOCKED_JS
    + """</script>
</body>
</html>
"""
)

_PAGE_JS = (
    """(function () {
  "use strict";
"""
    + _COMMON_JS
    + """
  var page = JSON.parse(document.getElementById("jobsite-page").textContent);
  var name = storageName(page.root);
  var lock = document.getElementById("jobsite-lock");
  if (lock) {
    lock.addEventListener("click", function (event) {
      event.preventDefault();
      forget(name);
      location.reload();
    });
  }
  if (!page.files.length) return;

  /* Files other than pages are sealed too: decrypt the ones this page shows or links to. */
  var base = new URL(page.root, location.href);
  var sealed = {};
  page.files.forEach(function (path) { sealed[new URL(path, base).href] = path; });
  var TYPES = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif",
    webp: "image/webp", svg: "image/svg+xml", pdf: "application/pdf" };
  var contentKey = null;
  function key() {
    if (!contentKey) {
      var siteKey = savedKey(name, page.salt);
      contentKey = siteKey ? unseal(siteKey, fromBase64(page.key), "jobsite/1 key")
        : Promise.reject(new Error("locked"));
    }
    return contentKey;
  }
  function target(href) {
    var url = new URL(href, location.href);
    url.hash = "";
    url.search = "";
    return sealed[url.href] ? url.href : null;
  }
  function reveal(url) {
    var extension = url.split(".").pop().toLowerCase();
    return Promise.all([key(), fetch(url).then(function (r) { return r.arrayBuffer(); })])
      .then(function (both) { return unseal(both[0], new Uint8Array(both[1]), "jobsite/1 file"); })
      .then(function (plain) {
        var type = TYPES[extension] || "application/octet-stream";
        return URL.createObjectURL(new Blob([plain], { type: type }));
      });
  }
  Array.prototype.forEach.call(document.querySelectorAll("img[src]"), function (image) {
    var url = target(image.getAttribute("src"));
    if (url) reveal(url).then(function (blob) { image.src = blob; });
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    var url = link && target(link.getAttribute("href"));
    if (!url) return;
    event.preventDefault();
    reveal(url).then(function (blob) { location.href = blob; });
  });
})();
"""
)

_PAGE_ADDITION = (
    '<a id="jobsite-lock" href="#" title="Lock the site and forget the password on this device"'
    ' style="position:fixed;left:.6rem;bottom:.6rem;z-index:10;padding:.2rem .7rem;'
    "border-radius:1rem;background:rgba(0,0,0,.6);color:#fff;font:12px/1.6 system-ui,"
    'sans-serif;text-decoration:none">Lock</a>'
    "<style>@media print{#jobsite-lock{display:none}}</style>"
    '<script type="application/json" id="jobsite-page">@PAGE@</script>'
    "<script>" + _PAGE_JS + "</script>"
)

NOT_FOUND_PAGE = (
    """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
"""
    + _HEAD_META
    + """
<title>Not found</title>
</head>
<body>
<p>Not found.</p>
</body>
</html>
"""
).encode("utf-8")


def locked_page(payload: dict[str, object]) -> bytes:
    """The locked page holding `payload` (base64 strings, numbers and a relative path)."""
    return _LOCKED_PAGE.replace("@PAYLOAD@", _json_for_script(payload)).encode("utf-8")


def unlocked_additions(html: str, page: dict[str, object]) -> str:
    """`html` with what a decrypted page needs: no referrer, the Lock link and its script.

    The referrer policy keeps the site's address from the hosts of the links in it (the
    posting you applied to would otherwise learn where your journal lives).
    """
    meta = '<meta name="referrer" content="no-referrer">'
    html = re.sub(r"(<head(?:\s[^>]*)?>)", lambda m: m.group(1) + meta, html, count=1)
    addition = _PAGE_ADDITION.replace("@PAGE@", _json_for_script(page))
    position = html.lower().rfind("</body>")
    if position < 0:
        return html + addition
    return html[:position] + addition + html[position:]


def _json_for_script(value: dict[str, object]) -> str:
    """JSON that cannot end its <script> element early, whatever the paths in it hold."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
