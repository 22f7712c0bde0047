/* jobsite protected mode: what the locked page and the decrypted page share. Included inside
   each page's own function, so nothing here is global.

   `data` is the page's JSON: the site's root (relative), the PBKDF2 salt, the build's content
   key wrapped with the site key, the build's id and time, and the labels of the associated
   data. Every ciphertext is bound to its use, its build and its path in the site, so a page
   copied to another address, or a page of another build, does not open as this one.

   The site key is a non-extractable CryptoKey kept in IndexedDB: another page of the same
   origin (on GitHub Pages, every project site of an account) can ask the browser to use it,
   but can never read its bytes. */

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

/* --- The remembered site key: IndexedDB, one entry per site ------------------------------- */

function storageName(root) { return "jobsite-key:" + new URL(root, location.href).pathname; }

/* This tab's session: a key not remembered is used only in the tab that unlocked it. */
function session() {
  try {
    var id = window.sessionStorage.getItem("jobsite-session");
    if (!id) {
      var bytes = window.crypto.getRandomValues(new Uint8Array(16));
      id = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
      window.sessionStorage.setItem("jobsite-session", id);
    }
    return id;
  } catch (e) {
    return null; /* storage switched off: nothing is remembered */
  }
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

/* The remembered entry of this site, if it may be used here: {key, salt, remember, newest}. */
function savedKey(name, salt) {
  var here = session();
  return keys("readonly", function (store) { return store.get(name); }).then(function (entry) {
    if (!entry || entry.salt !== salt) return null;
    if (!entry.remember && (!here || entry.session !== here)) {
      return forget(name).then(function () { return null; }); /* another tab's, or a closed one's */
    }
    return entry;
  }, function () { return null; });
}

function keep(name, entry) {
  entry.session = session();
  return keys("readwrite", function (store) { return store.put(entry, name); }).catch(function () {
    /* not kept: the next page asks again */
  });
}

function forget(name) {
  return keys("readwrite", function (store) { return store.delete(name); }).catch(function () {
    /* nothing to forget */
  });
}
