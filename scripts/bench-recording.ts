import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { PhoneLink } from "../lib/client/phone-link";
import type { RecordingSummary } from "../lib/protocol/recordings";
import type { SampleTuple } from "../lib/protocol/sample";
import { RECORDINGS_DB_FILE } from "../lib/recordings/recording-store";

/**
 * Recording under load: N sim phones at `rateHz` into one room the server records,
 * for `seconds`. Checks that the database holds every sample sent (zero loss, no
 * duplicates) and reports its growth per device-hour and the server's CPU. Values are
 * noisy doubles in every field, a real phone's worst case for size.
 */
export interface RecordingBenchResult {
  phones: number;
  rateHz: number;
  seconds: number;
  sent: number;
  stored: number;
  lost: number;
  devicesComplete: number;
  dbBytes: number;
  bytesPerSample: number;
  mbPerDeviceHour: number;
  serverCpuPct: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const nowMs = () => performance.timeOrigin + performance.now();
const BATCH_MS = 50;

function dbBytes(file: string): number {
  // page_count includes pages still in the write-ahead log, so no checkpoint is needed.
  const db = new Database(file, { readonly: true });
  const bytes = (db.pragma("page_count", { simple: true }) as number) * (db.pragma("page_size", { simple: true }) as number);
  db.close();
  return bytes;
}

export async function recordingBench(opts: { phones: number; rateHz: number; seconds: number }): Promise<RecordingBenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "wristlab-bench-rec-"));
  const child = fork(fileURLToPath(new URL("./bench-relay-server.ts", import.meta.url)), ["wristlab"], {
    execArgv: ["--import", "tsx", "--max-semi-space-size=32"],
    env: { ...process.env, BENCH_DATA_DIR: dataDir },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const { port, room } = await new Promise<{ port: number; room: string }>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    child.on("message", (m: { type: string; port: number; room: string }) => m.type === "ready" && resolve(m));
  });
  const cpu = () =>
    new Promise<number>((resolve) => {
      const on = (m: { type: string; usage: NodeJS.CpuUsage }) => {
        if (m.type !== "cpu") return;
        child.off("message", on);
        resolve((m.usage.user + m.usage.system) / 1000);
      };
      child.on("message", on);
      child.send({ type: "cpu" });
    });
  const url = `http://127.0.0.1:${port}`;
  const links = Array.from({ length: opts.phones }, (_, i) => new PhoneLink({ url, room, deviceId: `bench-rec-${i}`, name: `bench ${i}`, source: "sim", platform: "node", nowMs }));
  const joinBy = Date.now() + 30_000;
  while (links.some((l) => l.status !== "streaming")) {
    if (Date.now() > joinBy) throw new Error("recording bench: phones could not join");
    await sleep(20);
  }
  const res = await fetch(`${url}/api/recordings`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ room }) });
  const rec = (await res.json()) as RecordingSummary;
  const file = join(dataDir, RECORDINGS_DB_FILE);
  const bytesBefore = dbBytes(file);

  // Samples are due by the clock (sample k at start + k / rate), so timer lag never
  // thins the stream: each phone sends exactly rate x seconds samples.
  const perPhone = Math.round(opts.rateHz * opts.seconds);
  const sent = new Array<number>(opts.phones).fill(0);
  const timers: ReturnType<typeof setInterval>[] = [];
  const cpu0 = await cpu();
  const t0 = Date.now();
  const startMs = nowMs();
  const r = () => Math.random() * 20 - 10;
  const starters = links.map((link, i) =>
    setTimeout(() => {
      const tick = () => {
        const due = Math.min(perPhone, Math.floor(((nowMs() - startMs) * opts.rateHz) / 1000) + 1);
        for (; sent[i]! < due; sent[i]!++) {
          const s: SampleTuple = [startMs + (sent[i]! * 1000) / opts.rateHz, r(), r(), r(), r(), r(), r(), r(), r(), r(), Math.random() * 360, r() * 9, r() * 9];
          link.push(s);
        }
        link.flush();
      };
      tick();
      timers.push(setInterval(tick, BATCH_MS));
    }, (i * BATCH_MS) / opts.phones),
  );
  await sleep(opts.seconds * 1000 + 100);
  while (sent.some((n) => n < perPhone)) await sleep(BATCH_MS);
  starters.forEach(clearTimeout);
  timers.forEach(clearInterval);
  const cpuPct = ((await cpu()) - cpu0) / (Date.now() - t0) * 100;
  await Promise.all(links.map((l) => l.drain(30_000)));
  const stopped = (await (await fetch(`${url}/api/recordings/${rec.id}/stop`, { method: "POST" })).json()) as RecordingSummary;
  const bytes = dbBytes(file) - bytesBefore;
  links.forEach((l) => l.close());
  child.send({ type: "exit" });
  await new Promise((r) => child.once("exit", r));
  rmSync(dataDir, { recursive: true, force: true });

  const total = sent.reduce((a, b) => a + b, 0);
  const stored = stopped.devices.reduce((a, d) => a + d.samples, 0);
  const complete = links.filter((_, i) => stopped.devices.find((d) => d.id === `bench-rec-${i}`)?.samples === sent[i]).length;
  const bytesPerSample = bytes / stored;
  return {
    ...opts,
    sent: total,
    stored,
    lost: total - stored,
    devicesComplete: complete,
    dbBytes: bytes,
    bytesPerSample: Math.round(bytesPerSample * 10) / 10,
    mbPerDeviceHour: Math.round(((bytesPerSample * opts.rateHz * 3600) / 1e6) * 10) / 10,
    serverCpuPct: Math.round(cpuPct),
  };
}

export function recordingBenchLines(r: RecordingBenchResult): string[] {
  return [
    `recording: ${r.phones} phones x ${r.rateHz} Hz x ${r.seconds} s -> sent ${r.sent}, stored ${r.stored}, lost ${r.lost}, devices complete ${r.devicesComplete}/${r.phones}`,
    `recording: database grew ${(r.dbBytes / 1e6).toFixed(1)} MB = ${r.bytesPerSample} B/sample = ${r.mbPerDeviceHour} MB per device-hour at ${r.rateHz} Hz; server CPU ${r.serverCpuPct}% of one core while recording`,
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const phones = Number(process.argv[2] ?? 100);
  const seconds = Number(process.argv[3] ?? 60);
  const r = await recordingBench({ phones, rateHz: 60, seconds });
  for (const line of recordingBenchLines(r)) console.log(line);
}
