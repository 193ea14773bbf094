"use client";

import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import type { DeviceInfo } from "@/lib/protocol/events";
import type { Platform } from "@/lib/protocol/schemas";
import { DeviceNameInput } from "./device-name-input";
import { DeviceStatus } from "./device-status";
import { HealthPanel } from "./health-panel";
import { MotionChart } from "./motion-chart";
import { useSessionState } from "./session-context";
import { useDeviceHealth } from "./use-device-health";

const PLATFORM_LABELS: Record<Platform, string> = {
  ios: "iOS",
  android: "Android",
  desktop: "Desktop",
  node: "Node",
  other: "Other platform",
};

/** One device of the room: who it is, its live sensor charts and how healthy its stream is. */
export function DeviceCard({ info }: { info: DeviceInfo }) {
  const { desktop, nowMs } = useDeviceHealth(info.id);
  const linkUp = useSessionState().connection === "connected";
  return (
    <article
      data-testid="device-card"
      data-device-id={info.id}
      data-connected={String(info.connected)}
      className={cx(
        "rounded-2xl border bg-slate-900/60 shadow-xl shadow-black/30 transition-colors",
        info.connected ? "border-slate-700" : "border-slate-800 opacity-70 grayscale",
      )}
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-slate-800 px-4 py-3">
        <DeviceNameInput deviceId={info.id} name={info.name} />
        <Badge tone={info.source === "phone" ? "info" : "neutral"} className="uppercase">
          {info.source}
        </Badge>
        <span className="text-base text-slate-300">{PLATFORM_LABELS[info.platform]}</span>
        <span className="ml-auto">
          <DeviceStatus info={info} nowMs={nowMs} linkUp={linkUp} />
        </span>
      </header>
      <div className="grid grid-cols-[minmax(0,1fr)_18rem] gap-4 p-4 2xl:grid-cols-[minmax(0,1fr)_21rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <MotionChart deviceId={info.id} kind="accel" />
          <MotionChart deviceId={info.id} kind="gyro" />
        </div>
        <HealthPanel info={info} desktop={desktop} />
      </div>
    </article>
  );
}
