"use client";

import { useMemo, useRef, useState, type PointerEvent } from "react";
import { Button } from "@/components/ui/button";
import { labelNameSchema, type LabelSpan, type RecordingDetail } from "@/lib/protocol/recordings";
import { labelRelabel, labelRemove, labelSplit, trimClamp } from "@/lib/review/label-edits";
import { viewClamp, viewFit, viewPan, viewXToMs, viewZoom, type TimeWindow } from "@/lib/review/timeline-view";
import { EventLane } from "./event-lane";
import { LabelLane } from "./label-lane";
import { MarkLane } from "./mark-lane";
import { OverviewStrip } from "./overview-strip";
import { labelChoices, recordingBounds } from "./recording-bounds";
import { linkView } from "./review-link";
import { ReviewChart } from "./review-chart";
import { REVIEW_CHARTS } from "./review-chart-options";
import { plotAreaOf } from "./review-geometry";
import { ReviewToolbar, ZOOM_STEP } from "./review-toolbar";
import { ScoreLane } from "./score-lane";
import type { Annotations } from "./use-review-annotations";
import { useReviewKeys } from "./use-review-keys";
import { useReviewSamples } from "./use-review-samples";
import { useTimelineWheel } from "./use-timeline-wheel";

export interface ReviewTimelineProps {
  detail: RecordingDetail;
  /** A linked span to open on (recording clock); the whole recording when null or outside it. */
  span?: TimeWindow | null;
  /** Labels and trim as shown (saved or being saved). */
  shown: Annotations;
  /** Still recording: view only, no label or trim edits (the server refuses them until Stop). */
  readOnly: boolean;
  onEdit(next: Annotations): void;
  onUndo(): void;
  onRedo(): void;
  canUndo: boolean;
  canRedo: boolean;
  saving: boolean;
}

/**
 * The review timeline: stacked charts of one device, the labels and events lanes and
 * the overview, all showing one window of the recording clock; a study session's
 * recording adds the facilitator's marks (flags above the labels, dashed lines across
 * the charts) and a lane of the live detectors' scores. React state is only
 * the window, the selection, the label being drawn and a drag's draft; the samples
 * stay in typed arrays that the charts draw imperatively.
 */
