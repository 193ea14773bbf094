"use client";

import { useEffect } from "react";
import type { DesktopDetectors } from "@/lib/client/desktop-detectors";
import { studiesApi } from "@/lib/client/studies-api";
import type { LiveStudyInfo, StudyScorePoint } from "@/lib/protocol/studies";

/** Scores arrive per window (tens a second per role): sent once a second, in one request. */
const FLUSH_MS = 1000;
/** Kept while the server cannot be reached (about a minute of two roles); older ones go first. */
const PENDING_MAX = 5000;

/**
 * While a session records, the live scores of the participant's detectors go to the
 * server with the recording, so the timeline shows how close a miss came to the
 * threshold. Times are on the server clock, as the runtime gives them. Scores are a
 * view, not evidence: on a long outage the oldest are dropped rather than piling up.
 */
export function useStudyScores(live: LiveStudyInfo | null, detectors: DesktopDetectors<string>): void {
  const sessionId = live?.recordingId && live.phase !== "done" ? live.sessionId : null;

  useEffect(() => {
    if (sessionId === null) return;
    let pending: StudyScorePoint[] = [];
    let sending = false;
    const off = detectors.onScores((slot, points) => {
      for (const p of points) if (Number.isFinite(p.score) && p.tEndMs > 0) pending.push({ slot, tMs: p.tEndMs, score: Math.min(1, Math.max(0, p.score)) });
      if (pending.length > PENDING_MAX) pending = pending.slice(-PENDING_MAX);
    });
    const flush = () => {
      if (sending || pending.length === 0) return;
      const batch = pending;
      pending = [];
      sending = true;
      studiesApi.scores(sessionId, batch).then(
        () => (sending = false),
        () => {
          sending = false;
          pending = batch.concat(pending).slice(-PENDING_MAX);
        },
      );
    };
    const timer = setInterval(flush, FLUSH_MS);
    return () => {
      off();
      clearInterval(timer);
      flush();
    };
  }, [sessionId, detectors]);
}
