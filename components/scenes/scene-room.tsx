"use client";

import { SessionProvider } from "@/components/desktop/session-context";
import { useDesktopSession } from "@/components/desktop/use-desktop-session";
import type { SimPhoneControl } from "@/components/desktop/use-sim-phone";
import { useDetectorsRuntime } from "@/components/models/detectors-context";
import type { SceneDefinition } from "./scene-definition";
import { SceneView } from "./scene-view";

export interface SceneRoomProps {
  room: string;
  scene: SceneDefinition;
  sim: SimPhoneControl;
}

/** One scene in one room: the room's viewer session and a detector runtime with one slot per role of the scene. */
export function SceneRoom({ room, scene, sim }: SceneRoomProps) {
  const session = useDesktopSession(room);
  const roleIds = scene.logic.roles.map((r) => r.id);
  const detectors = useDetectorsRuntime<string>(session, roleIds);
  return (
    <SessionProvider value={session}>
      <SceneView room={room} scene={scene} sim={sim} detectors={detectors} />
    </SessionProvider>
  );
}
