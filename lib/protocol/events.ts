import type { ProtocolError } from "./errors";
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

export interface ClientToServerEvents {
  "room:watch": (payload: RoomWatch, ack: (res: Ack<{ room: RoomState; viewerId: string }>) => void) => void;
  "device:hello": (
    payload: DeviceHello,
    ack: (res: Ack<{ nextSeq: number | null; name: string; serverTimeMs: number }>) => void,
  ) => void;
  "sensor:batch": (payload: SensorBatch, ack?: (res: Ack<{ nextSeq: number }>) => void) => void;
  "device:rename": (payload: DeviceRename, ack?: (res: Ack) => void) => void;
  "clock:ping": (payload: ClockPing, ack: (res: Ack<{ serverTimeMs: number }>) => void) => void;
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
}
