"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { ConnectionBanner, ConnectionPill } from "@/components/desktop/connection-status";
import { DesktopHeader } from "@/components/desktop/desktop-header";
import { NoticeToasts } from "@/components/desktop/notice-toasts";
import { SimControl } from "@/components/desktop/sim-control";
import { useSimPhone } from "@/components/desktop/use-sim-phone";
import { ScoreChart } from "@/components/models/score-chart";
import { SceneStage } from "@/components/scenes/scene-stage";
import { SessionControls } from "./session-controls";
import { SessionSetup } from "./session-setup";
import { StudyLiveStatus } from "./study-live-status";
import { StudyRoom, type StudyRoomView } from "./study-room";
import { useServerOffset } from "./use-server-offset";
import { useStudyEvents } from "./use-study-events";
import { useStudyScores } from "./use-study-scores";

const panel = "rounded-2xl border border-slate-700 bg-slate-900/60 p-4";

/** /studies/ID/run: the facilitator's console in this browser's room. */
export function StudyConsole({ studyId }: { studyId: string }) {
  return <StudyRoom studyId={studyId}>{(view) => <ConsoleView view={view} />}</StudyRoom>;
}

function ConsoleView({ view }: { view: StudyRoomView }) {
  const { room, study, scene, live, devices, deviceId, runtime, detectors } = view;
  const params = useSearchParams();
  const sim = useSimPhone(room, scene.logic.simMotion);
  const eventsError = useStudyEvents(live, detectors);
  useStudyScores(live, detectors);
  const serverOffsetMs = useServerOffset();
  const running = live !== null && live.phase !== "done";
  const condition = study.definition.conditions.find((c) => c.id === view.conditionId);

  return (
    <div data-testid="study-console" data-phase={live?.phase ?? "idle"} className="flex min-h-screen flex-col">
      <DesktopHeader>
        <nav aria-label="Breadcrumb" className="mr-auto flex min-w-0 items-center gap-2 text-lg whitespace-nowrap">
          <Link href="/studies" className="text-slate-400 hover:text-slate-100">
            Studies
          </Link>
          <span aria-hidden className="text-slate-600">
            /
          </span>
          <Link href={`/studies/${study.id}`} className="truncate text-slate-300 hover:text-slate-100">
            {study.definition.name}
          </Link>
          <span aria-hidden className="text-slate-600">
            /
          </span>
          <h1 className="font-semibold text-slate-50">Console</h1>
        </nav>
        <SimControl sim={sim} />
        <ConnectionPill />
      </DesktopHeader>
      <ConnectionBanner />
      <div className="grid flex-1 grid-cols-[minmax(0,1fr)_28rem] 2xl:grid-cols-[minmax(0,1fr)_32rem]">
        <main className="flex min-w-0 flex-col gap-5 p-5">
          <SceneStage scene={scene} runtime={runtime} devices={devices} deviceId={deviceId} room={room} large={false} />
          <section aria-label="Live scores" className={panel}>
            <h2 className="mb-2 text-lg font-semibold text-slate-100">
              Live scores <span className="font-normal text-slate-400">· {condition?.name ?? "—"}</span>
            </h2>
            <ScoreChart detectors={detectors} serverOffsetMs={serverOffsetMs} />
          </section>
        </main>
        <aside className="flex flex-col gap-4 border-l border-slate-800 p-5">
          <nav aria-label="Study screens" className="-my-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-slate-300">
            <span className="text-slate-400">Room {room}</span>
            <Link href={`/studies/${study.id}/observe?room=${room}`} target="_blank" data-testid="console-observer-link" className="inline-flex h-9 items-center underline-offset-4 hover:text-slate-100 hover:underline" title="For a second screen: no controls">
              Observer view ↗
            </Link>
            <Link href={`/studies/${study.id}/report`} data-testid="console-report-link" className="inline-flex h-9 items-center underline-offset-4 hover:text-slate-100 hover:underline">
              Report
            </Link>
          </nav>
          {running && live ? (
            <>
              <div className={panel}>
                <StudyLiveStatus live={live} />
              </div>
              <div className={panel}>
                <SessionControls live={live} />
              </div>
              {eventsError && (
                <p role="alert" className="rounded-lg border border-amber-400/60 bg-amber-400/10 px-3 py-2 text-amber-100">
                  {eventsError}
                </p>
              )}
            </>
          ) : (
            <>
              {live?.phase === "done" && (
                <div className={`${panel} flex flex-col gap-4`}>
                  <StudyLiveStatus live={live} />
                  {live.trial?.ended && <p className="text-slate-300">A wrong verdict on the last trial can still be corrected for a few seconds.</p>}
                  <SessionControls live={live} />
                </div>
              )}
              <div className={panel}>
                <SessionSetup
                  key={live?.sessionId ?? "none"}
                  room={room}
                  study={study}
                  devices={devices}
                  deviceId={deviceId}
                  chooseDevice={view.chooseDevice}
                  initialParticipant={live ? null : params.get("participant")}
                  previewCondition={view.previewCondition}
                  onStarted={view.reload}
                />
              </div>
            </>
          )}
          <KeyHelp />
        </aside>
      </div>
      <NoticeToasts />
    </div>
  );
}

function KeyHelp() {
  return (
    <p className="text-sm leading-relaxed text-slate-400">
      Keys: <kbd>S</kbd> success, <kbd>M</kbd> miss, <kbd>F</kbd> false trigger, <kbd>N</kbd> note, <kbd>Space</kbd> pause / resume. A verdict during a trial ends it; during the rest after it, it
      corrects the detector&apos;s verdict. The trial also ends when its detector fires or its time runs out.
    </p>
  );
}
