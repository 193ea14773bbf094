import { manifestParse } from "@/lib/models/manifest";
import type { ModelInfo, ModelVersionInfo } from "@/lib/protocol/events";
import demoManifest from "@/tests/fixtures/models/raise-to-speak-demo.manifest.json";

/** Entries of `GET /api/models` as the server lists them, built around the example manifest. */

const parsed = manifestParse(demoManifest);
if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
export const MANIFEST = parsed.manifest;

export function catalogVersion(id: string, n: number): ModelVersionInfo {
  return {
    version: n,
    hash: `hash-${id}-${n}`,
    addedAtMs: 1_750_000_000_000 + n,
    manifest: { ...MANIFEST, id, name: `${id} model` },
    files: ["manifest.json", "model.json", "group1-shard1of1.bin"],
    baseUrl: `/api/models/${id}/versions/${n}/`,
  };
}

export function catalogEntry(id: string, versions: number[], extra: Partial<ModelInfo> = {}): ModelInfo {
  return { id, source: "user", status: "ok", errors: [], latest: versions.at(-1) ?? null, versions: versions.map((n) => catalogVersion(id, n)), ...extra };
}
