import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CSV_EXPORT_COLUMNS, deviceSampleLabels, sessionToCsv } from "@/lib/data/export-csv";
import { EDGE_IMPULSE_LABELS_FILE, sessionToEdgeImpulse, sessionToEdgeImpulseLabels } from "@/lib/data/export-edge-impulse";
import { sessionToJsonl } from "@/lib/data/export-jsonl";
import { datasetLoad } from "@/lib/data/dataset-load";
import { formatDetect, recordingsImport } from "@/lib/data/import-any";
import { sessionFromJsonl } from "@/lib/data/import-jsonl";
import type { SessionData, SessionDevice } from "@/lib/data/session-data";
import { sessionsFromFile } from "@/lib/data/session-import";
import { F, SAMPLE_WIDTH } from "@/lib/protocol/sample";
import { rngStream } from "@/lib/sim/prng";

const utf8 = (text: string) => new TextEncoder().encode(text);
const bits = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const column = (d: { samples: Float64Array; length: number }, c: number) => Array.from({ length: d.length }, (_, i) => d.samples[i * SAMPLE_WIDTH + c]!);

const T0_MS = 1_732_000_000_000;
const PERIOD_MS = 1000 / 60;
const JITTER_MS = 3;

/** ~60 Hz with timestamps jittered by up to ±JITTER_MS, sub-ms like a browser's; some sensors missing. */
function device(id: string, clockOffsetMs: number, seed: number, opts: { linear: boolean; gyroFrom: number; orientEvery: number }): SessionDevice {
  const rng = rngStream(seed, id);
  const length = 600;
  const samples = new Float64Array(length * SAMPLE_WIDTH);
  for (let i = 0; i < length; i++) {
    const o = i * SAMPLE_WIDTH;
    samples[o + F.tMs] = T0_MS - clockOffsetMs + 1000 + i * PERIOD_MS + (rng.next() * 2 - 1) * JITTER_MS;
    const g = [rng.gaussian() * 0.4, rng.gaussian() * 0.4, 9.81 + rng.gaussian() * 0.4];
    for (let k = 0; k < 3; k++) {
      samples[o + F.accelGX + k] = g[k]!;
      samples[o + F.accelX + k] = opts.linear ? rng.gaussian() * 0.3 : NaN;
      samples[o + F.gyroX + k] = i >= opts.gyroFrom ? rng.gaussian() * 1.5 : NaN;
      samples[o + F.orientAlpha + k] = i % opts.orientEvery === 0 ? NaN : [rng.next() * 360, rng.next() * 180 - 90, rng.next() * 180 - 90][k]!;
    }
  }
  // A negative zero is a value too; a lossless format keeps its sign.
  samples[10 * SAMPLE_WIDTH + F.gyroY] = -0;
  return { id, name: `${id} name`, source: "phone", platform: "ios", clockOffsetMs, samples, length };
}

function session(): SessionData {
  const at = (ms: number) => T0_MS + ms;
  return {
    name: "Study P01, session 2",
    room: "ABCDEF",
    startedAtMs: at(0),
    endedAtMs: at(12_000),
    labelSet: ["raise", "tap", "wave hello"],
    devices: [
      device("phone-left1", -123.456, 1, { linear: true, gyroFrom: 5, orientEvery: 1000 }),
      { ...device("watch-right2", 87.25, 2, { linear: false, gyroFrom: 0, orientEvery: 7 }), source: "sim", platform: "android" },
    ],
    labels: [
      { label: "raise", tStartMs: at(2000.5), tEndMs: at(3500.25) },
      { label: "tap", tStartMs: at(5000), tEndMs: at(5100) },
      { label: "wave hello", tStartMs: at(7000), tEndMs: at(9000) },
    ],
    events: [
      { tMs: at(2100), deviceId: "phone-left1", interaction: "raise-to-speak", detector: "heuristic:raise#1", score: 0.93 },
      { tMs: at(5050), deviceId: "watch-right2", interaction: "tap", detector: "tap-model@2#0", score: null },
    ],
    trim: null,
  };
}

/** The session with each device's samples left out (compared bit for bit on their own). */
const withoutSamples = (s: SessionData) => ({ ...s, devices: s.devices.map((d) => ({ ...d, samples: null })) });

