"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { recordingsApi } from "@/lib/client/recordings-api";
import type { RecordingDetail } from "@/lib/protocol/recordings";
import { deviceSeriesBuild, type DeviceSeries } from "./device-series";

export type SamplesState =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; series: DeviceSeries };

const LOADING: SamplesState = { status: "loading" };

/**
 * The selected device's samples, fetched when it is first shown and kept for the
 * page's life. React state holds one settled entry per device, set once when its
 * fetch ends; the series' typed arrays are only referenced, never copied or diffed.
 */
export function useReviewSamples(detail: RecordingDetail, deviceId: string | null) {
  const [states, setStates] = useState<ReadonlyMap<string, SamplesState>>(new Map());
  /** Devices with a fetch under way, so a re-render cannot start a second one. */
  const inflight = useRef(new Set<string>());
  const { id, startedAtMs, devices } = detail;

  useEffect(() => {
    if (deviceId === null || states.has(deviceId) || inflight.current.has(deviceId)) return;
    const info = devices.find((d) => d.id === deviceId);
    if (!info) return;
    inflight.current.add(deviceId);
    const settle = (s: SamplesState) => {
      inflight.current.delete(deviceId);
      setStates((prev) => new Map(prev).set(deviceId, s));
    };
    recordingsApi
      .samples(id, deviceId)
      .then(({ rows, length }) => settle({ status: "ready", series: deviceSeriesBuild(rows, length, info.clockOffsetMs, startedAtMs) }))
      .catch((e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        settle({ status: "error", message: `The samples of ${info.name} could not be loaded. ${message}` });
      });
  }, [deviceId, states, id, startedAtMs, devices]);

  /** Fetch the shown device again after an error. */
  const retry = useCallback(() => {
    if (deviceId === null) return;
    setStates((prev) => {
      const next = new Map(prev);
      next.delete(deviceId);
      return next;
    });
  }, [deviceId]);

  /** Forget every device's samples (a recording still in progress has grown); the shown one loads again. */
  const reload = useCallback(() => setStates(new Map()), []);

  const state = deviceId === null ? null : (states.get(deviceId) ?? LOADING);
  return { state, retry, reload };
}
