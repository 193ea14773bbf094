import { fork, type ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import { io } from "socket.io-client";
import { PhoneLink } from "../lib/client/phone-link";
import type { LinkSocket } from "../lib/client/link-socket";
import type { SampleTuple } from "../lib/protocol/sample";
import { PROTOCOL_VERSION } from "../lib/protocol/version";
import { percentileOfSorted } from "../lib/stream/percentile";
import { modelsBench, modelsBenchLines } from "./bench-models";
import { poseBench } from "./bench-pose";
import { recordingBench, recordingBenchLines } from "./bench-recording";
import { trainingBench, trainingBenchLines } from "./bench-training";

/**
 * `npm run bench`: the pose fusion's cost per sample, the model runtime's cost per
 * window and from a window's last sample to its event (bench-models.ts), one
 * training epoch (bench-training.ts), then N sim phones at 60 Hz through the real
 * server to one viewer and the same traffic through a bare socket.io relay (the
 * floor), side by side, and the same phones recorded to SQLite (bench-recording.ts).
 * The server runs in its own process (its CPU is measured there); phones and viewer
 * share this one, as a second machine would.
 */
const { values } = parseArgs({
  options: {
    phones: { type: "string", default: "10,50,100" },
    seconds: { type: "string", default: "8" },
    rounds: { type: "string", default: "2" },
    rate: { type: "string", default: "60" },
    "record-phones": { type: "string", default: "100" },
    "record-seconds": { type: "string", default: "60" },
  },
});
const phoneCounts = values.phones!.split(",").map(Number);
const seconds = Number(values.seconds);
const rateHz = Number(values.rate);
const rounds = Number(values.rounds);
const BATCH_MS = 50;
/**
 * The flags `npm start` gives the server (package.json), for both relays alike. A
 * larger young generation makes the relay's short-lived garbage cheaper to collect:
 * scavenges were most of the p99 of both relays (measured: wristlab 2.2-3.2 ms, bare
 * 1.4-1.9 ms at 100 phones without it; 1.7-1.8 and 1.3 with it).
 */
const SERVER_NODE_FLAGS = ["--max-semi-space-size=32"];
const nowMs = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Raw {
  latencies: number[];
  relayed: number;
  elapsedS: number;
  cpuMs: number;
  cpuWallMs: number;
  sent: number;
  received: number;
  duplicated: number;
}

interface Result {
  relay: "wristlab" | "bare";
  phones: number;
  latencyMsP50: number;
  latencyMsP99: number;
  messagesPerS: number;
  serverCpuPct: number;
  sent: number;
  received: number;
  lost: number;
  duplicated: number;
}

function serverStart(kind: "wristlab" | "bare"): Promise<{ child: ChildProcess; port: number; room: string }> {
  const child = fork(new URL("./bench-relay-server.ts", import.meta.url).pathname, [kind], { execArgv: ["--import", "tsx", ...SERVER_NODE_FLAGS], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${kind} server exited with ${code}`)));
    child.on("message", (m: { type: string; port: number; room: string }) => {
      if (m.type === "ready") resolve({ child, port: m.port, room: m.room });
    });
  });
}

function serverCpu(child: ChildProcess): Promise<{ usage: NodeJS.CpuUsage; atMs: number }> {
  return new Promise((resolve) => {
    const on = (m: { type: string; usage: NodeJS.CpuUsage; atMs: number }) => {
      if (m.type !== "cpu") return;
      child.off("message", on);
      resolve(m);
    };
    child.on("message", on);
    child.send({ type: "cpu" });
  });
}

async function runOne(kind: "wristlab" | "bare", phones: number): Promise<Raw> {
  const { child, port, room } = await serverStart(kind);
  const url = `http://127.0.0.1:${port}`;
  const viewer: LinkSocket = io(url, { transports: ["websocket"], forceNew: true });
  await new Promise<void>((r) => viewer.once("connect", () => r()));
  await viewer.emitWithAck("room:watch", { v: PROTOCOL_VERSION, room });

  let measuring = false;
  const latencies: number[] = [];
  let relayed = 0;
  const seen = new Map<string, Set<number>>();
  let duplicated = 0;
  viewer.on("stream:batch", (b) => {
    const t = nowMs();
    const ids = seen.get(b.deviceId) ?? new Set<number>();
    seen.set(b.deviceId, ids);
    for (let i = 0; i < b.samples.length; i++) {
      if (ids.has(b.seq + i)) duplicated++;
      ids.add(b.seq + i);
    }
    if (!measuring) return;
    relayed++;
    latencies.push(t - b.samples[b.samples.length - 1]![0]);
  });

  const links = Array.from({ length: phones }, (_, i) => new PhoneLink({ url, room, deviceId: `bench-${kind}-${i}`, name: `bench ${i}`, source: "sim", platform: "node", nowMs }));
  const until = Date.now() + 20_000;
  while (links.some((l) => l.status !== "streaming")) {
    if (Date.now() > until) throw new Error(`${kind}: phones could not join`);
    await sleep(20);
  }

  // Each phone flushes every 50 ms, staggered over the period as real phones are.
  const perBatch = Math.round((rateHz * BATCH_MS) / 1000);
  const sentCount = new Array<number>(phones).fill(0);
  const timers: ReturnType<typeof setInterval>[] = [];
  const starters = links.map((link, i) =>
    setTimeout(() => {
      const tick = () => {
        const t = nowMs();
        for (let k = perBatch - 1; k >= 0; k--) {
          const s: SampleTuple = [t - (k * 1000) / rateHz, 0.1, 0.2, 9.8, 0, 0, 0, 0.01, 0.02, 0.03, null, null, null];
          link.push(s);
          sentCount[i]!++;
        }
        link.flush();
      };
      tick();
      timers.push(setInterval(tick, BATCH_MS));
    }, (i * BATCH_MS) / phones),
  );

  await sleep(2000);
  measuring = true;
  const cpu0 = await serverCpu(child);
  const t0 = nowMs();
  await sleep(seconds * 1000);
  const cpu1 = await serverCpu(child);
  const elapsedS = (nowMs() - t0) / 1000;
  measuring = false;
  starters.forEach(clearTimeout);
  timers.forEach(clearInterval);
  await Promise.all(links.map((l) => l.drain(15_000)));
  await sleep(500);

  const sent = sentCount.reduce((a, b) => a + b, 0);
  const received = [...seen.values()].reduce((a, s) => a + s.size, 0);
  const cpuUs = cpu1.usage.user + cpu1.usage.system - (cpu0.usage.user + cpu0.usage.system);
  links.forEach((l) => l.close());
  viewer.close();
  child.send({ type: "exit" });
  await new Promise((r) => child.once("exit", r));
  return { latencies, relayed, elapsedS, cpuMs: cpuUs / 1000, cpuWallMs: cpu1.atMs - cpu0.atMs, sent, received, duplicated };
}

/** Pools the rounds of one configuration: latencies together, counts summed. */
function pool(relay: "wristlab" | "bare", phones: number, raws: Raw[]): Result {
  const latencies = raws.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const sum = (f: (r: Raw) => number) => raws.reduce((a, r) => a + f(r), 0);
  return {
    relay,
    phones,
    latencyMsP50: round(percentileOfSorted(latencies, 50)),
    latencyMsP99: round(percentileOfSorted(latencies, 99)),
    messagesPerS: Math.round(sum((r) => r.relayed) / sum((r) => r.elapsedS)),
    serverCpuPct: round((sum((r) => r.cpuMs) / sum((r) => r.cpuWallMs)) * 100),
    sent: sum((r) => r.sent),
    received: sum((r) => r.received),
    lost: sum((r) => r.sent - r.received),
    duplicated: sum((r) => r.duplicated),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

process.stderr.write("bench: pose fusion cost per sample...\n");
const pose = await poseBench();
process.stderr.write("bench: model runtime per window and sample to event (wasm, cpu)...\n");
const models = await modelsBench();
process.stderr.write("bench: one training epoch (2,000 windows of 100 x 6)...\n");
const training = await trainingBench({ stock: true });

// Rounds alternate which relay goes first, so drift in the machine's load hits both.
const results: Result[] = [];
for (const n of phoneCounts) {
  const raws = { bare: [] as Raw[], wristlab: [] as Raw[] };
  for (let pass = 0; pass < rounds; pass++) {
    const order = pass % 2 === 0 ? (["bare", "wristlab"] as const) : (["wristlab", "bare"] as const);
    for (const kind of order) {
      process.stderr.write(`bench: ${kind} relay, ${n} phones x ${rateHz} Hz, ${seconds} s, round ${pass + 1}/${rounds}...\n`);
      raws[kind].push(await runOne(kind, n));
    }
  }
  results.push(pool("bare", n, raws.bare), pool("wristlab", n, raws.wristlab));
}

process.stderr.write(`bench: recording ${values["record-phones"]} phones x ${rateHz} Hz for ${values["record-seconds"]} s...\n`);
const recording = await recordingBench({ phones: Number(values["record-phones"]), rateHz, seconds: Number(values["record-seconds"]) });

const header = ["relay", "phones", "p50 ms", "p99 ms", "msg/s", "server CPU %", "sent", "lost", "dup"];
const rows = results.map((r) => [r.relay, r.phones, r.latencyMsP50, r.latencyMsP99, r.messagesPerS, r.serverCpuPct, r.sent, r.lost, r.duplicated].map(String));
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join("  ");
console.log("\nPose fusion in Node (generated wrist motion):");
for (const p of pose) console.log(`  ${p.name.padEnd(28)} ${p.usPerSample.toFixed(2).padStart(6)} µs/sample over ${p.samples} samples`);
console.log("\nModel runtime in Node: Detector.score per window, and a window's last sample to its event through DetectorRunner:");
for (const l of modelsBenchLines(models)) console.log(`  ${l}`);
console.log("\nTraining in Node: one epoch of the 1D CNN over 2,000 windows of 100 x 6, batch 32:");
for (const l of trainingBenchLines(training)) console.log(`  ${l}`);
console.log(`\nRelay on loopback: phones -> server -> 1 viewer, ${rateHz} Hz, ${BATCH_MS} ms batches, ${rounds} x ${seconds} s measured after 2 s warm-up each`);
console.log(line(header));
for (const r of rows) console.log(line(r));
const ratios = phoneCounts.map((n) => {
  const bare = results.find((r) => r.relay === "bare" && r.phones === n)!;
  const ours = results.find((r) => r.relay === "wristlab" && r.phones === n)!;
  return { phones: n, p99Ratio: round(ours.latencyMsP99 / bare.latencyMsP99), lost: ours.lost };
});
for (const r of ratios) console.log(`${r.phones} phones: wristlab p99 / bare p99 = ${r.p99Ratio}x, lost ${r.lost}`);
console.log(`\nRecording: phones -> server -> SQLite (every sample of the room, committed every 200 ms):`);
for (const l of recordingBenchLines(recording)) console.log(`  ${l}`);
console.log(JSON.stringify({ pose, models, training, relay: { rateHz, seconds, rounds, results, ratios }, recording }));
