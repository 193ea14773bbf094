import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { tfBackendInit } from "@/lib/models/tf-backend";
import { tfWasmDistPath } from "@/lib/models/tf-wasm-dist-path";

/** Node has no webgl backend, so these check the fall-through the browser relies on when WebGL fails. */
describe("tfBackendInit", () => {
  const wasmPath = tfWasmDistPath();

  it("falls through webgl to wasm in Node and makes it current", async () => {
    expect(wasmPath).toMatch(/tfjs-backend-wasm[/\\]dist\/$/);
    await expect(tfBackendInit(["webgl", "wasm", "cpu"], { wasmPath })).resolves.toBe("wasm");
    expect(tf.getBackend()).toBe("wasm");
    // It really computes there.
    expect(tf.tidy(() => Array.from(tf.add(tf.tensor1d([1, 2]), 1).dataSync()))).toEqual([2, 3]);
  });

  it("shares one init between concurrent identical calls (React StrictMode)", async () => {
    const a = tfBackendInit(["cpu", "wasm"]);
    const b = tfBackendInit(["cpu", "wasm"]);
    expect(b).toBe(a);
    await expect(Promise.all([a, b])).resolves.toEqual(["cpu", "cpu"]);
    expect(tf.getBackend()).toBe("cpu");
  });

  it("runs calls with different orders one after the other, the last one winning", async () => {
    const first = tfBackendInit(["wasm"], { wasmPath });
    const second = tfBackendInit(["cpu"]);
    await expect(first).resolves.toBe("wasm");
    await expect(second).resolves.toBe("cpu");
    expect(tf.getBackend()).toBe("cpu");
  });

  it("says which backends failed and why when none starts, and a later call can still succeed", async () => {
    await expect(tfBackendInit(["webgl"])).rejects.toThrow(/^no TF\.js backend could start \(webgl: .+\)$/);
    await expect(tfBackendInit([])).rejects.toThrow("none was asked for");
    await expect(tfBackendInit(["webgl", "cpu"])).resolves.toBe("cpu");
  });
});
