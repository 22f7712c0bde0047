// Reads {"words": the page's words, "cases": [[due, dueBy, today, horizon], ...]} as JSON on
// stdin and prints, for each case, the bucket that the site's own script
// (site_templates/assets/jobsite.js) gives it and how the script writes the day `today`.
const path = require("node:path");
const { bucketOf, longDate } = require(
  path.join(__dirname, "..", "..", "site_templates", "assets", "jobsite.js"));

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const { words, cases } = JSON.parse(input);
  process.stdout.write(
    JSON.stringify(cases.map((c) => [bucketOf(c[0], c[1], c[2], c[3]), longDate(c[2], words)])));
});
