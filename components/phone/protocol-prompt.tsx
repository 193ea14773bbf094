"use client";

import { useEffect, useState } from "react";
import type { DevicePrompt } from "@/lib/protocol/recordings";

interface ProtocolPromptProps {
  prompt: DevicePrompt;
  /** The server's clock as this phone estimates it: `untilMs` is server time. */
  serverNowMs: () => number;
  /** The link is not streaming: the next step may not reach the phone in time. */
  stale: boolean;
}

/** Often enough that the seconds tick over when they should, rare enough to cost nothing. */
const TICK_MS = 200;

/**
 * A prompted protocol's instruction, over the top of the phone page: the participant
 * holds the phone at arm's length (or wears it), so the text is as large as the
 * screen allows and the seconds left are the only other thing that stands out.
 * The bottom of the page stays uncovered, so Stop is still in reach.
 */
export function ProtocolPrompt({ prompt, serverNowMs, stale }: ProtocolPromptProps) {
  const [now, setNow] = useState(serverNowMs);
  useEffect(() => {
    const t = setInterval(() => setNow(serverNowMs()), TICK_MS);
    return () => clearInterval(t);
  }, [serverNowMs]);

  // No end: the prompt waits for someone (a paused study), so a countdown would be a lie.
  const secondsLeft = prompt.untilMs === null ? null : Math.max(0, Math.ceil((prompt.untilMs - now) / 1000));
  // A step with a label is the motion to make; rest and "Get ready" are calmer.
  const acting = prompt.label !== null;
  const size = prompt.text.length > 28 ? "text-5xl" : "text-6xl";

  return (
    <div className="pointer-events-none fixed inset-x-0 top-0 z-40 px-3 pt-[max(0.75rem,env(safe-area-inset-top))]">
      {/* Opaque even when stale: only the words dim, the page behind must never show through them. */}
      <section
        data-testid="protocol-prompt"
        data-label={prompt.label ?? ""}
        data-step={prompt.step}
        aria-live="assertive"
        className={`pointer-events-auto mx-auto flex min-h-[58dvh] max-w-md flex-col justify-between gap-6 rounded-[2rem] border-4 bg-black px-6 py-6 shadow-2xl shadow-black ${
          acting ? "border-sky-400" : "border-slate-600"
        } ${stale ? "[&>*]:opacity-60" : ""}`}
      >
        <p className="flex items-center justify-between text-xl font-semibold text-slate-400 tabular-nums">
          <span data-testid="protocol-prompt-step">
            Step {prompt.step} of {prompt.steps}
          </span>
          {stale && <span className="text-lg text-amber-300">Reconnecting…</span>}
        </p>
        <p
          data-testid="protocol-prompt-text"
          className={`${size} leading-tight font-bold break-words ${acting ? "text-sky-100" : "text-slate-200"} ${secondsLeft === null ? "my-auto" : ""}`}
        >
          {prompt.text}
        </p>
        {secondsLeft !== null && (
          <p className="flex items-baseline gap-3 font-mono font-bold tabular-nums">
            <span data-testid="protocol-prompt-seconds" className={`text-8xl ${acting ? "text-sky-300" : "text-slate-300"}`}>
              {secondsLeft}
            </span>
            <span className="text-3xl text-slate-400">s</span>
          </p>
        )}
      </section>
    </div>
  );
}
