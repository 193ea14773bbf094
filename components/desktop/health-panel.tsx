import { Stat, Unit } from "@/components/ui/stat";
import { countLevel, NOMINAL_RATE_HZ, numberText, offsetText, rateLevel } from "@/lib/client/desktop-format";
import type { DeviceInfo } from "@/lib/protocol/events";
import type { StreamHealthSnapshot } from "@/lib/stream/stream-health";

/** Beyond ~100 ms a response stops feeling instantaneous (Card, Moran & Newell 1983): flag it. */
const LATENCY_WARN_MS = 100;

export interface HealthPanelProps {
  info: DeviceInfo;
  /** What this screen received; null before the first sample. */
  desktop: StreamHealthSnapshot | null;
}

/**
 * Stream health as this screen measures it (rate, latency up to here), with the
 * server's view beside it where the two can differ: a gap between them points at the
 * server-to-desktop leg rather than at the phone.
 */
export function HealthPanel({ info, desktop }: HealthPanelProps) {
  const live = info.connected;
  const rateHz = desktop?.rateHz ?? 0;
  const p95 = desktop?.latencyMsP95 ?? null;
  const dropped = desktop?.dropped ?? 0;
  const latencyTone = !live ? "idle" : p95 !== null && p95 > LATENCY_WARN_MS ? "warn" : "neutral";
  const plain = live ? "neutral" : "idle";

  return (
    <section aria-label="Stream health" className="grid grid-cols-2 content-start gap-2.5">
      <Stat
        label="Sample rate"
        tone={rateLevel(rateHz, live)}
        hint={live ? `nominal ${NOMINAL_RATE_HZ} Hz · server ${numberText(info.rateHz)} Hz` : `nominal ${NOMINAL_RATE_HZ} Hz`}
        className="col-span-2"
      >
        <span data-testid="health-rate" data-rate-hz={rateHz.toFixed(2)} className="text-4xl">
          {numberText(rateHz)}
        </span>
        <Unit>Hz</Unit>
      </Stat>
      <Stat
        label="Latency p50 / p95"
        tone={latencyTone}
        hint={`phone → this screen · server p95 ${numberText(info.latencyMsP95)} ms`}
        className="col-span-2"
      >
        <span>{numberText(desktop?.latencyMsP50)}</span>
        <span className="text-slate-500">/</span>
        <span data-testid="health-latency-p95">{numberText(p95)}</span>
        <Unit>ms</Unit>
      </Stat>
      <Stat label="Jitter" tone={plain}>
        <span>{numberText(desktop?.jitterMs, 2)}</span>
        <Unit>ms</Unit>
      </Stat>
      <Stat label="Dropped" tone={countLevel(dropped, live)} hint={`server ${info.dropped}`}>
        <span data-testid="health-dropped">{dropped}</span>
      </Stat>
      <Stat label="Gaps" tone={countLevel(desktop?.gaps ?? 0, live)} hint="pauses > 100 ms">
        <span>{desktop?.gaps ?? 0}</span>
      </Stat>
      <Stat label="Duplicates" tone={plain} hint={`server ${info.duplicates}`}>
        <span>{desktop?.duplicates ?? 0}</span>
      </Stat>
      <Stat label="Clock offset" tone={plain} hint={`RTT ${numberText(info.rttMs)} ms`}>
        <span className="text-xl">{offsetText(info.clockOffsetMs)}</span>
      </Stat>
      <Stat label="Samples" tone={plain} hint={`server ${info.samples.toLocaleString("en-US")}`}>
        <span className="text-xl">{(desktop?.samples ?? 0).toLocaleString("en-US")}</span>
      </Stat>
    </section>
  );
}