describe("JSON Lines: lossless", () => {
  it("reads back every sample bit for bit (NaN positions, -0), every label, event and field", () => {
    const original = session();
    const back = sessionFromJsonl(sessionToJsonl(original), "copy.jsonl");
    expect(withoutSamples(back)).toEqual(withoutSamples(original));
    back.devices.forEach((d, i) => expect(bits(d.samples).equals(bits(original.devices[i]!.samples))).toBe(true));
    expect(Object.is(back.devices[0]!.samples[10 * SAMPLE_WIDTH + F.gyroY], -0)).toBe(true);
  });

  it("keeps the trim as data: all samples stay, the trim comes back", () => {
    const original = { ...session(), trim: { startMs: T0_MS + 1500, endMs: T0_MS + 9500 } };
    const back = sessionFromJsonl(sessionToJsonl(original), "t.jsonl");
    expect(back.trim).toEqual(original.trim);
    expect(back.devices.map((d) => d.length)).toEqual([600, 600]);
  });

  it("feeds training and evaluation: one recording per device, labels on that device's clock, trim applied", () => {
    const original = { ...session(), trim: { startMs: T0_MS + 1500, endMs: T0_MS + 9500 } };
    const text = sessionToJsonl(original);
    expect(formatDetect(text, "s.jsonl")).toEqual({ format: "jsonl" });
    const [left, right] = recordingsImport(text, "study/s.jsonl", { idPrefix: "study/s.jsonl" });
    expect([left!.id, right!.id, left!.group, right!.group]).toEqual(["study/s.jsonl#phone-left1", "study/s.jsonl#watch-right2", "study/s.jsonl", "study/s.jsonl"]);
    const offset = original.devices[0]!.clockOffsetMs;
    expect(left!.segments[0]).toEqual({ label: "raise", tStartMs: T0_MS + 2000.5 - offset, tEndMs: T0_MS + 3500.25 - offset });
    const times = column(left!, F.tMs).map((t) => t + offset);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(T0_MS + 1500);
    expect(Math.max(...times)).toBeLessThan(T0_MS + 9500);
  });

  it("is found in a dataset folder next to CSV files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wristlab-jsonl-"));
    writeFileSync(join(dir, "study.jsonl"), sessionToJsonl(session()));
    writeFileSync(join(dir, "extra.csv"), sessionToCsv(session(), { deviceId: "phone-left1" }));
    const dataset = await datasetLoad(dir).finally(() => rmSync(dir, { recursive: true }));
    expect(dataset.recordings.map((r) => r.id.split("/").pop())).toEqual(["extra.csv#phone-left1", "study.jsonl#phone-left1", "study.jsonl#watch-right2"]);
  });
});

