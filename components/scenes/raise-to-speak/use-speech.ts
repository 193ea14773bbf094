"use client";

import { useEffect, useState } from "react";

/** The part of the Web Speech API used here; Chrome and Safari ship it prefixed. */
interface Recognition {
  continuous: boolean;
  interimResults: boolean;
  lang: string;
  onresult: ((ev: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onerror: ((ev: { error: string }) => void) | null;
  start(): void;
  abort(): void;
}
type RecognitionCtor = new () => Recognition;

export type SpeechStatus = { kind: "off" } | { kind: "unsupported" } | { kind: "hearing"; words: string } | { kind: "failed"; reason: string };

const REASONS: Record<string, string> = {
  "not-allowed": "the microphone is blocked for this page",
  "service-not-allowed": "speech recognition is disabled in this browser",
  network: "the browser's speech service cannot be reached",
  "audio-capture": "no microphone",
};

function recognitionCtor(): RecognitionCtor | undefined {
  if (typeof window === "undefined") return undefined;
  const w = window as unknown as { SpeechRecognition?: RecognitionCtor; webkitSpeechRecognition?: RecognitionCtor };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
}

/** Browser speech recognition while `on`; what it heard, or why it cannot. */
export function useSpeech(on: boolean): SpeechStatus {
  // What the current listening heard; only the recogniser's callbacks set it, and ending a listening clears it.
  const [heard, setHeard] = useState<SpeechStatus>({ kind: "hearing", words: "" });
  useEffect(() => {
    const Ctor = recognitionCtor();
    if (!on || !Ctor) return;
    const r = new Ctor();
    r.continuous = true;
    r.interimResults = true;
    r.lang = navigator.language || "en-US";
    r.onresult = (ev) => {
      const words = Array.from(ev.results, (alts) => alts[0]?.transcript ?? "").join(" ").trim();
      setHeard({ kind: "hearing", words });
    };
    // "no-speech" and "aborted" are ordinary ends of listening, not failures.
    r.onerror = (ev) => ev.error !== "no-speech" && ev.error !== "aborted" && setHeard({ kind: "failed", reason: REASONS[ev.error] ?? ev.error });
    try {
      r.start();
    } catch (e) {
      queueMicrotask(() => setHeard({ kind: "failed", reason: (e as Error).message }));
    }
    return () => {
      r.abort();
      setHeard({ kind: "hearing", words: "" });
    };
  }, [on]);
  if (!on) return { kind: "off" };
  if (!recognitionCtor()) return { kind: "unsupported" };
  return heard;
}
