"use client";

import { useEffect, useId, useRef, useState, type RefObject } from "react";
import type { Ack } from "@/lib/protocol/events";

interface ConsentScreenProps {
  /** The study's consent text, as the prompt brought it. */
  text: string;
  /** Sends the answer; the promise never rejects (PhoneLink.consent). */
  onAnswer: (agreed: boolean) => Promise<Ack>;
  /** The link is not streaming: an answer now would not get through. */
  stale: boolean;
}

type Sending = { agreed: boolean } | null;

/**
 * A study's consent card over the whole phone page: the participant reads what will
 * be recorded and agrees or declines before anything is. Only the text scrolls, so the
 * two answers stay under the thumb however long the study's text is. The card stays
 * after an answer is taken until the server's next prompt (or none) replaces it, and a
 * failed send keeps the buttons so the participant can simply tap again.
 */
export function ConsentScreen({ text, onAnswer, stale }: ConsentScreenProps) {
  const titleId = useId();
  const [sending, setSending] = useState<Sending>(null);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef<HTMLParagraphElement>(null);
  const more = useMoreBelow(textRef, text);

  async function answer(agreed: boolean) {
    setSending({ agreed });
    setError(null);
    const res = await onAnswer(agreed);
    setSending(null);
    if (res.ok) setSent(true);
    else setError(res.error.message);
  }

  const busy = sending !== null || sent;
  return (
    <div
      data-testid="consent-screen"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      className="fixed inset-0 z-50 flex flex-col bg-black px-5 pt-[max(1.25rem,env(safe-area-inset-top))] pb-[max(1.25rem,env(safe-area-inset-bottom))] text-[#e6edf3]"
    >
      <div className="mx-auto flex min-h-0 w-full max-w-md flex-1 flex-col gap-5">
        <h1 id={titleId} className="text-4xl leading-tight font-bold">
          Before we start
        </h1>
        <div className="relative flex min-h-0 flex-1 flex-col">
          <p ref={textRef} data-testid="consent-text" className="min-h-0 flex-1 overflow-y-auto text-xl leading-relaxed break-words whitespace-pre-line text-slate-100">
            {text}
          </p>
          {more && (
            // Only a cue for the eye: a screen reader reads the whole text anyway.
            <div aria-hidden className="pointer-events-none absolute inset-x-0 bottom-0 flex h-20 items-end justify-center bg-gradient-to-t from-black via-black/80 to-transparent">
              <span className="rounded-full bg-[#21262d] px-4 py-1 text-base text-[#9da7b3]">More below: scroll to read it all ↓</span>
            </div>
          )}
        </div>

        <p aria-live="polite" className="min-h-7 text-lg">
          {sent ? (
            <span data-testid="consent-sent" className="text-[#3fb950]">
              Thank you. Your answer was sent.
            </span>
          ) : sending ? (
            <span className="text-[#9da7b3]">Sending…</span>
          ) : error ? (
            <span data-testid="consent-error" role="alert" className="text-[#ff7b72]">
              Your answer did not get through: {error}
            </span>
          ) : stale ? (
            <span className="text-[#d29922]">Reconnecting…</span>
          ) : null}
        </p>

        <div className="flex flex-col gap-3">
          <button
            type="button"
            data-testid="consent-agree"
            onClick={() => void answer(true)}
            disabled={busy}
            className="h-20 w-full rounded-2xl bg-[#238636] text-2xl font-semibold text-white active:bg-[#2ea043] disabled:opacity-50"
          >
            {sending?.agreed === true ? "Sending…" : "I agree"}
          </button>
          <button
            type="button"
            data-testid="consent-decline"
            onClick={() => void answer(false)}
            disabled={busy}
            className="h-20 w-full rounded-2xl border-2 border-[#6e7681] text-2xl font-semibold text-[#e6edf3] active:bg-[#6e768133] disabled:opacity-50"
          >
            {sending?.agreed === false ? "Sending…" : "No thanks"}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Whether the text box has more below what shows: a long consent text must not look finished where the screen cuts it. */
function useMoreBelow(ref: RefObject<HTMLElement | null>, content: string): boolean {
  const [more, setMore] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setMore(el.scrollTop + el.clientHeight < el.scrollHeight - 4);
    check();
    el.addEventListener("scroll", check, { passive: true });
    const resize = new ResizeObserver(check);
    resize.observe(el);
    return () => {
      el.removeEventListener("scroll", check);
      resize.disconnect();
    };
  }, [ref, content]);
  return more;
}
