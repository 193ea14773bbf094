"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DesktopHeader } from "@/components/desktop/desktop-header";
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
    <div className="flex min-h-screen flex-col">
      <DesktopHeader />
      <main className="flex flex-1 flex-col items-center justify-center gap-5 p-8 text-center">
        {error ? (
          <>
            <h1 className="text-4xl font-bold text-slate-50">Cannot open a room</h1>
            <p className="max-w-xl text-lg text-slate-300">{error} Check that the Wristlab server is running, then try again.</p>
            <div className="flex gap-3">
              <Button variant="primary" onClick={retry}>
                Try again
              </Button>
              <Link href="/scenes" className="inline-flex h-11 items-center rounded-lg px-4 text-slate-300 hover:bg-slate-800">
                All scenes
              </Link>
            </div>
          </>
        ) : (
          <p className="animate-pulse text-2xl text-slate-300">Opening {scene.logic.title}…</p>
        )}
      </main>
    </div>
  );
}
