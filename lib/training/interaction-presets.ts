import type { ChannelName } from "../models/channels";
import type { DecisionSettings, DetectorInput } from "../models/detector";
import type { SynthInteraction } from "./synthetic-data";

/**
 * Input and decision defaults per interaction, sized to the gesture: a window long
 * enough to hold the whole gesture with room to spare (window-labels.ts wants it
 * whole), a rate that resolves it, a hop of 50-100 ms for a prompt decision, and a
 * refractory time that covers one gesture's run of positive windows. They follow the
 * heuristic baselines' rates and hops, so A/B comparisons see the same stream.
 */

export interface InteractionPreset {
  input: DetectorInput;
  decision: Partial<DecisionSettings>;
}

const ACCEL_G_GYRO: readonly ChannelName[] = ["accelGX", "accelGY", "accelGZ", "gyroX", "gyroY", "gyroZ"];
/** Taps are sharp in linear acceleration and nearly invisible under gravity's pose-dependent offset. */
const ACCEL_GYRO: readonly ChannelName[] = ["accelX", "accelY", "accelZ", "gyroX", "gyroY", "gyroZ"];

export const INTERACTION_PRESETS: Readonly<Record<SynthInteraction, InteractionPreset>> = {
  // A raise takes 0.45-0.75 s: 2 s windows hold it whole for over a second of hops.
  "raise-to-speak": { input: { rateHz: 50, windowSamples: 100, hopSamples: 5, channels: ACCEL_G_GYRO }, decision: { refractoryMs: 2000 } },
  // Taps are 15-27 ms: 100 Hz keeps them in two or three frames. A single tap looks
  // like half a double tap, so the model is less sure of its "no" there: a higher
  // threshold (measured on held-out seeds: 0.9 gave no false triggers, 0.7 3.6 /h).
  "double-tap": { input: { rateHz: 100, windowSamples: 100, hopSamples: 5, channels: ACCEL_GYRO }, decision: { thresholdProb: 0.9, refractoryMs: 1000 } },
  // A flick is 150-300 ms of forearm twist.
  flick: { input: { rateHz: 50, windowSamples: 50, hopSamples: 5, channels: ACCEL_G_GYRO }, decision: { refractoryMs: 1000 } },
  // Scrubbing is a rhythm: longer windows, a slower hop, and one event per wash.
  handwash: {
    input: { rateHz: 50, windowSamples: 128, hopSamples: 25, channels: ACCEL_G_GYRO },
    decision: { smoothingWindows: 3, minConsecutiveWindows: 4, refractoryMs: 30_000 },
  },
  // A tap is told from the first of a double tap only by the quiet after it, and a
  // model that pools over time cannot see where in the window a tap sits: the run of
  // positive windows must outlast a double tap's gap (up to ~0.5 s, 10 hops) before
  // it counts. 1.2 s windows keep a tap in view long enough for that run.
  tap: {
    input: { rateHz: 100, windowSamples: 120, hopSamples: 5, channels: ACCEL_GYRO },
    decision: { thresholdProb: 0.9, minConsecutiveWindows: 10, refractoryMs: 500 },
  },
};

/** For `custom:<name>` interactions trained on recorded clips. */
export const CUSTOM_PRESET: InteractionPreset = {
  input: { rateHz: 50, windowSamples: 50, hopSamples: 5, channels: ACCEL_G_GYRO },
  decision: { refractoryMs: 1000 },
};
