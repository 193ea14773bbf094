import type { EvalReport } from "./evaluate";
import type { ClassMetrics, FalseTriggers } from "./metrics";

/** An {@link EvalReport} as plain-text tables for a terminal; "-" where a figure is undefined (null). */

function fixed(x: number | null, digits: number): string {
  return x === null ? "-" : x.toFixed(digits);
}

/** Columns padded to their widest cell: the first left-aligned (names), the rest right-aligned (numbers). */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? "").length)));
  return all
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ").trimEnd())
    .join("\n");
}

function classRow(m: ClassMetrics): string[] {
  return [
    m.label,
    String(m.segments),
    String(m.events),
    String(m.tp),
    String(m.fp),
    String(m.doubles),
    String(m.missed),
    fixed(m.precision, 3),
    fixed(m.recall, 3),
    fixed(m.f1, 3),
    fixed(m.delayMs.p50, 0),
    fixed(m.delayMs.p95, 0),
    fixed(m.delayFromStartMs.p50, 0),
  ];
}

/** Three significant digits below an hour, so minutes of data do not read as 0.000 h. */
function hours(h: number): string {
  return h === 0 || h >= 1 ? h.toFixed(2) : h.toPrecision(3);
}

function triggersLine(name: string, t: FalseTriggers): string {
  return `${name}: ${t.events} in ${hours(t.hours)} h = ${fixed(t.perHour, 2)} /h`;
}

export function reportText(r: EvalReport): string {
  const d = r.decision;
  const lines = [
    `Detector  ${r.detector.id} (${r.detector.name}, ${r.detector.kind}, ${r.detector.interaction})`,
    `Dataset   ${r.dataset.name}: ${r.counts.recordings} recordings, ${hours(r.durations.totalHours)} h, ` +
      `${r.counts.segments} segments of its classes, ${r.counts.otherSegments} of other labels, ${r.counts.windows} windows`,
    `Decision  threshold ${d.thresholdProb}, smoothing ${d.smoothingWindows}, ${d.minConsecutiveWindows} in a row, ` +
      `refractory ${d.refractoryMs} ms; match tolerance ${r.matching.toleranceMs} ms after a segment's end` +
      (r.matching.edgeMs > 0 ? `; ${r.counts.edgeSegments} segments within ${r.matching.edgeMs} ms of a recording's edge not judged` : ""),
    ...(r.counts.unscoredRecordings > 0
      ? [`Warning   ${r.counts.unscoredRecordings} recordings are shorter than one window: nothing was scored there, their segments count as missed`]
      : []),
    "",
    textTable(
      ["class", "segments", "events", "TP", "FP", "double", "missed", "precision", "recall", "F1", "delay p50 ms", "p95 ms", "from start p50 ms"],
      [...r.classes, ...(r.classes.length > 1 ? [r.overall] : [])].map(classRow),
    ),
    "",
    `False triggers  ${triggersLine(`negative streams (${r.counts.negativeRecordings} recordings)`, r.falseTriggers.negativeStreams)}; ` +
      triggersLine("background", r.falseTriggers.background),
    "",
    "Confusion (rows: true label, columns: detected)",
    textTable(
      ["", ...r.confusion.cols],
      r.confusion.rows.map((row, i) => [row, ...r.confusion.counts[i]!.map(String)]),
    ),
  ];
  if (r.sweep.length > 0) {
    lines.push(
      "",
      "Threshold sweep (* = the decision's threshold)",
      textTable(
        ["threshold", "events", "precision", "recall", "F1", "ft/h negative", "ft/h background"],
        r.sweep.map((p) => [
          `${p.thresholdProb === d.thresholdProb ? "*" : " "}${p.thresholdProb.toFixed(2)}`,
          String(p.events),
          fixed(p.precision, 3),
          fixed(p.recall, 3),
          fixed(p.f1, 3),
          fixed(p.ftPerHour, 2),
          fixed(p.backgroundFtPerHour, 2),
        ]),
      ),
    );
  }
  return lines.join("\n");
}
