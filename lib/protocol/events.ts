import type { ModelManifest } from "../models/manifest";
import type { DeviceFeedback, PhoneFeedback } from "./device-feedback";
import type { StoredSceneSettings } from "./scene-settings";
import type { ProtocolError } from "./errors";
import type { DevicePrompt, LiveRecordingInfo } from "./recordings";
import type { DeviceConsent, LiveStudyInfo } from "./studies";
import type { ClockPing, DeviceHello, DeviceRename, DeviceSource, Platform, RoomWatch, SensorBatch } from "./schemas";
import type { SampleTuple } from "./sample";

/**
 * The socket.io contract, shared by server, phone, sim and desktop. Event names are
 * `domain:verb`. Every client event carries `v` (the protocol version) and, where the
 * client needs an answer, an acknowledgement callback receiving an {@link Ack}.
 */

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ProtocolError };

export interface ViewerInfo {
  id: string;
  name: string;
}

/** One device in a room with the health of its stream as the server sees it. */
export interface DeviceInfo {
  id: string;
  name: string;
  source: DeviceSource;
  platform: Platform;
  connected: boolean;
  /** Samples accepted (each counted once). */
  samples: number;
  /** Sample rate over the last 2 s of phone time. */
  rateHz: number;
  /** Standard deviation of the sample interval, ms. */
  jitterMs: number;
  /** Pauses in the phone's sensor stream longer than max(100 ms, 4 sample intervals). */
  gaps: number;
  /** Samples that never arrived (holes in the sequence numbers). */
  dropped: number;
  /** Samples that arrived again and were discarded. */
  duplicates: number;
  /** Phone clock to server clock, ms (server = phone + offset). Null before the first estimate. */
  clockOffsetMs: number | null;
  rttMs: number | null;
  /** Age of a sample when it reached the server (server time), over the last ~500 samples. */
  latencyMsP50: number | null;
  latencyMsP95: number | null;
  /** Server time of the newest sample. */
  lastSampleAtMs: number | null;
}

export interface RoomState {
  code: string;
  createdAtMs: number;
  viewers: ViewerInfo[];
  devices: DeviceInfo[];
  /** The recording in progress in this room (at most one), or null. */
  recording: LiveRecordingInfo | null;
  /** The usability study session running in this room (at most one), or null. */
  study: LiveStudyInfo | null;
}

/** A batch relayed to viewers: only new samples, in order, each exactly once. */
export interface StreamBatch {
  deviceId: string;
  /** The device's link session: sequence numbers count within it (a reloaded phone starts again). */
  session: string;
  seq: number;
  samples: SampleTuple[];
  /** Add to a sample's `tMs` to get server time. */
  clockOffsetMs: number;
  /** Server time when the batch arrived. */
  receivedAtMs: number;
}

/** `public/models/` ships with the app; `user` is `<DATA_DIR>/models/`, where uploads land too. */
export type ModelSource = "builtin" | "user";
/** `error`: the folder as it is now is refused (the last good version, if any, stays `latest`). */
export type ModelStatus = "ok" | "error" | "removed";

/** An immutable snapshot of a checkpoint that passed validation. */
export interface ModelVersionInfo {
  /** 1, 2, 3... per model id, in the order they appeared. */
  version: number;
  /** sha256 of the version's files, hex. */
  hash: string;
  addedAtMs: number;
  manifest: ModelManifest;
  /** manifest.json, model.json, then the weight shards, relative to `baseUrl`. */
  files: string[];
  /** `/api/models/<id>/versions/<n>/`: load `baseUrl + "model.json"` from here. */
  baseUrl: string;
}

export interface ModelInfo {
  id: string;
  source: ModelSource;
  status: ModelStatus;
  /** Why the folder is refused, one line per problem naming the file; empty unless `error`. */
  errors: string[];
  /** The newest good version, which an `error` or `removed` status leaves in place. */
  latest: number | null;
  versions: ModelVersionInfo[];
}

/** `GET /api/models`. */
export interface ModelsListing {
  /** Grows with every change the server announces with `models:changed`. */
  revision: number;
  models: ModelInfo[];
}

export interface ClientToServerEvents {
  "room:watch": (payload: RoomWatch, ack: (res: Ack<{ room: RoomState; viewerId: string }>) => void) => void;
  "device:hello": (
    payload: DeviceHello,
    ack: (res: Ack<{ nextSeq: number | null; name: string; serverTimeMs: number }>) => void,
  ) => void;
  "sensor:batch": (payload: SensorBatch, ack?: (res: Ack<{ nextSeq: number }>) => void) => void;
  "device:rename": (payload: DeviceRename, ack?: (res: Ack) => void) => void;
  "clock:ping": (payload: ClockPing, ack: (res: Ack<{ serverTimeMs: number }>) => void) => void;
  /** From a viewer: haptic feedback and the mirrored watch screen for one device of its room. */
  "device:feedback": (payload: DeviceFeedback, ack?: (res: Ack) => void) => void;
  /** From a device: the participant's answer to a study's consent screen (`DevicePrompt.consent`). */
  "device:consent": (payload: DeviceConsent, ack?: (res: Ack) => void) => void;
}

export interface ServerToClientEvents {
  /** The whole room: on join, leave and rename. */
  "room:state": (state: RoomState) => void;
  /**
   * Fresh health for some of the room's devices: every device once a second,
   * spread over ten messages so that no single moment carries a hundred of them.
   */
  "room:health": (update: { code: string; devices: DeviceInfo[] }) => void;
  "stream:batch": (batch: StreamBatch) => void;
  /** To a device: its name was changed from elsewhere (the desktop). */
  "device:renamed": (payload: { name: string }) => void;
  "protocol:error": (error: ProtocolError) => void;
  /** The model list changed (a checkpoint was added, refused or removed): refetch `GET /api/models`. */
  "models:changed": (payload: { revision: number }) => void;
  /** To a device: a scene's feedback (vibrate, mirrored watch screen), relayed from a viewer of its room. */
  "device:feedback": (payload: PhoneFeedback) => void;
  /** A scene's settings were saved or reset (to `settings: null`) by some desktop. */
  "scenes:settings": (payload: StoredSceneSettings) => void;
  /** To a device: the prompted protocol's instruction for now, or null to clear it. */
  "device:prompt": (payload: DevicePrompt | null) => void;
}
