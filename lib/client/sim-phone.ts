import type { DevicePrompt } from "../protocol/recordings";
import type { SampleTuple } from "../protocol/sample";
import { motionStream, type MotionName } from "../sim/motion-generator";
import { replayRebase } from "../sim/replay-csv";
import { PhoneLink, type PhoneLinkStats } from "./phone-link";

export interface SimPhoneOptions {
  url: string;
  room: string;
  seconds: number;
  motion?: MotionName;
  rateHz?: number;
  seed?: number;
  name?: string;
  deviceId?: string;
  /** Recorded samples to send instead of generated ones (times are rebased to now). */
  replay?: SampleTuple[];
  /** Clock of this "phone"; defaults to the process's high-resolution epoch clock. */
  nowMs?: () => number;
  /** Every prompt the server sends this phone, with the link to answer on (a study's consent card). */
  onPrompt?: (prompt: DevicePrompt | null, link: PhoneLink) => void;
}

export interface SimPhoneSummary {
  deviceId: string;
  sent: number;
  acked: number;
  pending: number;
  durationS: number;
}

const processNowMs = () => performance.timeOrigin + performance.now();

/**
 * A headless phone: produces samples in real time (generated or replayed) and sends
 * them through the same PhoneLink as the phone page. Resolves once everything it
 * produced is acknowledged, or rejects when the server refuses to let it join.
 */
export async function simPhoneRun(opts: SimPhoneOptions): Promise<SimPhoneSummary> {
  const nowMs = opts.nowMs ?? processNowMs;
  const deviceId = opts.deviceId ?? `sim-${Math.floor(Math.random() * 36 ** 8).toString(36).padStart(8, "0")}`;
  let failure: string | null = null;
  const link: PhoneLink = new PhoneLink({
    url: opts.url,
    room: opts.room,
    deviceId,
    name: opts.name ?? `sim ${opts.motion ?? "replay"}`,
    source: "sim",
    platform: "node",
    nowMs,
    onStatus: (s, detail) => {
      if (s === "failed") failure = detail ?? "the server refused the sim";
    },
    onPrompt: (prompt) => opts.onPrompt?.(prompt, link),
  });
  try {
    await waitFor(() => link.status === "streaming" || failure !== null, 10_000, "could not reach the server at " + opts.url);
    if (failure) throw new Error(failure);

    const start = nowMs();
    const source = opts.replay
      ? replaySource(replayRebase(opts.replay, start), opts.seconds)
      : motionStream({ motion: opts.motion ?? "idle", seconds: opts.seconds, rateHz: opts.rateHz ?? 60, seed: opts.seed ?? 1, startTimeMs: start });
    let sent = 0;
    while (!source.done) {
      for (const s of source.take(nowMs())) {
        link.push(s);
        sent++;
      }
      await sleep(5);
    }
    await link.drain(30_000);
    const stats: PhoneLinkStats = link.stats();
    return { deviceId, sent, acked: stats.acked, pending: stats.pending, durationS: (nowMs() - start) / 1000 };
  } finally {
    link.close();
  }
}

function replaySource(samples: SampleTuple[], seconds: number) {
  const endMs = (samples[0]?.[0] ?? 0) + seconds * 1000;
  let i = 0;
  return {
    get done() {
      return i >= samples.length || samples[i]![0] > endMs;
    },
    take(untilMs: number): SampleTuple[] {
      const out: SampleTuple[] = [];
      while (i < samples.length && samples[i]![0] <= untilMs && samples[i]![0] <= endMs) out.push(samples[i++]!);
      return out;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(cond: () => boolean, timeoutMs: number, message: string) {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error(message);
    await sleep(10);
  }
}
