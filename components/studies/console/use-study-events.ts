"use client";

import { useEffect, useState } from "react";
import type { DesktopDetectors } from "@/lib/client/desktop-detectors";
import { studiesApi } from "@/lib/client/studies-api";
import { EVENT_DETECTOR_MAX_CHARS, EVENT_INTERACTION_MAX_CHARS, eventScore } from "@/lib/protocol/recordings";
import type { LiveStudyInfo, StudyEvent } from "@/lib/protocol/studies";

/**
 * While a session records, every detector event of the participant's device goes to
 * the server at once: it lands on the recording's timeline, and the trial's own role
 * ends the trial. Events are rare (a few a minute), so each is its own request; the
 * bus gives times on the server clock, which is the recording's. Only the console
 * sends them, so an observer's detectors never add a second copy.
 */
export function useStudyEvents(live: LiveStudyInfo | null, detectors: DesktopDetectors<string>): string | null {
  const [failure, setFailure] = useState<{ sessionId: string; message: string } | null>(null);
  // Not once the session is done: the server takes no more events for it.
  const sessionId = live?.recordingId && live.phase !== "done" ? live.sessionId : null;
  const deviceId = live?.deviceId ?? null;

  useEffect(() => {
    if (sessionId === null) return;
    return detectors.bus.onEvent((event, slot) => {
      if (slot === undefined || event.deviceId !== deviceId) return;
      const e: StudyEvent = {
        role: slot,
        deviceId: event.deviceId,
        interaction: event.interaction.slice(0, EVENT_INTERACTION_MAX_CHARS),
        detector: detectors.detectorName(event.detectorId).slice(0, EVENT_DETECTOR_MAX_CHARS),
        tEndMs: event.tEndMs,
        detectedAtMs: Math.max(event.tEndMs, event.detectedAtMs),
        score: eventScore(event.confidence),
      };
      studiesApi.events(sessionId, [e]).then(
        () => setFailure(null),
        (err: unknown) => setFailure({ sessionId, message: `A detector event could not be stored: ${(err as Error).message}` }),
      );
    });
  }, [sessionId, deviceId, detectors]);

  return failure !== null && failure.sessionId === sessionId ? failure.message : null;
}
