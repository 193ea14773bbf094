import { z } from "zod";
import { issuesToLines } from "./plain-issues";

/**
 * Structure of a TF.js `model.json` and the check that its weight shards are all
 * there and exactly as large as the weights it declares. A truncated upload or a
 * shard from another export would otherwise only fail inside `tf.loadLayersModel`
 * with an offset error that names no file.
 *
 * Format reference: tfjs-core `src/io/types.ts` (`ModelJSON`, `WeightsManifestEntry`,
 * `DTYPE_VALUE_SIZE_MAP`).
 */

export const MODEL_JSON_FILE = "model.json";

/** Bytes per stored element, as TF.js decodes weights. */
const DTYPE_BYTES = { float32: 4, float16: 2, int32: 4, bool: 1, complex64: 8 } as const;
/** Quantized weights are stored in the quantization dtype, whatever their original dtype. */
const QUANTIZED_BYTES = { uint8: 1, uint16: 2, float16: 2 } as const;
/**
 * A string weight is stored as a 4-byte length then its UTF-8 bytes, so its size is
 * not fixed by its shape: only this lower bound can be checked.
 */
const STRING_MIN_BYTES = 4;

/** A shard path is joined to the model folder on the server, so it must stay inside it. */
function isInsideFolder(path: string): boolean {
  return !path.startsWith("/") && !path.includes("\\") && !path.split("/").includes("..");
}

const weightEntrySchema = z
  .looseObject({
    name: z.string().min(1),
    shape: z.array(z.number().int().min(0)),
    dtype: z.enum(["float32", "float16", "int32", "bool", "string", "complex64"]),
    quantization: z
      .looseObject({ dtype: z.enum(["uint8", "uint16", "float16"]), scale: z.number().optional(), min: z.number().optional() })
      .optional(),
  })
  .superRefine((w, ctx) => {
    const q = w.quantization;
    // Affine-quantized integers cannot be decoded without both constants.
    if (q && q.dtype !== "float16" && (q.scale === undefined || q.min === undefined)) {
      ctx.addIssue({ code: "custom", path: ["quantization"], message: `is ${q.dtype} but lacks scale or min` });
    }
  });

export const modelJsonSchema = z.looseObject({
  format: z.string().optional(),
  modelTopology: z.record(z.string(), z.unknown()),
  weightsManifest: z.array(
    z.looseObject({
      paths: z.array(z.string().min(1).refine(isInsideFolder, { error: "must be a file inside the model folder" })).min(1),
      weights: z.array(weightEntrySchema),
    }),
  ),
});

export type ModelJson = z.infer<typeof modelJsonSchema>;
export type WeightEntry = z.infer<typeof weightEntrySchema>;

export type ModelJsonParseResult = { ok: true; modelJson: ModelJson } | { ok: false; errors: string[] };

export function modelJsonParse(json: unknown, fileName: string = MODEL_JSON_FILE): ModelJsonParseResult {
  const r = modelJsonSchema.safeParse(json, { reportInput: true });
  return r.success ? { ok: true, modelJson: r.data } : { ok: false, errors: issuesToLines(fileName, r.error.issues) };
}

/** Bytes the entry occupies in its group's shards, and whether that is exact or a lower bound. */
export function weightBytes(w: WeightEntry): { bytes: number; exact: boolean } {
  const elements = w.shape.reduce((a, b) => a * b, 1);
  if (w.quantization) return { bytes: elements * QUANTIZED_BYTES[w.quantization.dtype], exact: true };
  if (w.dtype === "string") return { bytes: elements * STRING_MIN_BYTES, exact: false };
  return { bytes: elements * DTYPE_BYTES[w.dtype], exact: true };
}

/**
 * Every shard listed in `modelJson` exists and each group's shards, concatenated as
 * TF.js reads them, are exactly as long as the group's weights need.
 * `shardBytes` returns a shard's size in bytes, or null when the file is missing.
 */
export function weightsCheck(
  modelJson: ModelJson,
  shardBytes: (path: string) => number | null,
  fileName: string = MODEL_JSON_FILE,
): string[] {
  const errors: string[] = [];
  modelJson.weightsManifest.forEach((group, g) => {
    const sizes = group.paths.map((path) => ({ path, bytes: shardBytes(path) }));
    const missing = sizes.filter((s) => s.bytes === null).map((s) => s.path);
    for (const path of missing) errors.push(`${path} is missing (listed in ${fileName}'s weightsManifest[${g}].paths)`);
    if (missing.length) return;

    const have = sizes.reduce((sum, s) => sum + (s.bytes ?? 0), 0);
    const needs = group.weights.map(weightBytes);
    const need = needs.reduce((sum, n) => sum + n.bytes, 0);
    const exact = needs.every((n) => n.exact);
    if (exact ? have === need : have >= need) return;

    const files = group.paths.length === 1 ? `${group.paths[0]} is` : `${group.paths.join(" + ")} are`;
    const total = group.paths.length === 1 ? "" : " in total";
    errors.push(`${files} ${have} bytes${total}, but ${fileName}'s weights need ${exact ? "" : "at least "}${need}`);
  });
  return errors;
}
