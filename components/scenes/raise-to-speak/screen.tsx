"use client";

import type { SceneScreenProps } from "../scene-definition";
import { WatchClock } from "../watch-clock";
import type { RaiseToSpeakState } from "./logic";
import { useSpeech, type SpeechStatus } from "./use-speech";

/** Idle: the time and a hint. Listening: a breathing orb and the words heard, or a stand-in saying why there are none. */
export function RaiseToSpeakScreen({ state, options, live }: SceneScreenProps<RaiseToSpeakState>) {
  const listening = state.kind === "listening";
  const speech = useSpeech(live && listening && options.speech === true);
  if (!listening) {
    return (
      <div className="flex h-full flex-col items-center justify-center gap-[0.6em] p-[1em] text-center">
        <WatchClock live={live} className="text-[3.6em] leading-none font-semibold tabular-nums" />
        <div className="flex items-center gap-[0.4em] rounded-full bg-white/10 px-[0.8em] py-[0.35em] text-[0.95em] text-slate-200">
          <MicIcon />
          Raise to speak
        </div>
      </div>
    );
  }
  return (
    <div className="flex h-full flex-col items-center justify-center gap-[0.8em] p-[1em] text-center">
      <div className="watch-anim relative size-[6.5em]" style={{ animation: "watch-orb-breathe 1.6s ease-in-out infinite" }}>
        <div
          className="watch-anim absolute inset-0 rounded-full blur-[0.15em]"
          style={{ background: "conic-gradient(from 0deg, #38bdf8, #a855f7, #f472b6, #22d3ee, #38bdf8)", animation: "watch-orb-spin 2.4s linear infinite" }}
        />
        <div className="absolute inset-[18%] rounded-full bg-black/35 blur-[0.3em]" />
      </div>
      <p className="text-[1.25em] font-semibold">Listening…</p>
      <p data-testid="speech-text" className="line-clamp-3 min-h-[2.6em] text-[0.95em] text-slate-300">
        {speechText(speech, options.speech === true)}
      </p>
    </div>
  );
}

function speechText(s: SpeechStatus, wanted: boolean): string {
  if (!wanted) return "Speech recognition is off: say something; a real watch would answer now.";
  switch (s.kind) {
    case "hearing":
      return s.words ? `“${s.words}”` : "Say something…";
    case "unsupported":
      return "This browser has no speech recognition: a real watch would transcribe here.";
    case "failed":
      return `No transcript: ${s.reason}.`;
    case "off":
      return "";
  }
}

function MicIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-[1.1em]" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <rect x="9" y="3" width="6" height="11" rx="3" />
      <path d="M5 11a7 7 0 0 0 14 0M12 18v3" />
    </svg>
  );
}
