"use client";

import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import { RoomOpenFallback } from "@/components/desktop/room-open-fallback";
import { SessionProvider, useRoomState, useSession } from "@/components/desktop/session-context";
import { useDesktopRoom } from "@/components/desktop/use-desktop-room";
import { useDesktopSession } from "@/components/desktop/use-desktop-session";
import { useDetectorsRuntime } from "@/components/models/detectors-context";
import { sceneFind } from "@/components/scenes/registry";
import type { SceneDefinition } from "@/components/scenes/scene-definition";
import { useSceneRuntime, type SceneRuntime } from "@/components/scenes/use-scene-runtime";
import type { DesktopDetectors } from "@/lib/client/desktop-detectors";
import { studiesApi } from "@/lib/client/studies-api";
import type { DeviceInfo } from "@/lib/protocol/events";
import type { LiveStudyInfo, StudyDetail } from "@/lib/protocol/studies";

/** What the console and the observer view draw from. */
export interface StudyRoomView {
  room: string;
  study: StudyDetail;
  scene: SceneDefinition;
  /** The session running in this room for this study, or null. */
  live: LiveStudyInfo | null;
  devices: readonly DeviceInfo[];
  /** The device the scene follows: the session's participant device, else the chosen one. */
  deviceId: string | null;
  chooseDevice: (id: string) => void;
  /** The condition whose settings the scene runs now (the session's, else the preview's). */
  conditionId: string;
  previewCondition: (id: string) => void;
  runtime: SceneRuntime<unknown>;
  detectors: DesktopDetectors<string>;
  reload: () => void;
}

/**
 * A study's screens in the room this browser uses: the study loaded from the server,
 * the room's live session (from `RoomState.study`), and the scene running with the
 * current condition's detectors, never saved over the scene's own settings.
 */
export function StudyRoom({ studyId, children }: { studyId: string; children: (view: StudyRoomView) => ReactNode }) {
  const { room, error, retry } = useDesktopRoom();
  const [study, setStudy] = useState<StudyDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    studiesApi.get(studyId).then(
      (s) => !cancelled && (setStudy(s), setLoadError(null)),
      (e: unknown) => !cancelled && setLoadError((e as Error).message),
    );
    return () => {
      cancelled = true;
    };
  }, [studyId, attempt]);

  const scene = study ? sceneFind(study.definition.sceneId) : undefined;
  if (room && study && scene) {
    return (
      <StudySession key={room} room={room} study={study} scene={scene} reload={() => setAttempt((a) => a + 1)}>
        {children}
      </StudySession>
    );
  }
  const problem = loadError ?? (study && !scene ? `This study uses the scene "${study.definition.sceneId}", which this Wristlab does not have.` : null);
  return (
    <RoomOpenFallback error={problem ?? error} retry={problem ? () => setAttempt((a) => a + 1) : retry} waiting="Opening the study…">
      <Link href="/studies" className="inline-flex h-11 items-center rounded-lg px-4 text-slate-300 hover:bg-slate-800">
        All studies
      </Link>
    </RoomOpenFallback>
  );
}

function StudySession(props: { room: string; study: StudyDetail; scene: SceneDefinition; reload: () => void; children: (view: StudyRoomView) => ReactNode }) {
  const session = useDesktopSession(props.room);
  const detectors = useDetectorsRuntime<string>(session, props.scene.logic.roles.map((r) => r.id));
  return (
    <SessionProvider value={session}>
      <StudySessionView {...props} detectors={detectors} />
    </SessionProvider>
  );
}

function StudySessionView({ room, study, scene, reload, detectors, children }: { room: string; study: StudyDetail; scene: SceneDefinition; reload: () => void; detectors: DesktopDetectors<string>; children: (view: StudyRoomView) => ReactNode }) {
  const session = useSession();
  const roomState = useRoomState();
  const devices = roomState?.devices ?? [];
  const live = roomState?.study && roomState.study.studyId === study.id ? roomState.study : null;
  const [chosen, setChosen] = useState<string | null>(null);
  const deviceId = live?.deviceId ?? (chosen && devices.some((d) => d.id === chosen) ? chosen : (devices.find((d) => d.connected)?.id ?? null));
  const online = devices.find((d) => d.id === deviceId)?.connected ?? false;
  const conditions = study.definition.conditions;
  const [preview, setPreview] = useState(conditions[0]!.id);
  const conditionId = live ? (live.conditions[live.conditionIndex]?.id ?? preview) : preview;
  const settings = (conditions.find((c) => c.id === conditionId) ?? conditions[0]!).settings;
  const runtime = useSceneRuntime(scene.logic, session, detectors, session.poses, deviceId, online, settings);

  useEffect(() => detectors.setDevice(deviceId), [detectors, deviceId]);

  return children({ room, study, scene, live, devices, deviceId, chooseDevice: setChosen, conditionId, previewCondition: setPreview, runtime: runtime as SceneRuntime<unknown>, detectors, reload });
}
