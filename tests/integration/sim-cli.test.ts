import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roomCreate, roomsGet, testServerStart, type TestServer } from "./harness";

let t: TestServer;
beforeAll(async () => {
  t = await testServerStart();
});
afterAll(async () => {
  await t.close();
});

/** Runs `npm run sim -- ...` the way a user does (through tsx), returning its exit code and output. */
function simCli(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/sim.ts", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ code, out }));
  });
}

describe("npm run sim", () => {
  it("streams a motion into a room: the server counts every sample, no gaps, nothing dropped", async () => {
    const room = await roomCreate(t.url);
    const { code, out } = await simCli(["--url", t.url, "--room", room, "--motion", "raise", "--seconds", "3", "--rate", "60", "--name", "cli raise"]);
    expect(out).toMatch(/sent (\d+) samples/);
    expect(code).toBe(0);
    const sent = Number(/sent (\d+) samples/.exec(out)![1]);
    expect(sent).toBeGreaterThanOrEqual(175);
    expect(sent).toBeLessThanOrEqual(182);
    const device = (await roomsGet(t.url)).find((r) => r.code === room)!.devices[0]!;
    expect(device).toMatchObject({ name: "cli raise", source: "sim", samples: sent, gaps: 0, dropped: 0, duplicates: 0 });
  }, 30_000);

  it("replays a real smartwatch recording at its own rate", async () => {
    const room = await roomCreate(t.url);
    const { code, out } = await simCli(["--url", t.url, "--room", room, "--replay", "tests/fixtures/smartwatch-har-s01_01_sw.csv", "--seconds", "2"]);
    expect(code).toBe(0);
    const sent = Number(/sent (\d+) samples/.exec(out)![1]);
    // ~104 Hz for 2 s of the recording.
    expect(sent).toBeGreaterThan(190);
    expect(sent).toBeLessThan(225);
    const device = (await roomsGet(t.url)).find((r) => r.code === room)!.devices[0]!;
    expect(device.samples).toBe(sent);
    expect(device.dropped).toBe(0);
  }, 30_000);

  it("explains bad arguments instead of starting", async () => {
    const noRoom = await simCli(["--url", t.url]);
    expect(noRoom.code).toBe(2);
    expect(noRoom.out).toContain("--room is required");
    const badMotion = await simCli(["--url", t.url, "--room", "K7QM4X", "--motion", "moonwalk"]);
    expect(badMotion.code).toBe(2);
    expect(badMotion.out).toContain('unknown motion "moonwalk"');
    const unknownRoom = await simCli(["--url", t.url, "--room", "ZZZZZZ", "--seconds", "1"]);
    expect(unknownRoom.code).toBe(1);
    expect(unknownRoom.out).toContain("No room ZZZ-ZZZ");
  }, 30_000);
});
