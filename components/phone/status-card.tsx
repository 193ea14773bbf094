"use client";

import type { PhoneStatusView } from "@/lib/phone/phone-status";
import type { WakeLockState } from "./wake-lock";

interface StatusCardProps {
  view: PhoneStatusView;
  running: boolean;
  rateHz: number;
  live: boolean;
  wakeLock: WakeLockState | null;
  /** The HTTPS address of this page, offered when the page is not secure. */
  secureUrl: string | null;
}

const TONE: Record<PhoneStatusView["state"], { dot: string; border: string }> = {
  idle: { dot: "bg-[#6e7681]", border: "border-[#30363d]" },
  connecting: { dot: "bg-[#d29922]", border: "border-[#9e6a03]" },
  streaming: { dot: "bg-[#3fb950]", border: "border-[#238636]" },
  offline: { dot: "bg-[#d29922]", border: "border-[#9e6a03]" },
  failed: { dot: "bg-[#f85149]", border: "border-[#da3633]" },
  blocked: { dot: "bg-[#f85149]", border: "border-[#da3633]" },
  denied: { dot: "bg-[#f85149]", border: "border-[#da3633]" },
  insecure: { dot: "bg-[#f85149]", border: "border-[#da3633]" },
  unsupported: { dot: "bg-[#f85149]", border: "border-[#da3633]" },
};

const RATE_STATES: ReadonlySet<PhoneStatusView["state"]> = new Set(["connecting", "streaming", "offline"]);

/** The one place a participant looks: what is happening and what to do about it. */
export function StatusCard({ view, running, rateHz, live, wakeLock, secureUrl }: StatusCardProps) {
  const tone = TONE[view.state];
  return (
    <section
      data-testid="phone-status"
      data-state={view.state}
      aria-live="polite"
      className={`flex flex-col gap-4 rounded-2xl border-2 bg-[#0d1117] p-5 ${tone.border}`}
    >
      <div className="flex items-start gap-3">
        <span aria-hidden className={`mt-3.5 size-4 shrink-0 rounded-full ${tone.dot} ${live ? "animate-pulse" : ""}`} />
        <h2 className="text-3xl leading-tight font-bold">{view.title}</h2>
      </div>

      {/* Always in the page for tests; shown only where the number means something (not for zeros from a blocked sensor). */}
      <p data-testid="phone-rate" data-rate-hz={rateHz} className={`items-baseline gap-2 ${running && RATE_STATES.has(view.state) ? "flex" : "hidden"}`}>
        <span className="font-mono text-5xl font-semibold tabular-nums">{rateHz}</span>
        <span className="text-lg text-[#9da7b3]">readings per second</span>
      </p>

      {view.message && (
        <p data-testid="phone-message" className="text-xl leading-snug">
          {view.message}
        </p>
      )}

      {view.state === "insecure" && secureUrl && (
        <div className="flex flex-col gap-2">
          <a
            href={secureUrl}
            className="flex min-h-16 items-center justify-center rounded-2xl bg-[#2f81f7] px-4 text-center text-xl font-semibold text-white active:bg-[#1f6feb]"
          >
            Open the secure page
          </a>
          <p className="text-base break-all text-[#9da7b3]">{secureUrl}</p>
          <p className="text-base text-[#9da7b3]">
            If the phone warns about the certificate, tap Advanced › Proceed (Android) or Show Details › visit this website
            (iPhone).
          </p>
        </div>
      )}

      {running && wakeLock && (
        <p className={`text-lg ${wakeLock === "held" ? "text-[#3fb950]" : "text-[#d29922]"}`}>
          {wakeLock === "held" ? "Screen stays on" : "Keep this screen on: sensors stop when it locks"}
        </p>
      )}
    </section>
  );
}
