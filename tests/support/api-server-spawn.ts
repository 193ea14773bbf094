import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/**
 * Starts the real app server (tests/support/api-server-child.ts) in a process of its
 * own on `dataDir`, so a test can SIGKILL it and start another on the same data.
 */
export async function apiServerSpawn(dataDir: string, port = 0): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/api-server-child.ts"], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, url };
}

/**
 * For a describe block that kills servers: a start that spawns one on the block's own
 * data dir. After the block every server still alive is killed and the dir removed.
 */
export function spawnedServers(dirPrefix: string): () => Promise<{ child: ChildProcess; url: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), dirPrefix));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) c.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });
  return async () => {
    const started = await apiServerSpawn(dataDir);
    children.push(started.child);
    return started;
  };
}
