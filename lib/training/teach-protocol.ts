import type { MotionRecording } from "../data/motion-recording";
import type { ModelFiles } from "../models/model-files";
import type { TfBackendName } from "../models/tf-backend";
import type { TrainProgress } from "./train";

/** Messages to and from the browser's training worker ("teach a gesture"). */

export type TeachWorkerRequest = {
  type: "train";
  name: string;
  examples: MotionRecording[];
  others: MotionRecording[];
  backendOrder: readonly TfBackendName[];
  wasmPath: string;
};

export type TeachWorkerReply =
  | { type: "started"; backend: TfBackendName }
  | { type: "progress"; progress: TrainProgress }
  | { type: "done"; files: ModelFiles; epochs: number; valEventF1: number | null; seconds: number }
  | { type: "error"; message: string };
