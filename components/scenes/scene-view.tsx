"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConnectionBanner, ConnectionPill } from "@/components/desktop/connection-status";
import { desktopNowMs } from "@/components/desktop/desktop-clock";
import { DesktopHeader } from "@/components/desktop/desktop-header";
import { NoticeToasts } from "@/components/desktop/notice-toasts";
import { useRoomState, useSession } from "@/components/desktop/session-context";
import { SimControl } from "@/components/desktop/sim-control";
import type { SimPhoneControl } from "@/components/desktop/use-sim-phone";
import { useDetectorsStateOf } from "@/components/models/detectors-context";
import { ScoreChart } from "@/components/models/score-chart";
import type { DesktopDetectors } from "@/lib/client/desktop-detectors";
import type { SceneDefinition } from "./scene-definition";
import { SceneControls } from "./scene-controls";
import { SceneEventLog } from "./scene-event-log";
import { SceneStage } from "./scene-stage";
import { useSceneRuntime } from "./use-scene-runtime";

export interface SceneViewProps {
  room: string;
  scene: SceneDefinition;
  sim: SimPhoneControl;
  detectors: DesktopDetectors<string>;
}

/**
 * A scene's page: the watch and the 3D wrist on stage, the detectors of its roles
 * with their live scores and events on the right. Presentation mode keeps only the
 * stage, large, for a projector.
 */
export function SceneView({ room, scene, sim, detectors }: SceneViewProps) {
  const session = useSession();
  const roomState = useRoomState();
  const devices = roomState?.devices ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const deviceId = chosen && devices.some((d) => d.id === chosen) ? chosen : (devices[0]?.id ?? null);
  const online = devices.find((d) => d.id === deviceId)?.connected ?? false;
  const runtime = useSceneRuntime(scene.logic, session, detectors, session.poses, deviceId, online);
  const [presenting, setPresenting] = useState(false);
  const hostStats = useDetectorsStateOf(detectors).hostStats;
  const serverOffsetMs = useCallback(() => {
    const s = session.serverNowMs();
    return s === null ? null : s - desktopNowMs();
  }, [session]);

  useEffect(() => detectors.setDevice(deviceId), [detectors, deviceId]);

  // The root's data-state follows the scene without re-rendering this whole page on every change.
  const rootRef = useRef<HTMLDivElement>(null);
  const sceneSession = runtime.session;
  useEffect(
    () =>
      sceneSession.subscribe(() => {
        const name = sceneSession.getSnapshot().name;
        if (rootRef.current && rootRef.current.dataset.state !== name) rootRef.current.dataset.state = name;
      }),
    [sceneSession],
  );

  useEffect(() => {
    if (!presenting) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setPresenting(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [presenting]);

  const { logic } = scene;
  return (
    <div
      data-testid="scene"
      data-scene={logic.id}
      ref={rootRef}
      data-state={runtime.session.getSnapshot().name}
      data-presenting={presenting ? "true" : "false"}
      data-samples={hostStats?.samples ?? 0}
      className="flex min-h-screen flex-col"
      onPointerDown={runtime.unlockSound}
      onKeyDown={runtime.unlockSound}
    >
      {!presenting && (
        <DesktopHeader>
          <nav aria-label="Breadcrumb" className="mr-auto flex items-center gap-2 text-lg whitespace-nowrap">
            <Link href="/scenes" className="text-slate-400 hover:text-slate-100">
              Scenes
            </Link>
            <span aria-hidden className="text-slate-600">
              /
            </span>
            <h1 className="font-semibold text-slate-50">{logic.title}</h1>
          </nav>
          <SimControl sim={sim} />
          <Button data-testid="present" onClick={() => setPresenting(true)} title="Hide the controls for a demo (Esc to leave)">
            Present
          </Button>
          <Link href={`/?room=${room}`} className="inline-flex h-11 items-center rounded-lg px-3 whitespace-nowrap text-slate-300 hover:bg-slate-800 hover:text-slate-100">
            Room {room}
          </Link>
          <ConnectionPill />
        </DesktopHeader>
      )}
      {!presenting && <ConnectionBanner />}
      {presenting ? (
        <main className="flex flex-1 flex-col gap-4 p-6">
          <div className="flex items-center justify-between gap-4">
            <h1 className="text-4xl font-bold tracking-tight text-slate-50">{logic.title}</h1>
            <Button size="sm" variant="ghost" className="text-slate-400" onClick={() => setPresenting(false)}>
              Exit presentation (Esc)
            </Button>
          </div>
          <SceneStage scene={scene} runtime={runtime} devices={devices} deviceId={deviceId} room={room} large />
        </main>
      ) : (
        <div className="grid flex-1 grid-cols-[minmax(0,1fr)_26rem] 2xl:grid-cols-[minmax(0,1fr)_30rem]">
          <main className="flex min-w-0 flex-col gap-5 p-5">
            <SceneStage scene={scene} runtime={runtime} devices={devices} deviceId={deviceId} room={room} large={false} />
            <section aria-label="Live scores" className="rounded-2xl border border-slate-700 bg-slate-900/60 p-4">
              <h2 className="mb-2 text-lg font-semibold text-slate-100">Live scores</h2>
              <ScoreChart detectors={detectors} serverOffsetMs={serverOffsetMs} />
            </section>
            <SceneEventLog scene={scene} session={runtime.session} detectors={detectors} />
          </main>
          <SceneControls scene={scene} runtime={runtime} detectors={detectors} devices={devices} deviceId={deviceId} onDevice={setChosen} />
        </div>
      )}
      <NoticeToasts />
    </div>
  );
}
