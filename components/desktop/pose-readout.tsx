"use client";

import { useEffect, useRef, type RefObject } from "react";
import type { DesktopPoses } from "@/lib/client/desktop-poses";

/** Numbers refreshed ~8 times a second: faster only blurs them. */
const REFRESH_MS = 125;

function angleWrite(el: HTMLElement | null, deg: number | undefined) {
  if (!el) return;
  const known = deg !== undefined && Number.isFinite(deg);
  const text = known ? String(Math.round(deg)) : "—";
  if (el.textContent !== text) el.textContent = text;
  // NaN, not "": tests and tools read this with Number(), and "" would read as 0°.
  el.dataset.deg = known ? deg.toFixed(1) : "NaN";
}

export interface PoseReadoutProps {
  poses: DesktopPoses;
  deviceId: string;
  name: string;
  accent: string;
}

/** One arm's raise, roll and heading under the 3D view, written into the DOM by a timer rather than through React state. */
export function PoseReadout({ poses, deviceId, name, accent }: PoseReadoutProps) {
  const raise = useRef<HTMLSpanElement>(null);
  const roll = useRef<HTMLSpanElement>(null);
  const heading = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const update = () => {
      const angles = poses.tracker(deviceId)?.angles;
      angleWrite(raise.current, angles?.raiseDeg);
      angleWrite(roll.current, angles?.rollDeg);
      angleWrite(heading.current, angles?.headingDeg);
    };
    update();
    const timer = setInterval(update, REFRESH_MS);
    return () => clearInterval(timer);
  }, [poses, deviceId]);

  return (
    <div data-testid="pose-readout" data-device-id={deviceId} className="flex min-w-0 items-center gap-4">
      <div className="flex max-w-[11rem] min-w-0 items-center gap-2 text-sm font-medium text-slate-300">
        <span aria-hidden className="size-2.5 shrink-0 rounded-full" style={{ background: accent }} />
        <span className="truncate">{name}</span>
      </div>
      <dl className="flex items-baseline gap-4 tabular-nums">
        <Angle label="Raise" valueRef={raise} testId="pose-raise" large />
        <Angle label="Roll" valueRef={roll} testId="pose-roll" large />
        <Angle label="Heading" valueRef={heading} testId="pose-heading" />
      </dl>
    </div>
  );
}

interface AngleProps {
  label: string;
  valueRef: RefObject<HTMLSpanElement | null>;
  testId: string;
  large?: boolean;
}

function Angle({ label, valueRef, testId, large = false }: AngleProps) {
  return (
    <div className="flex items-baseline gap-1.5">
      <dt className="text-xs font-semibold tracking-wide text-slate-400 uppercase">{label}</dt>
      <dd className={large ? "text-3xl font-semibold text-slate-50" : "text-xl font-medium text-slate-300"}>
        <span ref={valueRef} data-testid={testId} data-deg="NaN" className="inline-block min-w-[3ch] text-right">
          —
        </span>
        <span className="text-slate-400">°</span>
      </dd>
    </div>
  );
}
