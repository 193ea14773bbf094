"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { phoneNameClean, phoneNameSave } from "@/lib/phone/device-identity";
import { phoneStatusView, type PhoneStatusView } from "@/lib/phone/phone-status";
import { roomCodeFormat, roomCodeParse, type RoomCode } from "@/lib/protocol/room-code";
import { ConsentScreen } from "./consent-screen";
import { NameField } from "./name-field";
import { PhoneSession } from "./phone-session";
import { ProtocolPrompt } from "./protocol-prompt";
import { RoomForm } from "./room-form";
import { StatusCard } from "./status-card";
import { phoneStorage, usePhoneIdentity } from "./use-phone-identity";
import { useSecureUrl } from "./use-secure-url";
import type { WakeLockState } from "./wake-lock";
import { WatchMirror } from "./watch-mirror";

/**
 * The page a study participant sees on their phone: pick the room, name the phone,
 * Start. Everything is large and in plain words; the Start button sits at the bottom
 * where a thumb reaches it.
 */
export function PhoneApp({ initialRoom }: { initialRoom: string | null }) {
  const identity = usePhoneIdentity();
  const [room, setRoom] = useState<RoomCode | null>(() => (initialRoom ? roomCodeParse(initialRoom) : null));
  const [roomDraft, setRoomDraft] = useState(initialRoom ?? "");
  /** What is in the name box; null until the participant or the desktop changes it. */
  const [nameDraft, setNameDraft] = useState<string | null>(null);
  /** The last valid name, for when the box is left empty. */
  const [nameSaved, setNameSaved] = useState<string | null>(null);
  const [session] = useState(
    () =>
      new PhoneSession((name) => {
        setNameDraft(name);
        setNameSaved(name);
        phoneNameSave(phoneStorage(), name);
      }),
  );
  const snap = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
  const secureUrl = useSecureUrl(room);

  useEffect(() => () => session.stop(), [session]);

  const name = nameSaved ?? identity?.name ?? "";

  function nameChange(value: string) {
    setNameDraft(value);
    const clean = phoneNameClean(value);
    if (!clean) return;
    setNameSaved(clean);
    phoneNameSave(phoneStorage(), clean);
    session.rename(clean);
  }

  function join(code: RoomCode) {
    setRoom(code);
    // So a reload (or the phone waking up a closed tab) lands in the same room.
    window.history.replaceState(null, "", `/phone?room=${code}`);
  }

  function roomChange() {
    session.stop();
    setRoomDraft(room ?? "");
    setRoom(null);
  }

  function start() {
    if (!identity || !room) return;
    session.start({ room, deviceId: identity.deviceId, name, platform: identity.platform });
  }

  if (!room) {
    return (
      <Shell>
        <RoomForm initial={roomDraft} onJoin={join} />
      </Shell>
    );
  }

  const view = phoneStatusView(snap);
  // PhoneSession clears the mirror on Start and Stop, so one from an old run never shows.
  const watch = snap.watch;
  const prompt = snap.prompt;
  const consent = prompt?.consent;
  return (
    <Shell>
      {/* Keyed by session: a new study session's card starts with fresh buttons, whatever the last one went through. */}
      {prompt && consent && (
        <ConsentScreen
          key={consent.sessionId}
          text={prompt.text}
          onAnswer={(agreed) => session.consentAnswer(consent.sessionId, agreed)}
          stale={snap.link !== "streaming"}
        />
      )}
      {prompt && !consent && <ProtocolPrompt prompt={prompt} serverNowMs={session.serverNowMs} stale={snap.link !== "streaming"} />}
      {watch && (
        <>
          <WatchMirror watch={watch} stale={view.state !== "streaming"} />
          <StatusStrip view={view} rateHz={snap.rateHz} live={snap.live} wakeLock={snap.wakeLock} />
        </>
      )}

      <header className="flex items-center justify-between gap-3">
        <div>
          <p className="text-base text-[#9da7b3]">Room</p>
          <p data-testid="room-code" className="font-mono text-4xl font-semibold tracking-wider">
            {roomCodeFormat(room)}
          </p>
        </div>
        <button
          type="button"
          data-testid="room-change"
          onClick={roomChange}
          className="min-h-12 px-3 text-lg text-[#58a6ff] underline underline-offset-4"
        >
          change
        </button>
      </header>

      <NameField value={nameDraft ?? name} onChange={nameChange} onBlur={() => setNameDraft(null)} />

      {!watch && (
        <StatusCard
          view={view}
          running={snap.running}
          rateHz={snap.rateHz}
          live={snap.live}
          wakeLock={snap.wakeLock}
          secureUrl={secureUrl}
        />
      )}

      <div className="mt-auto pt-2">
        {snap.running ? (
          <button
            type="button"
            data-testid="phone-stop"
            onClick={() => session.stop()}
            className="h-20 w-full rounded-2xl border-2 border-[#f85149] text-2xl font-semibold text-[#ff7b72] active:bg-[#f8514922]"
          >
            Stop
          </button>
        ) : view.state === "insecure" ? null : (
          // On an insecure page Start cannot work; the card's link is the one thing to tap.
          <button
            type="button"
            data-testid="phone-start"
            onClick={start}
            disabled={!identity}
            className="h-20 w-full rounded-2xl bg-[#238636] text-2xl font-semibold text-white active:bg-[#2ea043] disabled:opacity-50"
          >
            Start
          </button>
        )}
      </div>
    </Shell>
  );
}

const STRIP_DOT: Partial<Record<PhoneStatusView["state"], string>> = { streaming: "bg-[#3fb950]", connecting: "bg-[#d29922]", offline: "bg-[#d29922]" };

/**
 * The status card's few words while a watch screen is mirrored: the mirror is what
 * the participant looks at, but whether the phone still streams must stay in sight.
 * Keeps the card's test ids, so tests read the same state either way.
 */
function StatusStrip({ view, rateHz, live, wakeLock }: { view: PhoneStatusView; rateHz: number; live: boolean; wakeLock: WakeLockState | null }) {
  return (
    <section data-testid="phone-status" data-state={view.state} aria-live="polite" className="flex flex-col gap-1 rounded-xl bg-[#0d1117] px-4 py-2">
      <p className="flex items-center gap-2 text-lg">
        <span aria-hidden className={`size-3 shrink-0 rounded-full ${STRIP_DOT[view.state] ?? "bg-[#f85149]"} ${live ? "animate-pulse" : ""}`} />
        <span className="font-semibold">{view.title}</span>
        <span data-testid="phone-rate" data-rate-hz={rateHz} className="ml-auto font-mono text-[#9da7b3] tabular-nums">
          {rateHz}/s
        </span>
      </p>
      {view.message && (
        <p data-testid="phone-message" className="text-base leading-snug text-[#9da7b3]">
          {view.message}
        </p>
      )}
      {wakeLock && wakeLock !== "held" && <p className="text-base text-[#d29922]">Keep this screen on: sensors stop when it locks</p>}
    </section>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col gap-6 px-5 pt-6 pb-[max(1.25rem,env(safe-area-inset-bottom))]">
      <p className="text-sm font-semibold tracking-widest text-[#6e7681] uppercase">Wristlab</p>
      {children}
    </main>
  );
}
