/** Sample rate the desktop expects from a browser phone (Chromium and iOS Safari fire devicemotion at ~60 Hz). */
export const NOMINAL_RATE_HZ = 60;

/** How a figure should be coloured: fine, worth a look, or not live at all. */
export type HealthLevel = "good" | "warn" | "idle";

/** Green within 10% of the nominal rate; amber otherwise; grey when the device is gone. */
export function rateLevel(rateHz: number, connected: boolean, nominalHz = NOMINAL_RATE_HZ): HealthLevel {
  if (!connected) return "idle";
  return Math.abs(rateHz - nominalHz) <= nominalHz * 0.1 ? "good" : "warn";
}

/** Any lost sample is worth noticing: a model fed with holes misbehaves quietly. */
export function countLevel(count: number, connected: boolean): HealthLevel {
  if (!connected) return "idle";
  return count > 0 ? "warn" : "good";
}

/** "—" for unknown, otherwise fixed decimals; keeps tables from jumping between "12" and "12.5". */
export function numberText(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "—" : value.toFixed(digits);
}

/** A clock offset with its sign, in ms or s, e.g. "+12.4 ms", "−3.2 s". */
export function offsetText(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "—";
  const sign = ms < 0 ? "−" : "+";
  const abs = Math.abs(ms);
  return abs < 10_000 ? `${sign}${abs.toFixed(1)} ms` : `${sign}${(abs / 1000).toFixed(1)} s`;
}

/** "12 s", "3 min", "2 h": coarse on purpose, a status line is read at a glance. */
export function durationText(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s`;
  const min = Math.round(s / 60);
  return min < 120 ? `${min} min` : `${Math.round(min / 60)} h`;
}

/** "just now", "12 s ago", "3 min ago". */
export function agoText(ms: number): string {
  return ms < 2000 ? "just now" : `${durationText(ms)} ago`;
}

/** "double-tap" -> "Double tap". */
export function motionLabel(name: string): string {
  const words = name.replace(/[-_]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
