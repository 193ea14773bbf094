import { randomBytes } from "node:crypto";
import { rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { MANIFEST_FILE } from "../models/manifest";
import { modelFolderValidate } from "../models/model-folder";
import { issuesToMessage } from "../protocol/schemas";
import { BUILTIN_LABEL, type ModelRegistry } from "./model-registry";
import { snapshotWrite, type SnapshotFile } from "./model-snapshot";

/**
 * A model folder dropped onto the desktop page: validated in scratch space first, so
 * a broken upload never touches the user's models folder, then renamed into
 * `<DATA_DIR>/models/<id>/` in one step, replacing an older upload of the same id.
 */

/** Request bodies above this get a 413; base64 makes it room for ~37 MB of files. */
export const MODEL_UPLOAD_MAX_BYTES = 50 * 1024 * 1024;

export type UploadReply =
  | { status: 201; body: { ok: true; id: string; version: number } }
  | { status: 400 | 409 | 422; body: { ok: false; error: string; errors?: string[] } };

const uploadSchema = z.object({
  files: z
    .array(z.object({ path: z.string().min(1).max(512), base64: z.string() }))
    .min(1)
    .max(1000),
});

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

const fail = (status: 400 | 409 | 422, error: string, errors?: string[]): UploadReply => ({
  status,
  body: { ok: false, error, ...(errors ? { errors } : {}) },
});

/**
 * Relative paths as the browser gives them (`my-model/model.json` for a dropped
 * folder, `model.json` for dropped files), without the shared top folder. Hidden
 * files (`.DS_Store`) are dropped; a path that would leave the folder is an error.
 */
export function uploadPathsNormalise(paths: readonly string[]): { ok: true; paths: (string | null)[] } | { ok: false; error: string } {
  const split: (string[] | null)[] = [];
  for (const raw of paths) {
    const parts = raw.replace(/\\/g, "/").split("/").filter((p) => p !== "" && p !== ".");
    if (parts.includes("..")) return { ok: false, error: `file path "${raw}" leaves the model folder` };
    split.push(parts.length === 0 || parts.some((p) => p.startsWith(".")) ? null : parts);
  }
  const kept = split.filter((p): p is string[] => p !== null);
  const top = kept[0]?.[0];
  const shared = top !== undefined && kept.every((p) => p.length > 1 && p[0] === top);
  return { ok: true, paths: split.map((p) => (p ? (shared ? p.slice(1) : p).join("/") : null)) };
}

/** The manifest's id when it is a usable folder name; validation explains anything else. */
function folderName(files: readonly SnapshotFile[]): string {
  const manifest = files.find((f) => f.path === MANIFEST_FILE);
  try {
    const id: unknown = manifest ? (JSON.parse(manifest.bytes.toString("utf8")) as { id?: unknown }).id : undefined;
    return typeof id === "string" && SLUG.test(id) ? id : "upload";
  } catch {
    return "upload";
  }
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

/** Swaps `target` for `source`; the old folder ends up in `trash` and is restored if the swap fails. */
async function folderReplace(source: string, target: string, trash: string): Promise<void> {
  const hadOld = await rename(target, trash).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return false;
      throw e;
    },
  );
  try {
    await rename(source, target);
  } catch (e) {
    if (hadOld) await rename(trash, target).catch(() => {});
    throw e;
  }
}

export async function modelUpload(registry: ModelRegistry, body: unknown): Promise<UploadReply> {
  const parsed = uploadSchema.safeParse(body);
  if (!parsed.success) return fail(400, `expected { files: [{ path, base64 }] }: ${issuesToMessage(parsed.error)}`);
  const normalised = uploadPathsNormalise(parsed.data.files.map((f) => f.path));
  if (!normalised.ok) return fail(400, normalised.error);

  const files: SnapshotFile[] = [];
  const seen = new Set<string>();
  for (const [i, f] of parsed.data.files.entries()) {
    const path = normalised.paths[i];
    if (!path) continue;
    if (seen.has(path)) return fail(400, `file "${path}" is in the upload twice`);
    if (!BASE64.test(f.base64)) return fail(400, `file "${path}" is not base64`);
    seen.add(path);
    files.push({ path, bytes: Buffer.from(f.base64, "base64") });
  }
  if (files.length === 0) return fail(400, "the upload has no files");

  const work = join(registry.uploadsDir, randomBytes(6).toString("hex"));
  try {
    const dir = join(work, folderName(files));
    await snapshotWrite(dir, files);
    const valid = await modelFolderValidate(dir);
    if (!valid.ok) return fail(422, `the model is not valid: ${valid.errors[0]}`, valid.errors);
    const id = valid.manifest.id;
    if (await exists(join(registry.builtinDir, id))) {
      const error = `id "${id}" is already used by ${BUILTIN_LABEL}/${id}: change the id in manifest.json`;
      return fail(422, error, [error]);
    }
    await folderReplace(dir, join(registry.userDir, id), join(work, ".previous"));
    await registry.scan(id);
    const entry = registry.get(id);
    if (entry?.status === "ok" && entry.source === "user" && entry.latest !== null) {
      return { status: 201, body: { ok: true, id, version: entry.latest } };
    }
    // Only a change to the folder between the rename and the scan gets here.
    return fail(409, `the folder ${id} changed while it was being added`, entry?.errors);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