describe("CSV: exact samples, labels per sample", () => {
  it("writes the documented header with units", () => {
    const header = sessionToCsv(session()).split("\n", 1)[0];
    expect(header).toBe(CSV_EXPORT_COLUMNS.join(","));
    expect(header).toContain("accelGX[m/s2]");
    expect(header).toContain("gyroX[rad/s]");
    expect(header).toContain("orientAlpha[deg]");
  });

  it("reads back every device's samples exactly, empty cells as NaN", () => {
    const original = session();
    const [back] = sessionsFromFile(utf8(sessionToCsv(original)), "x.csv");
    expect(back!.devices.map((d) => [d.id, d.length, d.clockOffsetMs])).toEqual([
      ["phone-left1", 600, 0],
      ["watch-right2", 600, 0],
    ]);
    back!.devices.forEach((d, i) => expect(bits(d.samples).equals(bits(original.devices[i]!.samples))).toBe(true));
  });

  it("gives every sample its label back (one device per file)", () => {
    // The CSV labels samples, not time: a span's edges come back at the first
    // sample inside it and the first after it, so labels per sample are exact and
    // span edges move by up to one sample period.
    const original = session();
    for (const d of original.devices) {
      const [back] = sessionsFromFile(utf8(sessionToCsv(original, { deviceId: d.id })), `${d.id}.csv`);
      const again = back!.devices[0]!;
      const want = deviceSampleLabels(d, original.labels, 0, d.length);
      expect(deviceSampleLabels(again, back!.labels, 0, again.length)).toEqual(want);
      expect(new Set(want)).toEqual(new Set(["", "raise", "tap", "wave hello"]));
    }
  });

  it("several devices in one CSV share one label list: differences stay at label edges", () => {
    // The CSV has no clock offsets, so after import the devices' label runs are
    // merged on their own clocks; a sample can change label only within the offset
    // difference plus a sample period of an edge.
    const original = session();
    const [back] = sessionsFromFile(utf8(sessionToCsv(original)), "x.csv");
    const edges = original.labels.flatMap((l) => [l.tStartMs, l.tEndMs]);
    const slackMs = Math.abs(original.devices[0]!.clockOffsetMs - original.devices[1]!.clockOffsetMs) + PERIOD_MS + 2 * JITTER_MS;
    original.devices.forEach((d, i) => {
      const want = deviceSampleLabels(d, original.labels, 0, d.length);
      const got = deviceSampleLabels(back!.devices[i]!, back!.labels, 0, d.length);
      got.forEach((label, k) => {
        if (label === want[k]) return;
        const t = d.samples[k * SAMPLE_WIDTH]! + d.clockOffsetMs;
        expect(Math.min(...edges.map((e) => Math.abs(e - t)))).toBeLessThan(slackMs);
      });
    });
    // The 100 ms tap comes back once per device: their clocks are 210 ms apart, so the two runs do not overlap.
    expect(back!.labels.map((l) => l.label)).toEqual(["raise", "tap", "tap", "wave hello"]);
  });

  it("writes only the trimmed span, judged on the recording clock", () => {
    const trim = { startMs: T0_MS + 4000, endMs: T0_MS + 6000 };
    const original = { ...session(), trim };
    const lines = sessionToCsv(original).trim().split("\n").slice(1);
    const inside = original.devices.map((d) => column(d, F.tMs).filter((t) => t + d.clockOffsetMs >= trim.startMs && t + d.clockOffsetMs < trim.endMs).length);
    expect(lines).toHaveLength(inside[0]! + inside[1]!);
    expect(inside[0]).toBeGreaterThan(100);
  });

  it("quotes the group cell that holds a comma", () => {
    expect(sessionToCsv(session()).split("\n")[1]).toMatch(/^phone-left1,"Study P01, session 2",/);
  });
});

describe("Edge Impulse", () => {
  const original = session();
  const d = original.devices[0]!;
  const ei = sessionToEdgeImpulse(original, d.id);
  const doc = JSON.parse(ei.json) as {
    protected: { ver: string; alg: string; iat: number };
    signature: string;
    payload: { interval_ms: number; sensors: { name: string; units: string }[]; values: number[][] };
  };

  it("is an unsigned data-acquisition file named <dominant label>.<recording>-<device>.json", () => {
    expect(doc.protected).toEqual({ ver: "v1", alg: "none", iat: Math.floor(original.startedAtMs / 1000) });
    expect(doc.signature).toMatch(/^0{64}$/);
    // Most of this device's samples are under no label.
    expect(ei.fileName).toBe("background.Study_P01_session_2-phone-left1.json");
    expect(doc.payload.sensors.map((s) => `${s.name}[${s.units}]`)).toEqual([
      ...["accX", "accY", "accZ"].map((n) => `${n}[m/s2]`),
      ...["linearAccX", "linearAccY", "linearAccZ"].map((n) => `${n}[m/s2]`),
      ...["gyrX", "gyrY", "gyrZ"].map((n) => `${n}[rad/s]`),
      ...["orientAlpha", "orientBeta", "orientGamma"].map((n) => `${n}[deg]`),
    ]);
  });

  it("reads back with identical values, and times within the jitter of the mean interval", () => {
    const [r] = recordingsImport(ei.json, ei.fileName);
    for (const c of [F.accelGX, F.accelGY, F.accelGZ, F.accelX, F.accelY, F.accelZ]) expect(column(r!, c)).toEqual(column(d, c));
    // Gyro is missing for the first 5 samples: Edge Impulse needs numbers, so the first value is held back to them.
    const gyro = column(d, F.gyroX);
    expect(column(r!, F.gyroX)).toEqual(gyro.map((v, i) => (i < 5 ? gyro[5] : v)));
    // Our Edge Impulse reader skips orientation, but the file holds it (sample 0 has none: the next value fills it).
    const alpha = column(d, F.orientAlpha);
    expect(doc.payload.values.map((row) => row[9])).toEqual(alpha.map((v, i) => (i === 0 ? alpha[1] : v)));

    const t = column(d, F.tMs);
    const meanMs = (t[t.length - 1]! - t[0]!) / (t.length - 1);
    expect(doc.payload.interval_ms).toBe(meanMs);
    // Each time is off by its own jitter, the first sample's, and the mean's share of both ends': 4 jitters at most.
    const offBy = column(r!, F.tMs).map((ti, i) => Math.abs(ti - (t[i]! - t[0]!)));
    expect(Math.max(...offBy)).toBeLessThan(4 * JITTER_MS);
    expect(Math.max(...offBy)).toBeGreaterThan(0);
  });

  it("keeps one label in the file name, every span in structured_labels.labels", () => {
    const [r] = recordingsImport(ei.json, ei.fileName);
    expect(r!.segments.map((s) => s.label)).toEqual(["background"]);

    const labels = sessionToEdgeImpulseLabels(original, d.id);
    expect(labels.fileName).toBe(EDGE_IMPULSE_LABELS_FILE);
    const file = JSON.parse(labels.json) as { version: number; type: string; structuredLabels: Record<string, { startIndex: number; endIndex: number; label: string }[]> };
    expect([file.version, file.type, Object.keys(file.structuredLabels)]).toEqual([1, "structured-labels", [ei.fileName]]);
    const runs = file.structuredLabels[ei.fileName]!;
    const perSample = runs.flatMap((run) => Array.from({ length: run.endIndex - run.startIndex + 1 }, () => run.label));
    expect(perSample).toEqual(deviceSampleLabels(d, original.labels, 0, d.length).map((l) => l || "background"));
    expect(runs.map((run) => run.label)).toEqual(["background", "raise", "background", "tap", "background", "wave hello", "background"]);
    runs.forEach((run, i) => i > 0 && expect(run.startIndex).toBe(runs[i - 1]!.endIndex + 1));
  });
});

