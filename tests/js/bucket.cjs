// Reads [[due, dueBy, today, horizon], ...] as JSON on stdin and prints the bucket that the
// site's own script (site_templates/assets/jobsite.js) gives each, as JSON.
const path = require("node:path");
const { bucketOf } = require(path.join(__dirname, "..", "..", "site_templates", "assets", "jobsite.js"));

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const cases = JSON.parse(input);
  process.stdout.write(JSON.stringify(cases.map((c) => bucketOf(c[0], c[1], c[2], c[3]))));
});
