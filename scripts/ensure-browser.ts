import { spawnSync } from "node:child_process";
import { browserPathFind } from "./browser-path";

/**
 * Run before the browser tests: finds a Chromium or installs one the way this
 * machine can (Debian's package when root, Playwright's download where there is
 * internet), or says exactly what to do.
 */
function run(cmd: string, args: string[]): boolean {
  console.log(`$ ${cmd} ${args.join(" ")}`);
  return spawnSync(cmd, args, { stdio: "inherit" }).status === 0;
}

const found = browserPathFind();
if (found) {
  console.log(`browser tests use ${found.path} (${found.origin})`);
  process.exit(0);
}
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist. Point it at a Chromium or Chrome binary, or unset it.`);
  process.exit(1);
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
if (isRoot && hasApt) {
  console.log("No Chromium found: installing Debian's chromium package.");
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", "chromium"]);
} else {
  console.log("No Chromium found: trying Playwright's own browser download.");
  run("npx", ["playwright", "install", "chromium"]);
}

const after = browserPathFind();
if (after) {
  console.log(`browser tests use ${after.path} (${after.origin})`);
  process.exit(0);
}
console.error(
  [
    "No Chromium for the browser tests, and none could be installed. Do one of:",
    "  - Debian/Ubuntu:  sudo apt-get install chromium   (then run npm test again)",
    "  - with internet:  npx playwright install chromium",
    "  - any Chrome/Chromium you have:  CHROMIUM_PATH=/path/to/chrome npm test",
  ].join("\n"),
);
process.exit(1);
