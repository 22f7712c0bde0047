/* The locked page: ask for the password (or use the remembered key), decrypt the page that
   was sealed for this address and put it in place of this one. */
var data = JSON.parse(document.getElementById("jobsite-locked").textContent);
var slot = storageName(data.root);
var path = sitePath(location.href, data.root);
var form = document.getElementById("jobsite-unlock");
var password = document.getElementById("jobsite-password");
var remember = document.getElementById("jobsite-remember");
var button = document.getElementById("jobsite-submit");
var message = document.getElementById("jobsite-message");
var WORDS = JSON.parse(document.getElementById("jobsite-locked-words").textContent);

function say(text, wrong) {
  message.textContent = text;
  message.hidden = !text;
  message.className = wrong ? "wrong" : "";
}
function ready() { form.hidden = false; password.focus(); }
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
  return open(key, fromBase64(data.page), associated(data.labels.page, data, path)).then(
    function (page) {
      var html = new TextDecoder().decode(page);
      return loaded().then(function () {
        document.open();
        document.write(html);
        document.close();
      });
    }
  );
}
function broken() {
  say(WORDS.moved, true);
}
/* Open the page with the site key; remember the newest build seen, so that an older copy
   of a page (replayed, or stale in a cache) is not passed off as the current one. */
function unlock(siteKey, entry) {
  return contentKey(siteKey, data).then(function (key) {
    entry.key = siteKey;
    entry.salt = data.salt;
    entry.newest = entry.newest && entry.newest > data.built ? entry.newest : data.built;
    return keep(slot, entry).then(function () { return show(key).catch(broken); });
  });
}

if (!window.crypto || !window.crypto.subtle || !window.TextDecoder) {
  say(WORDS.browser, true);
} else {
  savedKey(slot, data.salt).then(function (entry) {
    if (!entry) {
      ready();
    } else if (entry.newest && data.built < entry.newest) {
      say(WORDS.older, true);
    } else {
      say(WORDS.unlocking);
      unlock(entry.key, entry).catch(function () {
        /* the password has changed since the key was remembered */
        forget(slot).then(function () { say(""); ready(); });
      });
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    button.disabled = true;
    say(WORDS.unlocking);
    var subtle = window.crypto.subtle;
    var remembered = remember.checked;
    var secret = new TextEncoder().encode(password.value.normalize("NFC"));
    subtle.importKey("raw", secret, "PBKDF2", false, ["deriveKey"]).then(function (material) {
      /* A key to remember is never extractable: no script can read it back. One not
         remembered must be, once, to be wrapped for this tab (`keep`); its bytes are never
         read, and the pages after this one get it unwrapped, not extractable. */
      return subtle.deriveKey(
        { name: "PBKDF2", hash: "SHA-256", salt: fromBase64(data.salt), iterations: data.iterations },
        material,
        { name: "AES-GCM", length: 256 },
        !remembered,
        ["decrypt"]
      );
    }).then(function (siteKey) {
      return unlock(siteKey, { remember: remembered }).catch(function () {
        button.disabled = false;
        password.value = "";
        password.focus();
        say(WORDS.wrong, true);
      });
    });
  });
}
