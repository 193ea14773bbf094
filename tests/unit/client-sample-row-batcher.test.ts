import { describe, expect, it } from "vitest";
import { SampleRowBatcher } from "@/lib/client/sample-row-batcher";
import { HOST_ROW_WIDTH } from "@/lib/models/host-protocol";
import { F, SAMPLE_WIDTH, type SampleTuple } from "@/lib/protocol/sample";

const sample = (tMs: number, accelGX = 0.25): SampleTuple => [tMs, accelGX, -0.5, 9.81, null, null, null, 0.1, 0.2, 0.3, 10, 20, 30];

function recorder() {
  const sent: Array<{ deviceId: string; rows: Float64Array }> = [];
  const batcher = new SampleRowBatcher((deviceId, rows) => sent.push({ deviceId, rows }));
  return { sent, batcher };
}

/** Row `i` of a batch as plain numbers: `[serverMs, ...tuple]`. */
const row = (rows: Float64Array, i: number) => Array.from(rows.subarray(i * HOST_ROW_WIDTH, (i + 1) * HOST_ROW_WIDTH));
const expectedRow = (serverMs: number, s: SampleTuple) => [serverMs, ...s.map((v) => v ?? NaN)];
const microtask = () => Promise.resolve();

describe("SampleRowBatcher", () => {
  it("sends the samples added in one task as one array of rows, after a microtask", async () => {
    const { sent, batcher } = recorder();
    const samples = [sample(1000), sample(1016, 1.5), sample(1032, -2)];
    samples.forEach((s, i) => batcher.add("phone-1", 5000 + i * 16, s));
    expect(sent).toHaveLength(0);
    await microtask();
    expect(sent).toHaveLength(1);
    const { deviceId, rows } = sent[0]!;
    expect(deviceId).toBe("phone-1");
    expect(HOST_ROW_WIDTH).toBe(SAMPLE_WIDTH + 1);
    expect(rows).toHaveLength(samples.length * HOST_ROW_WIDTH);
    // The buffer holds exactly the rows, since the desktop transfers it whole.
    expect(rows.buffer.byteLength).toBe(rows.byteLength);
    samples.forEach((s, i) => expect(row(rows, i)).toEqual(expectedRow(5000 + i * 16, s)));
    expect(Number.isNaN(rows[HOST_ROW_WIDTH + 1 + F.accelX])).toBe(true);
  });

  it("starts a new array for the next task's samples", async () => {
    const { sent, batcher } = recorder();
    batcher.add("phone-1", 1, sample(1));
    await microtask();
    batcher.add("phone-1", 2, sample(2));
    batcher.add("phone-1", 3, sample(3));
    await microtask();
    expect(sent.map((s) => s.rows.length / HOST_ROW_WIDTH)).toEqual([1, 2]);
    expect(sent.map((s) => s.rows[0])).toEqual([1, 2]);
  });

  it("sends one device's rows before taking another device's", async () => {
    const { sent, batcher } = recorder();
    batcher.add("phone-1", 10, sample(10));
    batcher.add("phone-1", 20, sample(20));
    batcher.add("phone-2", 30, sample(30));
    expect(sent.map((s) => [s.deviceId, s.rows.length / HOST_ROW_WIDTH])).toEqual([["phone-1", 2]]);
    await microtask();
    expect(sent.map((s) => [s.deviceId, s.rows.length / HOST_ROW_WIDTH])).toEqual([
      ["phone-1", 2],
      ["phone-2", 1],
    ]);
    expect(sent[1]!.rows[0]).toBe(30);
  });

  it("grows past its first capacity without losing or reordering a row", async () => {
    const { sent, batcher } = recorder();
    const n = 300;
    for (let i = 0; i < n; i++) batcher.add("phone-1", 1000 + i, sample(i, i / 10));
    await microtask();
    expect(sent).toHaveLength(1);
    const rows = sent[0]!.rows;
    expect(rows).toHaveLength(n * HOST_ROW_WIDTH);
    for (const i of [0, 63, 64, 65, 127, 128, 255, 299]) expect(row(rows, i)).toEqual(expectedRow(1000 + i, sample(i, i / 10)));
  });

  it("flushes on demand, and the pending microtask then has nothing left to send", async () => {
    const { sent, batcher } = recorder();
    batcher.flush();
    expect(sent).toHaveLength(0);
    batcher.add("phone-1", 7, sample(7));
    batcher.flush();
    expect(sent).toHaveLength(1);
    await microtask();
    expect(sent).toHaveLength(1);
  });

  it("hands out copies: later samples do not change an array already sent", async () => {
    const { sent, batcher } = recorder();
    batcher.add("phone-1", 1, sample(1, 0.5));
    await microtask();
    const first = sent[0]!.rows;
    const before = Array.from(first);
    batcher.add("phone-1", 2, sample(2, 9));
    await microtask();
    expect(Array.from(first)).toEqual(before);
    expect(sent[1]!.rows).not.toBe(first);
  });
});