export function ReviewTimeline({ detail, span = null, shown, readOnly, onEdit, onUndo, onRedo, canUndo, canRedo, saving }: ReviewTimelineProps) {
  const { startMs: boundsStartMs, endMs: boundsEndMs } = recordingBounds(detail);
  // Stable while the extent is, so that edits (a new detail each) do not re-clamp or re-attach listeners.
  const bounds = useMemo<TimeWindow>(() => ({ startMs: boundsStartMs, endMs: boundsEndMs }), [boundsStartMs, boundsEndMs]);
  const [deviceId, setDeviceId] = useState(detail.devices[0]?.id ?? null);
  const [rawView, setView] = useState(() => linkView(span, bounds) ?? viewFit(bounds));
  const view = viewClamp(rawView, bounds);
  const [draft, setDraft] = useState<LabelSpan[] | null>(null);
  const labels = draft ?? shown.labels;
  // The selection remembers where its span started: when the labels change under it (undo, someone
  // else's edit), the index may point at another span, and then nothing is selected rather than the wrong one.
  const [selection, setSelection] = useState<{ index: number; startMs: number } | null>(null);
  const selected =
    selection && (draft ? selection.index < draft.length : shown.labels[selection.index]?.tStartMs === selection.startMs) ? selection.index : null;
  const setSelected = (index: number | null, from: readonly LabelSpan[] = labels) => {
    const s = index === null ? undefined : from[index];
    setSelection(s && index !== null ? { index, startMs: s.tStartMs } : null);
  };
  const choices = useMemo(() => labelChoices(detail.labelSet, shown.labels), [detail.labelSet, shown.labels]);
  const [currentLabel, setCurrentLabel] = useState(choices[0] ?? "");
  // A name the server would refuse (a comma, empty) draws nothing; the toolbar says why.
  const drawLabel = labelNameSchema.safeParse(currentLabel).success ? currentLabel.trim() : "";
  const hoverMs = useRef<number | null>(null);
  const stackRef = useRef<HTMLDivElement>(null);
  const { state: samples, retry } = useReviewSamples(detail, deviceId);
  useTimelineWheel(stackRef, bounds, setView);

  const commit = (next: LabelSpan[], select: number | null) => {
    onEdit({ labels: next, trim: shown.trim });
    setSelected(select, next);
  };
  const relabel = (label: string) => selected !== null && commit(labelRelabel(labels, selected, label), selected);
  const remove = () => selected !== null && commit(labelRemove(labels, selected), null);
  const split = () => {
    const s = selected === null ? undefined : labels[selected];
    if (!s || selected === null) return;
    const h = hoverMs.current;
    // At the mouse when it is over the segment; else in the middle of its visible part (the button's case).
    const atMs = h !== null && h > s.tStartMs && h < s.tEndMs ? h : (Math.max(s.tStartMs, view.startMs) + Math.min(s.tEndMs, view.endMs)) / 2;
    commit(labelSplit(labels, selected, atMs), selected);
  };
  const zoom = (factor: number) => setView((v) => viewZoom(v, bounds, factor, (v.startMs + v.endMs) / 2));
  const fit = () => setView(viewFit(bounds));
  const zoomTo = (a: number, b: number) => setView(viewClamp({ startMs: Math.min(a, b), endMs: Math.max(a, b) }, bounds));
  const viewTrim = trimClamp(view, bounds);
  const trimToView = () => viewTrim && onEdit({ labels: shown.labels, trim: viewTrim });

  useReviewKeys({
    onDigit: (i) => {
      const label = choices[i];
      if (label === undefined) return;
      if (selected !== null) relabel(label);
      else setCurrentLabel(label);
    },
    onSplit: split,
    onRemove: remove,
    onDeselect: () => setSelected(null),
    onPan: (fraction) => setView((v) => viewPan(v, bounds, fraction * (v.endMs - v.startMs))),
    onZoom: zoom,
    onFit: fit,
    onUndo: () => canUndo && onUndo(),
    onRedo: () => canRedo && onRedo(),
    zoomStep: ZOOM_STEP,
    readOnly,
  });

  const onHover = (e: PointerEvent<HTMLDivElement>) => {
    const area = plotAreaOf(e.currentTarget);
    const x = e.clientX - area.leftPx;
    hoverMs.current = x >= 0 && x <= area.widthPx ? viewXToMs(view, area.widthPx, x) : null;
  };

  const series = samples?.status === "ready" ? samples.series : null;
  const emptyText =
    samples === null
      ? "This recording has no devices"
      : samples.status === "loading"
        ? "Loading samples…"
        : samples.status === "error"
          ? "Samples unavailable"
          : samples.series.length === 0
            ? "No samples from this device"
            : null;
  const knownDevice = (id: string) => detail.devices.some((d) => d.id === id);
  const events = detail.events.filter((e) => e.deviceId === deviceId || !knownDevice(e.deviceId));
  const selectedSpan = selected === null ? null : (labels[selected] ?? null);

  return (
    <section data-testid="review-timeline" className="flex flex-col gap-3">
      <ReviewToolbar
        devices={detail.devices}
        deviceId={deviceId}
        onDevice={setDeviceId}
        onZoom={zoom}
        onFit={fit}
        choices={choices}
        labelSet={detail.labelSet}
        currentLabel={currentLabel}
        onCurrentLabel={setCurrentLabel}
        selectedLabel={selectedSpan?.label ?? null}
        onRelabel={relabel}
        onSplit={split}
        onRemove={remove}
        canTrimToView={viewTrim !== null && (viewTrim.startMs !== shown.trim?.startMs || viewTrim.endMs !== shown.trim?.endMs)}
        hasTrim={shown.trim !== null}
        onTrimToView={trimToView}
        onClearTrim={() => onEdit({ labels: shown.labels, trim: null })}
        canUndo={canUndo}
        canRedo={canRedo}
        onUndo={onUndo}
        onRedo={onRedo}
        saving={saving}
        readOnly={readOnly}
      />
      {samples?.status === "error" && (
        <div role="alert" className="flex items-center gap-4 rounded-lg border border-red-400/60 bg-red-500/10 px-4 py-3 text-red-100">
          <span className="flex-1">{samples.message}</span>
          <Button onClick={retry}>Try again</Button>
        </div>
      )}
      <div
        ref={stackRef}
        className="flex flex-col gap-2 rounded-xl border border-slate-700/70 bg-slate-950/50 py-2"
        onPointerMove={onHover}
        onPointerLeave={() => (hoverMs.current = null)}
      >
        {REVIEW_CHARTS.map((spec, i) => (
          <ReviewChart
            key={spec.kind}
            spec={spec}
            data={series ? series[spec.kind] : null}
            emptyText={emptyText ?? (spec.kind === "gyro" && series && !series.hasGyro ? spec.missing : null)}
            view={view}
            originMs={detail.startedAtMs}
            trim={shown.trim}
            labels={labels}
            labelSet={detail.labelSet}
            marks={detail.marks}
            syncKey={`review-${detail.id}`}
            timeAxis={i === REVIEW_CHARTS.length - 1}
            onZoomTo={zoomTo}
            onFit={fit}
          />
        ))}
        {detail.marks.length > 0 && <MarkLane marks={detail.marks} view={view} trim={shown.trim} originMs={detail.startedAtMs} />}
        <LabelLane
          labels={labels}
          labelSet={detail.labelSet}
          view={view}
          selected={selected}
          trim={shown.trim}
          currentLabel={drawLabel}
          readOnly={readOnly}
          onSelect={(i) => setSelected(i)}
          onDraft={setDraft}
          onCommit={commit}
        />
        <EventLane events={events} view={view} trim={shown.trim} />
        {detail.scores.length > 0 && (
          <ScoreLane scores={detail.scores} view={view} trim={shown.trim} labels={labels} labelSet={detail.labelSet} marks={detail.marks} />
        )}
        <OverviewStrip
          series={series}
          bounds={bounds}
          view={view}
          labels={labels}
          labelSet={detail.labelSet}
          marks={detail.marks}
          trim={shown.trim}
          onView={setView}
        />
      </div>
      <p className="text-sm text-slate-500">
        Wheel zoom · Shift+wheel or ← → pan · drag on a chart: zoom to it · double-click: fit
        {!readOnly && " · drag in Labels: new label · selected label: 1-9 relabel, S split, Del delete · Ctrl+Z undo"}
      </p>
    </section>
  );
}
