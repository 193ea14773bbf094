/// <reference lib="webworker" />
import { tfBackendInit } from "@/lib/models/tf-backend";
import { convGradKernelRegister } from "@/lib/training/conv1d-grad-kernel";
import { teachTrain } from "@/lib/training/teach";
import type { TeachWorkerReply, TeachWorkerRequest } from "@/lib/training/teach-protocol";

/**
 * Trains a taught gesture off the page's thread, so the live view and the detectors
 * keep running. A worker per training run: TF.js state starts clean every time.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: TeachWorkerReply) => scope.postMessage(reply);

scope.onmessage = async (ev: MessageEvent<TeachWorkerRequest>) => {
  const req = ev.data;
  const t0 = performance.now();
  try {
    // wasm has no conv1d weight-gradient kernel and cpu's is slow; webgl has its own.
    convGradKernelRegister();
    const backend = await tfBackendInit(req.backendOrder, { wasmPath: req.wasmPath });
    post({ type: "started", backend });
    const result = await teachTrain({
      name: req.name,
      examples: req.examples,
      others: req.others,
      onProgress: (progress) => post({ type: "progress", progress }),
    });
    post({ type: "done", files: result.files, epochs: result.epochs, valEventF1: result.valEventF1, seconds: (performance.now() - t0) / 1000 });
  } catch (e) {
    post({ type: "error", message: (e as Error).message });
  }
};
