import { F, type SampleTuple } from "@/lib/protocol/sample";

/**
 * The standard channels a model may ask for in its manifest, in any order. A model
 * names channels instead of wire indices so the wire tuple can grow without breaking
 * trained checkpoints, and so a manifest states units a trainer can check against.
 *
 * Axes are the phone's device frame (W3C DeviceMotion: x right, y up the screen,
 * z out of the screen); see `lib/protocol/sample.ts`.
 *
 * Orientation angles are deliberately absent: alpha's zero is an arbitrary heading on
 * many phones and all three wrap, so a model trained on them does not transfer
 * between sessions. Norms are offered because they do not depend on how the phone
 * sits in the hand or on the wrist.
 */
export type ChannelUnit = "m/s²" | "rad/s";

export interface ChannelSpec {
  readonly unit: ChannelUnit;
  readonly description: string;
  /** The value from one wire sample; NaN where the phone lacks the sensor. */
  readonly fromSample: (s: SampleTuple) => number;
}

const field =
  (i: number) =>
  (s: SampleTuple): number =>
    s[i] ?? NaN;

const norm =
  (i: number) =>
  (s: SampleTuple): number => {
    const x = s[i];
    const y = s[i + 1];
    const z = s[i + 2];
    return x == null || y == null || z == null ? NaN : Math.hypot(x, y, z);
  };

export const CHANNELS = {
  accelGX: { unit: "m/s²", description: "acceleration including gravity, x", fromSample: field(F.accelGX) },
  accelGY: { unit: "m/s²", description: "acceleration including gravity, y", fromSample: field(F.accelGY) },
  accelGZ: { unit: "m/s²", description: "acceleration including gravity, z", fromSample: field(F.accelGZ) },
  accelX: { unit: "m/s²", description: "linear acceleration (gravity removed by the phone), x", fromSample: field(F.accelX) },
  accelY: { unit: "m/s²", description: "linear acceleration (gravity removed by the phone), y", fromSample: field(F.accelY) },
  accelZ: { unit: "m/s²", description: "linear acceleration (gravity removed by the phone), z", fromSample: field(F.accelZ) },
  gyroX: { unit: "rad/s", description: "rotation rate about x", fromSample: field(F.gyroX) },
  gyroY: { unit: "rad/s", description: "rotation rate about y", fromSample: field(F.gyroY) },
  gyroZ: { unit: "rad/s", description: "rotation rate about z", fromSample: field(F.gyroZ) },
  accelGNorm: { unit: "m/s²", description: "|acceleration including gravity|, ≈ 9.81 at rest", fromSample: norm(F.accelGX) },
  accelNorm: { unit: "m/s²", description: "|linear acceleration|, ≈ 0 at rest", fromSample: norm(F.accelX) },
  gyroNorm: { unit: "rad/s", description: "|rotation rate|", fromSample: norm(F.gyroX) },
} as const satisfies Record<string, ChannelSpec>;

export type ChannelName = keyof typeof CHANNELS;

export const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(CHANNELS, name);
}

/** The channel's value in this sample, in the channel's unit; NaN when the sensor is missing. */
export function channelValue(s: SampleTuple, channel: ChannelName): number {
  return CHANNELS[channel].fromSample(s);
}
