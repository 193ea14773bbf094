/// <reference lib="webworker" />
import { DetectorHost } from "@/lib/models/detector-host";
import type { HostReply, HostRequest } from "@/lib/models/host-protocol";

/**
 * The detector host in its own thread: model inference must never cost the page a
 * frame. Messages are handled strictly in order, so a `slot:set` that is still
 * loading cannot be overtaken by the samples that follow it in a way the host
 * does not expect (it keeps running the old detector meanwhile).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

const host = new DetectorHost({
  post: (reply: HostReply) => scope.postMessage(reply),
  fetchBytes: async (url) => {
    const res = await fetch(url, { cache: "no-store" });
    if (!res.ok) throw new Error(`${url.split("/").pop()} could not be fetched: HTTP ${res.status}`);
    return res.arrayBuffer();
  },
  nowMs: () => performance.timeOrigin + performance.now(),
});

scope.onmessage = (ev: MessageEvent<HostRequest>) => {
  host.handle(ev.data).catch((e: unknown) => scope.postMessage({ type: "init:error", message: String(e) } satisfies HostReply));
};
