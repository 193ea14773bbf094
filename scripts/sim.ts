import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { SimConsentAgreer } from "../lib/client/desktop-sim-phone";
import { simPhoneRun } from "../lib/client/sim-phone";
import { roomCodeParse } from "../lib/protocol/room-code";
import { MOTION_NAMES, type MotionName } from "../lib/sim/motion-generator";
import { replayCsvParse } from "../lib/sim/replay-csv";

const USAGE = `Usage: npm run sim -- --room CODE [--url http://localhost:3000] [--motion ${MOTION_NAMES.join("|")}]
                      [--seconds 5] [--rate 60] [--seed 1] [--name NAME] [--replay file.csv]`;

const { values } = parseArgs({
  options: {
    url: { type: "string", default: `http://localhost:${process.env.PORT ?? 3000}` },
    room: { type: "string" },
    motion: { type: "string", default: "idle" },
    seconds: { type: "string", default: "5" },
    rate: { type: "string", default: "60" },
    seed: { type: "string", default: "1" },
    name: { type: "string" },
    replay: { type: "string" },
    help: { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  console.error(`sim: ${message}\n${USAGE}`);
  process.exit(2);
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const room = roomCodeParse(values.room ?? "") ?? fail(values.room ? `"${values.room}" is not a room code` : "--room is required");
const motion = values.motion as MotionName;
if (!MOTION_NAMES.includes(motion)) fail(`unknown motion "${values.motion}"`);
const seconds = Number(values.seconds);
const rateHz = Number(values.rate);
const seed = Number(values.seed);
if (!(seconds > 0)) fail("--seconds must be a positive number");
if (!(rateHz >= 1 && rateHz <= 500)) fail("--rate must be between 1 and 500 Hz");
if (!Number.isInteger(seed)) fail("--seed must be an integer");

let replay;
if (values.replay) {
  try {
    replay = replayCsvParse(readFileSync(values.replay, "utf8"), values.replay);
  } catch (err) {
    fail((err as Error).message);
  }
}

console.log(`sim: ${replay ? `replaying ${values.replay}` : motion} into room ${room} at ${values.url} for ${seconds} s`);
// A simulated phone has nobody to ask: in a study it agrees to the consent card, and says so.
const consent = new SimConsentAgreer((sessionId, res) =>
  console.log(
    res.ok
      ? `sim: agreed to the consent of study session ${sessionId} on the participant's behalf`
      : `sim: the consent answer for study session ${sessionId} was not taken: ${res.error.message}`,
  ),
);
try {
  const summary = await simPhoneRun({
    url: values.url!,
    room,
    seconds,
    motion,
    rateHz,
    seed,
    name: values.name,
    replay,
    onPrompt: (prompt, link) => consent.prompt(link, prompt),
  });
  console.log(`sim: sent ${summary.sent} samples in ${summary.durationS.toFixed(1)} s, ${summary.acked} acknowledged, ${summary.pending} pending`);
  process.exit(summary.pending === 0 ? 0 : 1);
} catch (err) {
  console.error(`sim: ${(err as Error).message}`);
  process.exit(1);
}
