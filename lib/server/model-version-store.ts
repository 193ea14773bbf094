import { randomBytes } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { MANIFEST_FILE, manifestParse, type ModelManifest } from "../models/manifest";
import type { ModelSource } from "../protocol/events";

/**
 * Every valid checkpoint ever seen, copied out of the watched folders into
 * `<dir>/<id>/<n>/` with an `index.json` per model. The watched folder can be
 * overwritten or deleted; its versions stay here, immutable, for rollback and across
 * restarts.
 */

export interface StoredVersion {
  version: number;
  /** sha256 of the version's files (see modelFilesHash), hex. */
  hash: string;
  addedAtMs: number;
  manifest: ModelManifest;
  /** Relative paths in the snapshot: manifest.json, model.json, then the shards. */
  files: string[];
}

const INDEX_FILE = "index.json";
const STAGING_DIR = ".staging";

const indexSchema = z.object({
  source: z.enum(["builtin", "user"]),
  versions: z.array(
    z.object({
      version: z.number().int().min(1),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
      addedAtMs: z.number(),
      files: z.array(z.string().min(1)).min(1),
    }),
  ),
});
type ModelIndex = z.infer<typeof indexSchema>;

interface History {
  source: ModelSource;
  versions: StoredVersion[];
}

/** A snapshot file path stays inside its version folder. */
const isSafeRelative = (p: string) => !p.startsWith("/") && !p.includes("\\") && p.split("/").every((s) => s !== "" && s !== "." && s !== "..");

async function historyLoad(modelDir: string, log: (msg: string, err?: unknown) => void): Promise<History | null> {
  let index: ModelIndex;
  try {
    index = indexSchema.parse(JSON.parse(await readFile(join(modelDir, INDEX_FILE), "utf8")));
  } catch (err) {
    log(`ignoring ${modelDir}: no readable ${INDEX_FILE}`, err);
    return null;
  }
  const versions: StoredVersion[] = [];
  for (const v of index.versions) {
    if (!v.files.every(isSafeRelative)) continue;
    try {
      const parsed = manifestParse(JSON.parse(await readFile(join(modelDir, String(v.version), MANIFEST_FILE), "utf8")));
      if (parsed.ok) versions.push({ ...v, manifest: parsed.manifest });
      else log(`ignoring ${modelDir} v${v.version}: ${parsed.errors.join("; ")}`);
    } catch (err) {
      log(`ignoring ${modelDir} v${v.version}: snapshot unreadable`, err);
    }
  }
  versions.sort((a, b) => a.version - b.version);
  return { source: index.source, versions };
}

export class ModelVersionStore {
  private constructor(
    readonly dir: string,
    private readonly histories: Map<string, History>,
  ) {}

  static async open(dir: string, log: (msg: string, err?: unknown) => void): Promise<ModelVersionStore> {
    await mkdir(dir, { recursive: true });
    // Leftovers of a snapshot interrupted by a crash: never indexed, so never shown.
    await rm(join(dir, STAGING_DIR), { recursive: true, force: true });
    const histories = new Map<string, History>();
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
      const history = await historyLoad(join(dir, entry.name), log);
      if (history && history.versions.length > 0) histories.set(entry.name, history);
    }
    return new ModelVersionStore(dir, histories);
  }

  ids(): string[] {
    return [...this.histories.keys()];
  }

  versions(id: string): readonly StoredVersion[] {
    return this.histories.get(id)?.versions ?? [];
  }

  newest(id: string): StoredVersion | undefined {
    return this.histories.get(id)?.versions.at(-1);
  }

  source(id: string): ModelSource | undefined {
    return this.histories.get(id)?.source;
  }

  /**
   * A fresh, empty folder named `<id>` to write a candidate version into: the
   * folder name matters because validation checks it against the manifest id.
   */
  async stage(id: string): Promise<string> {
    const dir = join(this.dir, STAGING_DIR, randomBytes(6).toString("hex"), id);
    await mkdir(dir, { recursive: true });
    return dir;
  }

  /** Drops a staged folder that did not become a version. */
  async unstage(stagedDir: string): Promise<void> {
    await rm(join(stagedDir, ".."), { recursive: true, force: true });
  }

  /** Turns a staged, validated folder into the model's next version. */
  async commit(
    id: string,
    source: ModelSource,
    stagedDir: string,
    v: { hash: string; files: string[]; manifest: ModelManifest; addedAtMs: number },
  ): Promise<StoredVersion> {
    const history = this.histories.get(id) ?? { source, versions: [] };
    const version = (history.versions.at(-1)?.version ?? 0) + 1;
    const modelDir = join(this.dir, id);
    const target = join(modelDir, String(version));
    await mkdir(modelDir, { recursive: true });
    // A folder of this number can only be a snapshot whose index write never happened.
    await rm(target, { recursive: true, force: true });
    await rename(stagedDir, target);
    await this.unstage(stagedDir);
    const stored: StoredVersion = { version, ...v };
    const next: History = { source, versions: [...history.versions, stored] };
    const index: ModelIndex = { source, versions: next.versions.map((x) => ({ version: x.version, hash: x.hash, addedAtMs: x.addedAtMs, files: x.files })) };
    const tmp = join(modelDir, `${INDEX_FILE}.tmp`);
    await writeFile(tmp, JSON.stringify(index, null, 2));
    await rename(tmp, join(modelDir, INDEX_FILE));
    this.histories.set(id, next);
    return stored;
  }

  /** Absolute path of a snapshot file, or null unless that exact file belongs to that version. */
  filePath(id: string, version: number, file: string): string | null {
    const v = this.histories.get(id)?.versions.find((x) => x.version === version);
    return v && v.files.includes(file) ? join(this.dir, id, String(version), file) : null;
  }
}
