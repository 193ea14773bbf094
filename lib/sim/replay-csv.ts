import { SAMPLE_FIELDS, SAMPLE_WIDTH, type SampleTuple } from "../protocol/sample";

/**
 * Reads a CSV of samples for `npm run sim -- --replay`: a header naming the sample
 * fields (`tMs, accelGX, ...` as in lib/protocol/sample.ts; order free, the
 * optional ones may be missing or empty) and one row per sample. Errors name the
 * line, so a broken file is fixed in a minute.
 */
export function replayCsvParse(text: string, fileName = "replay.csv"): SampleTuple[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? "").split(",").map((h) => h.trim());
  const columns = SAMPLE_FIELDS.map((f) => header.indexOf(f));
  for (const required of ["tMs", "accelGX", "accelGY", "accelGZ"] as const) {
    if (!header.includes(required)) {
      throw new Error(`${fileName}:1: missing column "${required}" (header must name sample fields: ${SAMPLE_FIELDS.join(", ")})`);
    }
  }
  const out: SampleTuple[] = [];
  let lastT = -Infinity;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const cells = line.split(",");
    const row = new Array<number | null>(SAMPLE_WIDTH);
    for (let f = 0; f < SAMPLE_WIDTH; f++) {
      const col = columns[f]!;
      const cell = col < 0 ? "" : (cells[col] ?? "").trim();
      if (cell === "") {
        if (f < 4) throw new Error(`${fileName}:${i + 1}: "${SAMPLE_FIELDS[f]}" is empty`);
        row[f] = null;
        continue;
      }
      const v = Number(cell);
      if (!Number.isFinite(v)) throw new Error(`${fileName}:${i + 1}: "${SAMPLE_FIELDS[f]}" is not a number: "${cell.slice(0, 20)}"`);
      row[f] = v;
    }
    const t = row[0] as number;
    if (t <= lastT) throw new Error(`${fileName}:${i + 1}: tMs ${t} does not increase (previous ${lastT})`);
    lastT = t;
    out.push(row as SampleTuple);
  }
  if (out.length === 0) throw new Error(`${fileName}: no samples after the header`);
  return out;
}

/** Moves a recording's clock so its first sample is at `startMs`. */
export function replayRebase(samples: SampleTuple[], startMs: number): SampleTuple[] {
  const t0 = samples[0]?.[0] ?? 0;
  return samples.map((s) => [startMs + (s[0] - t0), ...s.slice(1)] as SampleTuple);
}
