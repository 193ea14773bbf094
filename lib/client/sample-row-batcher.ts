import { HOST_ROW_WIDTH } from "../models/host-protocol";
import { SAMPLE_WIDTH, type SampleTuple } from "../protocol/sample";

/**
 * Collects the samples of one socket batch into one Float64Array for the detector
 * host, so the worker gets one transferred message per batch (~20 a second per
 * phone) instead of one structured clone per sample. Flushes in a microtask: after
 * the store has taken the whole batch, before anything else runs.
 */
export class SampleRowBatcher {
  private rows = new Float64Array(64 * HOST_ROW_WIDTH);
  private used = 0;
  private deviceId: string | null = null;
  private scheduled = false;

  constructor(private readonly send: (deviceId: string, rows: Float64Array) => void) {}

  add(deviceId: string, serverMs: number, sample: SampleTuple): void {
    if (this.deviceId !== null && this.deviceId !== deviceId) this.flush();
    this.deviceId = deviceId;
    if (this.used + HOST_ROW_WIDTH > this.rows.length) {
      const bigger = new Float64Array(this.rows.length * 2);
      bigger.set(this.rows.subarray(0, this.used));
      this.rows = bigger;
    }
    const r = this.rows;
    let o = this.used;
    r[o++] = serverMs;
    for (let c = 0; c < SAMPLE_WIDTH; c++) r[o++] = sample[c] ?? NaN;
    this.used = o;
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.used === 0 || this.deviceId === null) return;
    // A copy of exactly the used rows, since the buffer is transferred (and so emptied) on send.
    const out = this.rows.slice(0, this.used);
    this.used = 0;
    this.send(this.deviceId, out);
  }
}
