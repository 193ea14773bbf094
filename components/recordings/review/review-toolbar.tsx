"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { Select } from "@/components/ui/select";
import { labelNameSchema, type RecordingDeviceInfo } from "@/lib/protocol/recordings";
import { labelColor } from "./label-colors";

export interface ReviewToolbarProps {
  devices: readonly RecordingDeviceInfo[];
  deviceId: string | null;
  onDevice(id: string): void;
  onZoom(factor: number): void;
  onFit(): void;
  /** Label choices in key order (1-9 = the first nine): the label set, then other labels in the recording. */
  choices: readonly string[];
  labelSet: readonly string[];
  currentLabel: string;
  onCurrentLabel(label: string): void;
  /** The selected segment's label, or null without a selection. */
  selectedLabel: string | null;
  onRelabel(label: string): void;
  onSplit(): void;
  onRemove(): void;
  canTrimToView: boolean;
  hasTrim: boolean;
  onTrimToView(): void;
  onClearTrim(): void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  saving: boolean;
  /** Still recording: every edit control is disabled, the view controls stay. */
  readOnly: boolean;
}

/** Zoom step of the +/- buttons and keys: two presses halve or double the window. */
export const ZOOM_STEP = Math.SQRT1_2;

/** Everything the timeline can do by button, grouped: view, new labels, the selected label, trim, history. */
export function ReviewToolbar(p: ReviewToolbarProps) {
  const listId = useId();
  const labelError = p.currentLabel === "" ? null : labelNameSchema.safeParse(p.currentLabel).error?.issues[0]?.message ?? null;
  // Disabled rather than hidden, like the selection tools: the lane below must not jump when recording stops.
  const noSelection = p.readOnly || p.selectedLabel === null;
  const group = "flex items-center gap-2";
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
      {p.devices.length > 1 && (
        <Select value={p.deviceId ?? ""} onChange={(e) => p.onDevice(e.target.value)} aria-label="Device shown" title="Device shown in the charts" className="max-w-48" data-testid="device-select">
          {p.devices.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
      )}
      <div className={group}>
        <Button data-testid="zoom-out" aria-label="Zoom out" title="Zoom out (−)" className="w-11 px-0 text-xl" onClick={() => p.onZoom(1 / ZOOM_STEP)}>
          −
        </Button>
        <Button data-testid="zoom-in" aria-label="Zoom in" title="Zoom in (+)" className="w-11 px-0 text-xl" onClick={() => p.onZoom(ZOOM_STEP)}>
          +
        </Button>
        <Button data-testid="fit" title="Show the whole recording (0, or double-click a chart)" onClick={p.onFit}>
          Fit
        </Button>
      </div>
      <label className={group} title="The label a drag in the labels lane creates; type a new name or pick one">
        <span className="text-sm text-slate-400">New label</span>
        <span aria-hidden className="size-3 rounded-full" style={{ background: p.currentLabel ? labelColor(p.currentLabel, p.labelSet) : "transparent" }} />
        <input
          data-testid="label-picker"
          list={listId}
          value={p.currentLabel}
          placeholder="label name"
          onChange={(e) => p.onCurrentLabel(e.target.value)}
          disabled={p.readOnly}
          aria-invalid={labelError !== null}
          title={labelError ?? undefined}
          className={cx(
            "h-11 w-40 rounded-lg border bg-slate-800 px-3 text-slate-100 placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-sky-300 disabled:cursor-not-allowed disabled:opacity-50",
            labelError ? "border-red-400" : "border-slate-600",
          )}
        />
        <datalist id={listId}>
          {p.choices.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </label>
      {/* Always there, disabled without a selection: a toolbar that grows on selection would move the lane under the mouse. */}
      <div className={group} data-testid="selection-tools">
        <Select
          value={p.selectedLabel ?? ""}
          disabled={noSelection}
          onChange={(e) => p.onRelabel(e.target.value)}
          aria-label="Label of the selected segment"
          title="Label of the selected segment (keys 1-9)"
          className="w-40"
          data-testid="relabel"
        >
          {p.selectedLabel === null && <option value="">No selection</option>}
          {p.selectedLabel !== null &&
            (p.choices.includes(p.selectedLabel) ? p.choices : [p.selectedLabel, ...p.choices]).map((c, i) => (
              <option key={c} value={c}>
                {i < 9 && p.choices.includes(p.selectedLabel!) ? `${i + 1} · ${c}` : c}
              </option>
            ))}
        </Select>
        <Button disabled={noSelection} title="Split the selected label at the mouse, or in its middle (S)" onClick={p.onSplit}>
          Split
        </Button>
        <Button variant="danger" disabled={noSelection} title="Delete the selected label (Delete)" onClick={p.onRemove}>
          Delete
        </Button>
      </div>
      <div className={group}>
        <Button data-testid="trim-to-view" disabled={p.readOnly || !p.canTrimToView} title="Keep only the visible part in exports and replays" onClick={p.onTrimToView}>
          Trim to view
        </Button>
        <Button data-testid="clear-trim" disabled={p.readOnly || !p.hasTrim} onClick={p.onClearTrim}>
          Clear trim
        </Button>
      </div>
      <div className={cx(group, "ml-auto")}>
        <span className="text-sm text-slate-400" aria-live="polite">
          {p.saving ? "Saving…" : ""}
        </span>
        <Button data-testid="undo" disabled={p.readOnly || !p.canUndo} title="Undo (Ctrl+Z)" onClick={p.onUndo}>
          Undo
        </Button>
        <Button data-testid="redo" disabled={p.readOnly || !p.canRedo} title="Redo (Ctrl+Shift+Z)" onClick={p.onRedo}>
          Redo
        </Button>
      </div>
    </div>
  );
}
