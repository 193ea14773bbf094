import { readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { MANIFEST_FILE, manifestParse, type ModelManifest } from "./manifest";
import { MODEL_JSON_FILE, modelJsonParse, weightsCheck, type ModelJson } from "./weights-check";
import { layersInputShape, shapeToText } from "./layers-input-shape";

/**
 * Validation of one `public/models/<id>/` folder before the hot-swap announces it.
 * Collects every problem it can find rather than stopping at the first, so one
 * look at the UI is enough to fix a broken checkpoint.
 */

export type ModelFolderResult = { ok: true; manifest: ModelManifest; modelJson: ModelJson } | { ok: false; errors: string[] };

type JsonRead = { ok: true; json: unknown } | { ok: false; error: string };

async function jsonRead(dir: string, file: string): Promise<JsonRead> {
  let text: string;
  try {
    text = await readFile(join(dir, file), "utf8");
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    return { ok: false, error: missing ? `${file} is missing` : `${file} cannot be read: ${(e as Error).message}` };
  }
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `${file} is not valid JSON: ${(e as Error).message}` };
  }
}

/** Byte size of each file, or null when it is absent or not a regular file. */
async function fileSizes(dir: string, files: readonly string[]): Promise<Map<string, number | null>> {
  const entries = await Promise.all(
    files.map(async (f) => {
      try {
        const s = await stat(join(dir, f));
        return [f, s.isFile() ? s.size : null] as const;
      } catch {
        return [f, null] as const;
      }
    }),
  );
  return new Map(entries);
}

/** What model.json says it is; pre-1.0 exports lack `format`, and only a GraphDef has a node list. */
function modelJsonKind(modelJson: ModelJson): "layers" | "graph" | null {
  if (modelJson.format === "layers-model") return "layers";
  if (modelJson.format === "graph-model") return "graph";
  if (modelJson.format !== undefined) return null;
  return Array.isArray(modelJson.modelTopology.node) ? "graph" : "layers";
}

/** Manifest and model.json agree on the format and, for layers models, the input shape. */
function consistencyCheck(manifest: ModelManifest, modelJson: ModelJson): string[] {
  const kind = modelJsonKind(modelJson);
  if (kind === null) {
    return [`${MODEL_JSON_FILE}: format is "${modelJson.format}", but only "layers-model" and "graph-model" are supported`];
  }
  if (kind !== manifest.format) {
    return [`${MANIFEST_FILE} says format "${manifest.format}", but ${MODEL_JSON_FILE} is a ${kind}-model`];
  }
  if (kind !== "layers") return [];

  const actual = layersInputShape(modelJson.modelTopology);
  if (!actual) return [];
  const { windowSamples: t, channels, layout } = manifest.input;
  const c = channels.length;
  const expected = layout === "tc" ? [t, c] : [t * c];
  // The batch dimension is free; compare the rest.
  const matches = actual.length === expected.length + 1 && expected.every((d, i) => actual[i + 1] === d);
  if (matches) return [];
  const want = layout === "tc" ? `${t} samples × ${c} channels` : `${t} samples × ${c} channels flattened`;
  return [
    `${MODEL_JSON_FILE}'s input shape is ${shapeToText(actual)}, but ${MANIFEST_FILE}'s input (${want}, layout "${layout}") needs ${shapeToText([null, ...expected])}`,
  ];
}

export async function modelFolderValidate(dir: string): Promise<ModelFolderResult> {
  const [manifestRead, modelRead] = await Promise.all([jsonRead(dir, MANIFEST_FILE), jsonRead(dir, MODEL_JSON_FILE)]);
  const errors: string[] = [];

  let manifest: ModelManifest | null = null;
  if (!manifestRead.ok) errors.push(manifestRead.error);
  else {
    const r = manifestParse(manifestRead.json, MANIFEST_FILE);
    if (r.ok) manifest = r.manifest;
    else errors.push(...r.errors);
  }
  // The folder name is the id the UI and URLs use; a copied folder with a stale id would shadow its original.
  if (manifest && manifest.id !== basename(dir)) {
    errors.push(`${MANIFEST_FILE}: id is "${manifest.id}" but the folder is named "${basename(dir)}"; they must match`);
  }

  let modelJson: ModelJson | null = null;
  if (!modelRead.ok) errors.push(modelRead.error);
  else {
    const r = modelJsonParse(modelRead.json, MODEL_JSON_FILE);
    if (r.ok) modelJson = r.modelJson;
    else errors.push(...r.errors);
  }
  if (modelJson) {
    const sizes = await fileSizes(dir, modelJson.weightsManifest.flatMap((g) => g.paths));
    errors.push(...weightsCheck(modelJson, (p) => sizes.get(p) ?? null, MODEL_JSON_FILE));
  }
  if (manifest && modelJson) errors.push(...consistencyCheck(manifest, modelJson));

  return errors.length === 0 && manifest && modelJson ? { ok: true, manifest, modelJson } : { ok: false, errors };
}
