import { SAMPLE_WIDTH, type SampleTuple } from "../protocol/sample";
import type { Db } from "./recording-db";

/** Live samples of one device, continuing its numbering at `n0`. */
export interface SampleChunk {
  deviceRow: number;
  n0: number;
  samples: readonly SampleTuple[];
}

const COLUMNS = "t_ms, accel_g_x, accel_g_y, accel_g_z, accel_x, accel_y, accel_z, gyro_x, gyro_y, gyro_z, orient_alpha, orient_beta, orient_gamma";

/**
 * Sample rows in and out of the database. Live writes go in one transaction per
 * flush (the recorder batches ~200 ms of every device), which is what makes
 * thousands of rows a second cheap; reads fill one Float64Array in the wire layout.
 */
export class SampleRows {
  private readonly insert;
  private readonly counts;
  private readonly select;
  private readonly selectRange;
  private readonly row = new Array<number | null>(SAMPLE_WIDTH + 2);

  constructor(private readonly db: Db) {
    this.insert = db.prepare(`INSERT INTO samples (device_row, n, ${COLUMNS}) VALUES (?, ?, ${Array(SAMPLE_WIDTH).fill("?").join(", ")})`);
    this.counts = db.prepare(
      `UPDATE recording_devices SET sample_count = sample_count + ?, first_t_ms = COALESCE(first_t_ms, ?), last_t_ms = ? WHERE id = ?`,
    );
    this.select = db.prepare(`SELECT ${COLUMNS} FROM samples WHERE device_row = ? ORDER BY n`).raw(true);
    this.selectRange = db.prepare(`SELECT ${COLUMNS} FROM samples WHERE device_row = ? AND n >= ? AND n < ? ORDER BY n`).raw(true);
  }

  /** Live chunks, all in one transaction. */
  write(chunks: readonly SampleChunk[]): void {
    this.db.transaction(() => {
      for (const c of chunks) {
        if (c.samples.length === 0) continue;
        c.samples.forEach((t, i) => this.put(c.deviceRow, c.n0 + i, (f) => t[f] ?? null));
        this.counts.run(c.samples.length, c.samples[0]![0], c.samples[c.samples.length - 1]![0], c.deviceRow);
      }
    })();
  }

  /** A whole imported device; the caller holds the transaction. NaN is stored as NULL. */
  writeRows(deviceRow: number, rows: Float64Array, length: number): void {
    for (let i = 0; i < length; i++) {
      this.put(deviceRow, i, (f) => {
        const v = rows[i * SAMPLE_WIDTH + f]!;
        return Number.isNaN(v) ? null : v;
      });
    }
    if (length > 0) this.counts.run(length, rows[0]!, rows[(length - 1) * SAMPLE_WIDTH]!, deviceRow);
  }

  /** A device's rows in recording order; NULL (a sensor the device lacks) becomes NaN. */
  read(deviceRow: number, expected: number): { rows: Float64Array; length: number } {
    const rows = new Float64Array(expected * SAMPLE_WIDTH);
    let length = 0;
    for (const r of this.select.iterate(deviceRow) as Iterable<(number | null)[]>) {
      if (length === expected) break;
      for (let f = 0; f < SAMPLE_WIDTH; f++) rows[length * SAMPLE_WIDTH + f] = r[f] ?? NaN;
      length++;
    }
    return { rows: rows.subarray(0, length * SAMPLE_WIDTH), length };
  }

  /**
   * The same rows, read `chunkRows` at a time with a turn of the event loop between
   * chunks: an hour of a phone is ~200k rows, which read at once would stall live
   * relaying and recording for a second or more. Each chunk is its own query, so no
   * statement stays open across turns (the recorder writes on this connection meanwhile).
   */
  async readChunked(deviceRow: number, expected: number, chunkRows = 20_000): Promise<{ rows: Float64Array; length: number }> {
    const rows = new Float64Array(expected * SAMPLE_WIDTH);
    let length = 0;
    for (let from = 0; from < expected; from += chunkRows) {
      for (const r of this.selectRange.iterate(deviceRow, from, Math.min(expected, from + chunkRows)) as Iterable<(number | null)[]>) {
        for (let f = 0; f < SAMPLE_WIDTH; f++) rows[length * SAMPLE_WIDTH + f] = r[f] ?? NaN;
        length++;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { rows: rows.subarray(0, length * SAMPLE_WIDTH), length };
  }

  private put(deviceRow: number, n: number, value: (field: number) => number | null) {
    const row = this.row;
    row[0] = deviceRow;
    row[1] = n;
    for (let f = 0; f < SAMPLE_WIDTH; f++) row[f + 2] = value(f);
    this.insert.run(row);
  }
}
