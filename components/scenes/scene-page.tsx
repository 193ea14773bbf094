"use client";

import Link from "next/link";
import { RoomOpenFallback } from "@/components/desktop/room-open-fallback";
import { useDesktopRoom } from "@/components/desktop/use-desktop-room";
import { useSimPhone } from "@/components/desktop/use-sim-phone";
import { sceneFind } from "./registry";
import { SceneRoom } from "./scene-room";

/** /scenes/<id>: the room this browser uses (from the URL or the last one), then the scene in it. */
export function ScenePage({ sceneId }: { sceneId: string }) {
  const scene = sceneFind(sceneId);
  const { room, error, retry } = useDesktopRoom();
  const sim = useSimPhone(room, scene?.logic.simMotion);

  if (!scene) return null;
  if (room) return <SceneRoom key={room} room={room} scene={scene} sim={sim} />;
  return (
    <RoomOpenFallback error={error} retry={retry} waiting={`Opening ${scene.logic.title}…`}>
      <Link href="/scenes" className="inline-flex h-11 items-center rounded-lg px-4 text-slate-300 hover:bg-slate-800">
        All scenes
      </Link>
    </RoomOpenFallback>
  );
}
