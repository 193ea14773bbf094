import type { ReactNode } from "react";
import { GUTTER_LEFT_PX, GUTTER_RIGHT_PX } from "./review-geometry";

/**
 * A timeline row below the charts: its title in the charts' y-axis gutter, its content under their plot area.
 * `detail`: a short line under the title (a lane's scale).
 */
export function LaneRow({ title, detail, children }: { title: string; detail?: string; children: ReactNode }) {
  return (
    <div className="flex items-stretch">
      <div className="flex shrink-0 flex-col justify-center pr-2 text-right leading-tight" style={{ width: GUTTER_LEFT_PX }}>
        <span className="text-sm font-semibold text-slate-300">{title}</span>
        {detail && <span className="text-xs text-slate-500">{detail}</span>}
      </div>
      <div className="relative min-w-0 flex-1" style={{ marginRight: GUTTER_RIGHT_PX }}>
        {children}
      </div>
    </div>
  );
}
