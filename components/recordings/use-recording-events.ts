"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useSession } from "@/components/desktop/session-context";
import { useDetectors } from "@/components/models/detectors-context";
import { RecordingEventSink } from "@/lib/client/recording-event-sink";
import { RecordingsApiError, recordingsApi } from "@/lib/client/recordings-api";
import { EVENT_DETECTOR_MAX_CHARS, EVENT_INTERACTION_MAX_CHARS, eventScore, type LiveRecordingInfo } from "@/lib/protocol/recordings";

/** The recording is over or gone, or the batch is malformed: asking again changes nothing. */
const permanent = (e: unknown) => e instanceof RecordingsApiError && [400, 404, 409].includes(e.status);

export interface RecordingEventsState {
  /** Why events could not be stored, for the panel; null while all is well. */
  error: string | null;
  /** Sends what is still queued now: call it before stopping, so the last events make it in. */
  flush: () => Promise<void>;
}

/**
 * While `recording` runs, every event of the room's detector runtime is stored with it.
 * The bus gives times on the server clock; the server wants the device's clock, which
 * is the server time minus that device's current offset (it drifts by well under a
 * millisecond over the length of a batch).
 */
export function useRecordingEvents(recording: LiveRecordingInfo | null): RecordingEventsState {
  const session = useSession();
  const detectors = useDetectors();
  /** Tagged with its recording, so a new recording starts without the last one's error. */
  const [failure, setFailure] = useState<{ id: string; message: string } | null>(null);
  const sinkRef = useRef<RecordingEventSink | null>(null);
  const id = recording?.id ?? null;
  const deviceFilter = recording?.deviceFilter ?? null;

  useEffect(() => {
    if (id === null) return;
    const sink = new RecordingEventSink({
      send: (events) => recordingsApi.events(id, events),
      permanent,
      onError: (e, events, kept) => {
        const why = e instanceof Error ? e.message : String(e);
        const n = `${events.length} model event${events.length === 1 ? "" : "s"}`;
        setFailure({ id, message: kept ? `${n} not stored yet (${why}); retrying.` : `${n} could not be stored: ${why}` });
      },
    });
    const off = detectors.bus.onEvent((event, slot) => {
      if (deviceFilter !== null && event.deviceId !== deviceFilter) return;
      const offsetMs = session.store.devices.get(event.deviceId)?.clockOffsetMs;
      if (offsetMs === undefined) return;
      sink.push({
        deviceId: event.deviceId,
        tMs: event.tEndMs - offsetMs,
        interaction: event.interaction.slice(0, EVENT_INTERACTION_MAX_CHARS),
        detector: `${slot ?? "?"}: ${event.detectorId}`.slice(0, EVENT_DETECTOR_MAX_CHARS),
        score: eventScore(event.confidence),
      });
    });
    sinkRef.current = sink;
    return () => {
      off();
      void sink.close();
      if (sinkRef.current === sink) sinkRef.current = null;
    };
  }, [id, deviceFilter, session, detectors]);

  const flush = useCallback(() => sinkRef.current?.flush() ?? Promise.resolve(), []);
  return { error: failure !== null && failure.id === id ? failure.message : null, flush };
}
