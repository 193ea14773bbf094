import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manifestParse } from "@/lib/models/manifest";
import { modelFolderValidate } from "@/lib/models/model-folder";

/** Runs `npm run train -- ...` the way a user does (through tsx): exit code and output. */
function trainCli(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/train.ts", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ code, out }));
  });
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "wristlab-train-cli-"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("npm run train", () => {
  it("trains on synthetic data, shows progress, and writes a checkpoint folder that validates", async () => {
    const out = join(root, "flick-cli");
    const run = await trainCli(["--interaction", "flick", "--data", "synth", "--seeds", "2", "--epochs", "2", "--out", out]);
    expect(run.out).toMatch(/epoch 1\/2 {2}loss \d\.\d{4} {2}val loss \d\.\d{4} {2}val acc \d\.\d{3} {2}val event F1 \d\.\d{3} {2}\d+\.\d s {2}~\d+ s left at most/);
    expect(run.code).toBe(0);
    const checked = await modelFolderValidate(out);
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    const manifest = manifestParse(JSON.parse(await readFile(join(out, "manifest.json"), "utf8")));
    if (!manifest.ok) throw new Error(manifest.errors.join("\n"));
    expect(manifest.manifest).toMatchObject({ id: "flick-cli", interaction: "flick", name: "Wrist flick (1D CNN, synthetic)" });
    expect(manifest.manifest.provenance.source).toBe(`npm run train -- --interaction flick --data synth --seeds 2 --epochs 2 --out ${out}`);
    const training = JSON.parse(await readFile(join(out, "training.json"), "utf8"));
    expect(training.history).toHaveLength(2);
    expect([...training.split.train, ...training.split.val].sort()).toEqual(["seed:1", "seed:2"]);
  }, 60_000);

  it("trains on recorded clips, fitting the window to them and mixing in simulated background", async () => {
    const out = join(root, "punch-flex");
    const run = await trainCli(["--interaction", "custom:punch-flex", "--data", "tests/fixtures/punch-flex", "--negatives", "synth", "--seeds", "2", "--epochs", "2", "--out", out]);
    expect(run.out).toContain("window shortened to 42 samples");
    expect(run.out).toMatch(/events: flex, punch/);
    expect(run.code).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8"));
    expect(manifest.output.labels.map((l: { name: string }) => l.name)).toEqual(["background", "flex", "punch"]);
    expect(manifest.provenance.trainedOn).toMatch(/SYNTHETIC negatives.*licence: MIT/);
  }, 60_000);

  it("explains bad arguments instead of training", async () => {
    const missing = await trainCli(["--interaction", "flick"]);
    expect(missing.code).toBe(2);
    expect(missing.out).toContain("--interaction, --data and --out are required");
    const unknown = await trainCli(["--interaction", "wave", "--data", "synth", "--out", join(root, "x")]);
    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain('unknown interaction "wave"');
    const noRecipe = await trainCli(["--interaction", "custom:wave", "--data", "synth", "--out", join(root, "x")]);
    expect(noRecipe.code).toBe(2);
    expect(noRecipe.out).toContain("--data synth has no recipe for custom:wave");
    const noData = await trainCli(["--interaction", "flick", "--data", join(root, "nothing-here"), "--out", join(root, "x")]);
    expect(noData.code).toBe(1);
    expect(noData.out).toMatch(/nothing-here.*no such file or folder/);
  }, 60_000);
});
