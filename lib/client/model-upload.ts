/**
 * Sends a model folder the user dropped on the desktop to `POST /api/models`. The
 * server validates it and, if it is good, stores it in the user models folder,
 * where it becomes a version like any checkpoint copied there by hand (and so is
 * seen by every screen, and survives a reload).
 */

export interface DroppedFile {
  /** Relative path, possibly under the dropped folder's name ("my-model/model.json"). */
  path: string;
  bytes: ArrayBuffer;
}

export type UploadResult = { ok: true; id: string; version: number } | { ok: false; errors: string[] };

/** btoa takes a binary string; building it in chunks keeps String.fromCharCode's argument count bounded. */
function base64(bytes: ArrayBuffer): string {
  const u8 = new Uint8Array(bytes);
  const CHUNK = 0x8000;
  let binary = "";
  for (let i = 0; i < u8.length; i += CHUNK) binary += String.fromCharCode(...u8.subarray(i, i + CHUNK));
  return btoa(binary);
}

export async function modelUpload(baseUrl: string, files: readonly DroppedFile[]): Promise<UploadResult> {
  if (files.length === 0) return { ok: false, errors: ["Nothing was dropped: drop a model folder, or its manifest.json, model.json and weight files together."] };
  let res: Response;
  try {
    res = await fetch(new URL("/api/models", baseUrl), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ files: files.map((f) => ({ path: f.path, base64: base64(f.bytes) })) }),
    });
  } catch (e) {
    return { ok: false, errors: [`The server could not be reached: ${(e as Error).message}`] };
  }
  const body = (await res.json().catch(() => null)) as { ok?: boolean; id?: string; version?: number; errors?: string[]; error?: string } | null;
  if (res.ok && body?.ok && body.id && typeof body.version === "number") return { ok: true, id: body.id, version: body.version };
  const errors = body?.errors ?? (body?.error ? [body.error] : [`Upload failed: HTTP ${res.status}`]);
  return { ok: false, errors };
}
