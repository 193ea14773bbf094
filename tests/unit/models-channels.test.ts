import { describe, expect, it } from "vitest";
import { CHANNEL_NAMES, CHANNELS, channelValue, isChannelName } from "@/lib/models/channels";
import type { SampleTuple } from "@/lib/protocol/sample";

const full: SampleTuple = [1000, 3, 4, 12, 0.3, -0.4, 1.2, 2, -3, 6, 10, 20, 30];
const noGyroNoLinear: SampleTuple = [1000, 0, 0, 9.81, null, null, null, null, null, null, null, null, null];

describe("channels", () => {
  it("reads each axis from its wire field", () => {
    expect([channelValue(full, "accelGX"), channelValue(full, "accelGY"), channelValue(full, "accelGZ")]).toEqual([3, 4, 12]);
    expect([channelValue(full, "accelX"), channelValue(full, "accelY"), channelValue(full, "accelZ")]).toEqual([0.3, -0.4, 1.2]);
    expect([channelValue(full, "gyroX"), channelValue(full, "gyroY"), channelValue(full, "gyroZ")]).toEqual([2, -3, 6]);
  });

  it("derives norms", () => {
    expect(channelValue(full, "accelGNorm")).toBeCloseTo(13, 12);
    expect(channelValue(full, "accelNorm")).toBeCloseTo(1.3, 12);
    expect(channelValue(full, "gyroNorm")).toBeCloseTo(7, 12);
    expect(channelValue(noGyroNoLinear, "accelGNorm")).toBeCloseTo(9.81, 12);
  });

  it("gives NaN for channels of sensors the phone lacks", () => {
    for (const name of ["accelX", "accelNorm", "gyroZ", "gyroNorm"] as const) {
      expect(channelValue(noGyroNoLinear, name)).toBeNaN();
    }
  });

  it("documents a unit for every channel and knows only its own names", () => {
    for (const name of CHANNEL_NAMES) expect(["m/s²", "rad/s"]).toContain(CHANNELS[name].unit);
    expect(CHANNEL_NAMES).toHaveLength(12);
    expect(isChannelName("gyroNorm")).toBe(true);
    expect(isChannelName("orientAlpha")).toBe(false);
    expect(isChannelName("toString")).toBe(false);
  });
});
