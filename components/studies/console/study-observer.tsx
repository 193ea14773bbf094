"use client";

import { ConnectionBanner, ConnectionPill } from "@/components/desktop/connection-status";
import { DesktopHeader } from "@/components/desktop/desktop-header";
import { SceneStage } from "@/components/scenes/scene-stage";
import { StudyLiveStatus } from "./study-live-status";
import { StudyRoom } from "./study-room";

/**
 * /studies/ID/observe: a second screen for observers. No controls: it follows the
 * room's session (participant, condition, trial, prompt, time left) and shows the
 * scene and wrist running the same condition. Its detectors are its own and store
 * nothing; only the console's events are recorded.
 */
export function StudyObserver({ studyId }: { studyId: string }) {
  return (
    <StudyRoom studyId={studyId}>
      {({ room, study, scene, live, devices, deviceId, runtime }) => (
        <div data-testid="study-observer" data-phase={live?.phase ?? "idle"} className="flex min-h-screen flex-col">
          <DesktopHeader>
            <h1 className="mr-auto truncate text-2xl font-semibold text-slate-50">{study.definition.name}</h1>
            <span className="text-lg whitespace-nowrap text-slate-400">Observer · room {room}</span>
            <ConnectionPill />
          </DesktopHeader>
          <ConnectionBanner />
          <main className="flex flex-1 flex-col-reverse gap-6 p-6 xl:grid xl:grid-cols-[minmax(0,1fr)_minmax(24rem,36rem)]">
            <SceneStage scene={scene} runtime={runtime} devices={devices} deviceId={deviceId} room={room} large simHint={false} />
            <section className="rounded-2xl border border-slate-700 bg-slate-900/60 p-6">
              {live ? (
                <StudyLiveStatus live={live} large />
              ) : (
                <p data-testid="observer-waiting" className="text-3xl leading-snug text-slate-300">
                  Waiting for the facilitator to start a session in room {room}.
                </p>
              )}
            </section>
          </main>
        </div>
      )}
    </StudyRoom>
  );
}
