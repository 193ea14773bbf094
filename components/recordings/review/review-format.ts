/** "0:42.5", "12:03.0", "1:02:03": a recording's length or a time in it, to a tenth of a second. */
export function clockText(ms: number): string {
  const sign = ms < 0 ? "−" : "";
  const tenths = Math.round(Math.abs(ms) / 100);
  const s = Math.floor(tenths / 10);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = `${String(s % 60).padStart(2, "0")}.${tenths % 10}`;
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, "0")}:${rest.slice(0, 2)}` : `${sign}${m}:${rest}`;
}

/** Seconds on the time axis with as many decimals as the tick step needs: "12 s", "12.5 s", "12.25 s". */
export function axisSecondsText(s: number, stepS: number): string {
  // The step's own decimals (0.25 needs two); toPrecision drops float noise such as 0.30000000000000004.
  const decimals = Math.min(3, (String(Number(stepS.toPrecision(6))).split(".")[1] ?? "").length);
  return `${s.toFixed(decimals)} s`;
}

/** "3 labels", "1 label". */
export function countText(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
