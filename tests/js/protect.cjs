// Opens what jobsite's build sealed with the browser's own code (site_templates/protect/
// common.js), under Node's WebCrypto. Reads {siteKey, data, path} as JSON on stdin, where
// `siteKey` is the raw site key in base64 (what the browser derives from the password), and
// prints {page} (the decrypted page) or {error}.
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const common = fs.readFileSync(
  path.join(__dirname, "..", "..", "site_templates", "protect", "common.js"), "utf8");

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", async () => {
  const { siteKey, data, href } = JSON.parse(input);
  const context = vm.createContext({
    window: globalThis, location: { href: href }, atob, TextEncoder, TextDecoder, URL,
    Uint8Array, Promise, Array,
  });
  vm.runInContext(common, context);
  try {
    const raw = Uint8Array.from(Buffer.from(siteKey, "base64"));
    const key = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["decrypt"]);
    const content = await context.contentKey(key, data);
    const where = context.sitePath(href, data.root);
    const additional = context.associated(data.labels.page, data, where);
    const page = await context.open(content, context.fromBase64(data.page), additional);
    process.stdout.write(JSON.stringify({ page: new TextDecoder().decode(page), path: where }));
  } catch (error) {
    process.stdout.write(JSON.stringify({ error: error.name }));
  }
});
