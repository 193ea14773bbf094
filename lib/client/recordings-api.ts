import type {
  AnnotationsPut,
  ExportFormat,
  RecordedEvent,
  RecordingDetail,
  RecordingStart,
  RecordingSummary,
  ReplayInfo,
  ReplayStart,
} from "../protocol/recordings";
import { SAMPLE_WIDTH } from "../protocol/sample";

/**
 * The recordings HTTP API (docs/recordings.md) for screens: every call resolves with
 * the server's answer or throws a {@link RecordingsApiError} carrying the server's
 * sentence, which screens show as is.
 */

export class RecordingsApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "RecordingsApiError";
  }
}

const BASE = "/api/recordings";

/** The answer of a request that succeeded, else a {@link RecordingsApiError} with the server's sentence. */
async function respond(url: string, init?: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { cache: "no-store", ...init });
  } catch {
    throw new RecordingsApiError(0, "The server cannot be reached.");
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new RecordingsApiError(res.status, body?.error ?? `The server answered ${res.status}.`);
  }
  return res;
}

export async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await respond(url, init);
  return (res.status === 204 ? undefined : await res.json().catch(() => null)) as T;
}

export const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

const idPath = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const recordingsApi = {
  list: () => call<{ recordings: RecordingSummary[] }>(BASE).then((r) => r.recordings),
  get: (id: string) => call<RecordingDetail>(idPath(id)),
  start: (req: RecordingStart) => call<RecordingSummary>(BASE, json("POST", req)),
  stop: (id: string) => call<RecordingSummary>(`${idPath(id)}/stop`, { method: "POST" }),
  rename: (id: string, name: string) => call<RecordingSummary>(idPath(id), json("PATCH", { name })),
  remove: (id: string) => call<void>(idPath(id), { method: "DELETE" }),
  /** Opens `label` now (closing the open one); null closes it. */
  label: (id: string, label: string | null, atServerMs?: number) =>
    call<{ ok: true }>(`${idPath(id)}/label`, json("POST", atServerMs === undefined ? { label } : { label, atServerMs })),
  /** Model events of the live runtime; `tMs` on the device's clock. */
  events: (id: string, events: (Omit<RecordedEvent, "tMs"> & { tMs: number })[]) => call<{ ok: true }>(`${idPath(id)}/events`, json("POST", { events })),
  annotationsPut: (id: string, edit: AnnotationsPut) => call<RecordingDetail>(`${idPath(id)}/annotations`, json("PUT", edit)),
  undo: (id: string) => call<RecordingDetail>(`${idPath(id)}/undo`, { method: "POST" }),
  redo: (id: string) => call<RecordingDetail>(`${idPath(id)}/redo`, { method: "POST" }),
  /** Rows of {@link SAMPLE_WIDTH} values on the device's clock, NaN where a sensor is missing. */
  async samples(id: string, deviceId: string): Promise<{ rows: Float64Array; length: number }> {
    const res = await respond(`${idPath(id)}/devices/${encodeURIComponent(deviceId)}/samples`);
    const rows = new Float64Array(await res.arrayBuffer());
    return { rows, length: rows.length / SAMPLE_WIDTH };
  },
  exportUrl: (id: string, format: ExportFormat, deviceId?: string) =>
    `${idPath(id)}/export?format=${format}${deviceId ? `&device=${encodeURIComponent(deviceId)}` : ""}`,
  /** The file's bytes as they are; the server detects the format from the name and content. */
  import: (file: Blob, fileName: string) =>
    call<{ recordings: RecordingSummary[] }>(`${BASE}/import?name=${encodeURIComponent(fileName)}`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: file,
    }).then((r) => r.recordings),
  replay: (id: string, req: ReplayStart) => call<ReplayInfo>(`${idPath(id)}/replay`, json("POST", req)),
  replays: () => call<{ replays: ReplayInfo[] }>("/api/replays").then((r) => r.replays),
  replayStop: (replayId: string) => call<ReplayInfo>(`/api/replays/${encodeURIComponent(replayId)}`, { method: "DELETE" }),
};
