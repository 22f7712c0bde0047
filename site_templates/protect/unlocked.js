/* Added to every decrypted page: the Lock button, and the decryption of the site's other
   sealed files (a picture of your own in docs/, the work-search record's CSV) where the page
   shows or links to them. */
var data = JSON.parse(document.getElementById("jobsite-page").textContent);
var slot = storageName(data.root);
var lock = document.getElementById("jobsite-lock");
var header = document.querySelector(".md-header__inner");
if (lock && header) {
  /* In the theme's header it covers no content; elsewhere it floats in a corner. */
  header.appendChild(lock);
  lock.classList.add("jobsite-lock--header");
}
if (lock) {
  lock.addEventListener("click", function (event) {
    event.preventDefault();
    forget(slot).then(function () { location.reload(); });
  });
}

if (data.files.length) {
  var base = new URL(data.root, location.href);
  var sealed = {};
  data.files.forEach(function (file) { sealed[new URL(file, base).href] = file; });
  var TYPES = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif",
    webp: "image/webp", svg: "image/svg+xml", pdf: "application/pdf", csv: "text/csv" };
  var key = null;
  var fileKey = function () {
    if (!key) {
      key = savedKey(slot, data.salt).then(function (entry) {
        if (!entry) throw new Error("locked");
        return contentKey(entry.key, data);
      });
    }
    return key;
  };
  var target = function (href) {
    var url = new URL(href, location.href);
    url.hash = "";
    url.search = "";
    return sealed[url.href] ? url.href : null;
  };
  var reveal = function (url) {
    var extension = url.split(".").pop().toLowerCase();
    var additional = associated(data.labels.file, data, sealed[url]);
    return Promise.all([fileKey(), fetch(url).then(function (r) { return r.arrayBuffer(); })])
      .then(function (both) { return open(both[0], new Uint8Array(both[1]), additional); })
      .then(function (plain) {
        var type = TYPES[extension] || "application/octet-stream";
        return URL.createObjectURL(new Blob([plain], { type: type }));
      });
  };
  Array.prototype.forEach.call(document.querySelectorAll("img[src]"), function (image) {
    var url = target(image.getAttribute("src"));
    if (url) reveal(url).then(function (blob) { image.src = blob; });
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    var url = link && target(link.getAttribute("href"));
    if (!url) return;
    event.preventDefault();
    var name = link.getAttribute("download");
    reveal(url).then(function (blob) {
      if (name === null) {
        location.href = blob;
        return;
      }
      /* A download keeps the name its link gives, not the random one of the blob. */
      var save = document.createElement("a");
      save.href = blob;
      save.download = name || sealed[url].split("/").pop();
      document.body.appendChild(save);
      save.click();
      save.remove();
    });
  });
}