describe("a real recording: smartwatch HAR subject s01", () => {
  const path = "tests/fixtures/smartwatch-har/s01/s01_01_sw.csv";
  const [har] = sessionsFromFile(readFileSync(path), "s01_01_sw.csv");

  it("imports with its epoch clock and activity labels", () => {
    expect(har!.devices).toHaveLength(1);
    expect(har!.devices[0]).toMatchObject({ id: "s01_01_sw-csv", clockOffsetMs: 0, source: "phone", platform: "other" });
    expect(har!.labels.map((l) => l.label)).toEqual(["SEATED", "STANDING_UP", "WALKING"]);
    expect(har!.startedAtMs).toBe(1657533977810);
  });

  it("round-trips through JSON Lines and CSV without a changed bit or label", () => {
    const viaJsonl = sessionFromJsonl(sessionToJsonl(har!), "har.jsonl");
    expect(withoutSamples(viaJsonl)).toEqual(withoutSamples(har!));
    expect(bits(viaJsonl.devices[0]!.samples).equals(bits(har!.devices[0]!.samples))).toBe(true);

    const [viaCsv] = sessionsFromFile(utf8(sessionToCsv(har!)), "har.csv");
    const a = har!.devices[0]!;
    const b = viaCsv!.devices[0]!;
    expect(bits(b.samples).equals(bits(a.samples))).toBe(true);
    expect(deviceSampleLabels(b, viaCsv!.labels, 0, b.length)).toEqual(deviceSampleLabels(a, har!.labels, 0, a.length));
  });
});

describe("files on a relative clock (times from 0)", () => {
  it("lays punch-flex's gestures end to end from placeAtMs, labels apart, sample times as in the file", () => {
    const placeAtMs = T0_MS;
    const [s] = sessionsFromFile(readFileSync("tests/fixtures/punch-flex/punch.csv"), "punch.csv", { placeAtMs });
    expect(s!.devices.length).toBeGreaterThan(1);
    expect(s!.startedAtMs).toBe(placeAtMs);
    s!.devices.forEach((d, i) => {
      expect(d.samples[F.tMs]).toBe(0);
      if (i > 0) expect(d.clockOffsetMs).toBeGreaterThan(s!.devices[i - 1]!.clockOffsetMs + 1000);
    });
    expect(s!.labels).toHaveLength(s!.devices.length);
    s!.labels.forEach((l, i) => i > 0 && expect(l.tStartMs).toBeGreaterThan(s!.labels[i - 1]!.tEndMs));
    expect(s!.labelSet).toEqual(["punch"]);
  });
});
