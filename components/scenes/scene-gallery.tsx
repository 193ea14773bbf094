import Link from "next/link";
import { DesktopHeader } from "@/components/desktop/desktop-header";
import { sceneDefaults } from "@/lib/scenes/scene-settings-resolve";
import { SCENES } from "./registry";
import { WatchFrame } from "./watch-frame";

/** /scenes: every scene as a card with its watch screen at rest, what it does and the gesture that drives it. */
export function SceneGallery() {
  return (
    <div className="flex min-h-screen flex-col">
      <DesktopHeader>
        <Link href="/" className="inline-flex h-11 items-center rounded-lg px-3 text-slate-300 hover:bg-slate-800 hover:text-slate-100">
          Back to the room
        </Link>
      </DesktopHeader>
      <main className="mx-auto flex w-full max-w-[96rem] flex-col gap-6 p-8">
        <div>
          <h1 className="text-4xl font-bold tracking-tight text-slate-50">Interaction scenes</h1>
          <p className="mt-2 max-w-3xl text-lg text-slate-300">
            Try a wrist interaction live: strap the phone to a wrist (or switch on the simulated phone in a scene) and the watch on screen reacts as the real feature would.
          </p>
        </div>
        <ul className="grid grid-cols-[repeat(auto-fill,minmax(26rem,1fr))] gap-5">
          {SCENES.map(({ logic, Screen }) => {
            const options = sceneDefaults(logic).options;
            const state = logic.machine.initial(options, 0);
            return (
              <li key={logic.id}>
                <Link
                  href={`/scenes/${logic.id}`}
                  data-testid="scene-card"
                  data-scene={logic.id}
                  className="flex h-full items-center gap-5 rounded-2xl border border-slate-700 bg-slate-900/60 p-5 transition-colors hover:border-sky-400/70 hover:bg-slate-900"
                >
                  <WatchFrame heightPx={150} label={`${logic.title} watch screen`}>
                    <Screen state={state} name={logic.machine.stateName(state)} options={options} live={false} />
                  </WatchFrame>
                  <div className="flex min-w-0 flex-col gap-2">
                    <h2 className="text-2xl font-semibold text-slate-50">{logic.title}</h2>
                    <p className="text-base text-slate-300">{logic.summary}</p>
                    <p className="text-sm text-slate-400">
                      <span className="font-semibold text-slate-300">Gesture: </span>
                      {logic.howTo}
                    </p>
                  </div>
                </Link>
              </li>
            );
          })}
        </ul>
      </main>
    </div>
  );
}
