/* jobsite protected mode: what the locked page and the decrypted page share. Included inside
   each page's own function, so nothing here is global.

   `data` is the page's JSON: the site's root (relative), the PBKDF2 salt, the build's content
   key wrapped with the site key, the build's id and time, and the labels of the associated
   data. Every ciphertext is bound to its use, its build and its path in the site, so a page
   copied to another address, or a page of another build, does not open as this one.

   No script can read the site key's bytes: where it is kept, and who can use it, is below. */

function fromBase64(text) {
  var raw = atob(text), out = new Uint8Array(raw.length);
  for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/* The associated data of one ciphertext: what it is, which build, where in the site. */
function associated(label, data, path) {
  return new TextEncoder().encode([label, data.build, data.built, path].join("\n"));
}

/* The path of `url` below the site's root, as the build sealed it ("due/index.html"). */
function sitePath(url, root) {
  var base = new URL(root, location.href).pathname;
  var path = new URL(url, location.href).pathname;
  if (path.charAt(path.length - 1) === "/") path += "index.html";
  return decodeURIComponent(path.slice(base.length));
}

/* AES-256-GCM: `sealed` is the 96-bit nonce, then the ciphertext and its tag. */
function open(key, sealed, additional) {
  return window.crypto.subtle.decrypt(
    { name: "AES-GCM", iv: sealed.subarray(0, 12), additionalData: additional },
    key,
    sealed.subarray(12)
  ).then(function (plain) { return new Uint8Array(plain); });
}

/* The build's content key, unwrapped with the site key; a wrong password fails here. */
function contentKey(siteKey, data) {
  return open(siteKey, fromBase64(data.key), associated(data.labels.key, data, "")).then(
    function (raw) {
      return window.crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["decrypt"]);
    }
  );
}

/* --- Where the site key is kept ---------------------------------------------------------

   Remembered ("Remember on this device"): the site key itself, in IndexedDB under the site's
   name, for every tab of this browser until Lock. Not remembered: the site key wrapped
   (AES-KW) under the site's wrapping key, in this tab's sessionStorage only. The wrapping key
   is a non-extractable CryptoKey in IndexedDB: another tab can use it, but has nothing of
   this tab's to unwrap, and when the tab is closed its sessionStorage goes with it. Lock
   forgets the remembered key and the wrapping key, so that no tab's wrapped key opens again.
   Nothing in either storage is a key a page of the origin could use on its own, except a
   remembered one. */

function storageName(root) { return "jobsite-key:" + new URL(root, location.href).pathname; }
function wrapName(name) { return name.replace("jobsite-key:", "jobsite-wrap:"); }

function toBase64(buffer) {
  var bytes = new Uint8Array(buffer), text = "";
  for (var i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
  return btoa(text);
}

function keys(mode, act) {
  return new Promise(function (resolve, reject) {
    var request = window.indexedDB.open("jobsite", 1);
    request.onupgradeneeded = function () { request.result.createObjectStore("keys"); };
    request.onerror = function () { reject(request.error); };
    request.onsuccess = function () {
      var db = request.result, tx = db.transaction("keys", mode), result = act(tx.objectStore("keys"));
      tx.oncomplete = function () { db.close(); resolve(result && result.result); };
      tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
    };
  });
}

/* This tab's wrapped key, as sessionStorage keeps it: {wrapped, salt, newest}, or null. */
function tabEntry(name) {
  try {
    var text = window.sessionStorage.getItem(name);
    return text ? JSON.parse(text) : null;
  } catch (e) {
    return null; /* storage switched off, or not ours: nothing is kept */
  }
}

function setTabEntry(name, entry) {
  try {
    if (entry) window.sessionStorage.setItem(name, JSON.stringify(entry));
    else window.sessionStorage.removeItem(name);
  } catch (e) { /* not kept: the next page asks again */ }
}

/* The site's wrapping key; made once, the first time a tab keeps a key not remembered. In
   one transaction, so that two tabs making one at once agree on the first. */
function wrappingKey(name, create) {
  var made = create
    ? window.crypto.subtle.generateKey({ name: "AES-KW", length: 256 }, false, ["wrapKey", "unwrapKey"])
    : Promise.resolve(null);
  return made.then(function (candidate) {
    var found = null;
    return keys(candidate ? "readwrite" : "readonly", function (store) {
      var request = store.get(wrapName(name));
      request.onsuccess = function () {
        found = request.result || candidate;
        if (!request.result && candidate) store.put(candidate, wrapName(name));
      };
    }).then(function () { return found; });
  });
}

/* The key this page may use, if any: {key, salt, remember, newest}. */
function savedKey(name, salt) {
  var tab = tabEntry(name);
  var fromTab = !tab || tab.salt !== salt ? Promise.resolve(null) : wrappingKey(name, false).then(
    function (wrapping) {
      return window.crypto.subtle.unwrapKey(
        "raw", fromBase64(tab.wrapped), wrapping, "AES-KW", "AES-GCM", false, ["decrypt"]
      );
    }
  ).then(function (key) {
    return { key: key, salt: salt, remember: false, newest: tab.newest, wrapped: tab.wrapped };
  }, function () {
    setTabEntry(name, null); /* locked since, in this tab or another */
    return null;
  });
  return fromTab.then(function (entry) {
    return entry || keys("readonly", function (store) { return store.get(name); }).then(
      function (saved) {
        if (!saved || saved.salt !== salt) return null;
        if (saved.remember) return saved;
        /* An older jobsite kept a key not remembered here, usable by any page: gone. */
        return keys("readwrite", function (store) { return store.delete(name); }).then(
          function () { return null; }, function () { return null; }
        );
      },
      function () { return null; }
    );
  });
}

/* Keep `entry` for the next page: remembered in IndexedDB, else wrapped in this tab. A key
   not remembered must be extractable the first time (it is wrapped, never read). */
function keep(name, entry) {
  if (entry.remember) {
    var saved = { key: entry.key, salt: entry.salt, remember: true, newest: entry.newest };
    return keys("readwrite", function (store) { return store.put(saved, name); }).catch(function () {
      /* not kept: the next page asks again */
    });
  }
  var wrapped = entry.wrapped ? Promise.resolve(entry.wrapped) : wrappingKey(name, true).then(
    function (wrapping) {
      return window.crypto.subtle.wrapKey("raw", entry.key, wrapping, "AES-KW").then(toBase64);
    }
  );
  return wrapped.then(function (text) {
    entry.wrapped = text;
    setTabEntry(name, { wrapped: text, salt: entry.salt, newest: entry.newest });
  }).catch(function () { /* not kept: the next page asks again */ });
}

/* Lock: the remembered key, this tab's wrapped key and the wrapping key of every tab's. */
function forget(name) {
  setTabEntry(name, null);
  return keys("readwrite", function (store) {
    store.delete(wrapName(name));
    return store.delete(name);
  }).catch(function () {
    /* nothing to forget */
  });
}
