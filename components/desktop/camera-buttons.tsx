"use client";

import { CAMERA_PRESETS, type CameraPreset } from "@/components/canvas/camera-preset-names";
import { cx } from "@/components/ui/cx";

const LABELS: Record<CameraPreset, string> = { overview: "Overview", side: "Side", top: "Top", wearer: "Wearer's view" };

/** The camera presets as one segmented control over the 3D view. */
export function CameraButtons({ value, onChange }: { value: CameraPreset; onChange: (preset: CameraPreset) => void }) {
  return (
    <div role="group" aria-label="Camera" className="flex rounded-lg border border-slate-700 bg-slate-950/85 p-1 backdrop-blur-sm">
      {CAMERA_PRESETS.map((p) => (
        <button
          key={p}
          type="button"
          data-testid={`camera-${p}`}
          aria-pressed={value === p}
          onClick={() => onChange(p)}
          className={cx(
            "h-9 rounded-md px-3 text-sm font-medium whitespace-nowrap transition-colors",
            "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-300",
            value === p ? "bg-sky-400 text-slate-950" : "text-slate-200 hover:bg-slate-800",
          )}
        >
          {LABELS[p]}
        </button>
      ))}
    </div>
  );
}
