import { MANIFEST_FILE } from "../models/manifest";
import type { ModelFiles } from "../models/model-files";
import { MODEL_JSON_FILE } from "../models/weights-check";
import type { DroppedFile } from "./model-upload";

const encoder = new TextEncoder();
const jsonBytes = (value: unknown) => encoder.encode(JSON.stringify(value, null, 2)).buffer as ArrayBuffer;

/** A checkpoint made in the page (teach a gesture) as the files of a folder, for `POST /api/models`. */
export function modelFilesToDropped(files: ModelFiles): DroppedFile[] {
  return [
    { path: MANIFEST_FILE, bytes: jsonBytes(files.manifest) },
    { path: MODEL_JSON_FILE, bytes: jsonBytes(files.modelJson) },
    ...[...files.weights].map(([path, bytes]) => ({ path, bytes })),
  ];
}
