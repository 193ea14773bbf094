import { DetectorHost } from "@/lib/models/detector-host";
import type { HostPort } from "@/lib/client/desktop-detectors";
import type { HostReply, HostRequest } from "@/lib/models/host-protocol";

export interface InProcessHost {
  port: HostPort;
  host: DetectorHost;
  /** Every reply the host sent, in order, for assertions. */
  replies: HostReply[];
  /** Samples handed to the host. */
  samplesIn: () => number;
}

/**
 * The detector host the browser runs in a Web Worker, run in this process behind
 * the same message port shape. Requests are handled in the order they are posted,
 * as a worker's message queue would (a model load in flight does not hold up samples).
 */
export function inProcessHost(baseUrl: string, backendInit?: ConstructorParameters<typeof DetectorHost>[0]["backendInit"]): InProcessHost {
  const replies: HostReply[] = [];
  let samples = 0;
  const port: HostPort = {
    onmessage: null,
    postMessage(msg: HostRequest) {
      if (msg.type === "samples") samples += msg.rows.length / 14;
      void host.handle(msg);
    },
    terminate() {
      host.dispose();
    },
  };
  const host = new DetectorHost({
    post: (reply) => {
      replies.push(reply);
      port.onmessage?.({ data: reply });
    },
    fetchBytes: async (url) => {
      const res = await fetch(new URL(url, baseUrl));
      if (!res.ok) throw new Error(`${url.split("/").pop()} could not be fetched: HTTP ${res.status}`);
      return res.arrayBuffer();
    },
    nowMs: () => performance.timeOrigin + performance.now(),
    ...(backendInit ? { backendInit } : {}),
  });
  return { port, host, replies, samplesIn: () => samples };
}
