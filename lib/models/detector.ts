import type { ChannelName } from "./channels";
import type { Interaction, ModelManifest } from "./manifest";

/**
 * The one shape every detector has, a TF.js checkpoint or a rule-based heuristic,
 * so the runtime, the A/B view and the scenes treat them alike. A detector only
 * turns one window of resampled channels into class probabilities; resampling,
 * windowing and the decision (threshold, smoothing, refractory time) are the
 * runner's, configured from the same spec.
 */

export type DetectorKind = "model" | "heuristic";

export interface DetectorInput {
  rateHz: number;
  windowSamples: number;
  hopSamples: number;
  channels: readonly ChannelName[];
}

export type DecisionSettings = ModelManifest["decision"];

export interface DetectorLabel {
  name: string;
  role: "event" | "background";
}

export interface DetectorSpec {
  /** Unique within a runtime: `model:<id>@<version>` or `heuristic:<name>`. */
  id: string;
  name: string;
  kind: DetectorKind;
  interaction: Interaction;
  input: DetectorInput;
  /** In the order of the probabilities `score` returns. */
  labels: readonly DetectorLabel[];
  decision: DecisionSettings;
}

export interface Detector {
  readonly spec: DetectorSpec;
  /**
   * Class probabilities, one per label, for one window: `windowSamples` rows of
   * `channels` values, time-major, in the channels' own units (not normalised; a
   * model normalises itself). NaN marks a sensor the phone lacks. Called in stream
   * order, so a heuristic may keep state between windows. `tEndMs` is the stream
   * time of the window's last row.
   */
  score(window: Float32Array, tEndMs: number): Float32Array;
  /** Forget state carried between windows (after a gap in the stream). */
  reset(): void;
  dispose(): void;
}

/**
 * What scenes, charts, recordings and studies consume. Times are on the server
 * clock in epoch ms (the desktop stream store maps every phone's clock onto it), so
 * events of different phones and detectors share one axis.
 */
export interface InteractionEvent {
  interaction: Interaction;
  label: string;
  /** Smoothed probability of `label` when the event fired, 0-1. */
  confidence: number;
  /** Start of the first window of the run of windows above threshold. */
  tStartMs: number;
  /** End of the window that completed the decision. */
  tEndMs: number;
  /** When the runtime decided, on the same clock: `detectedAtMs - tEndMs` is the detection cost. */
  detectedAtMs: number;
  detectorId: string;
  deviceId: string;
}

/** One window's scores, for live traces. */
export interface ScoreFrame {
  detectorId: string;
  deviceId: string;
  tEndMs: number;
  /** Raw probabilities, in label order. */
  probs: Float32Array;
  /** After smoothing over the decision's k windows, in label order. */
  smoothed: Float32Array;
}
