import type { CSSProperties, ReactNode } from "react";
import { clockText, isOn, type AssistiveTouchState } from "./logic";
import {
  AppIcon,
  CheckGlyph,
  CrossGlyph,
  MoonGlyph,
  PauseGlyph,
  PlayGlyph,
  RepeatGlyph,
  ReplyGlyph,
  RunGlyph,
  ShuffleGlyph,
  WaveGlyph,
  WristGlyph,
} from "./icons";
import { APPS, SCREENS, type Box, type ScreenId, type WatchItem } from "./screens";

export const boxStyle = (b: Box): CSSProperties => ({ left: `${b.xPct}%`, top: `${b.yPct}%`, width: `${b.wPct}%`, height: `${b.hPct}%` });

/** Each screen's items, drawn at their boxes, plus what the screen shows around them. */
export function ScreenBody({ state }: { state: AssistiveTouchState }) {
  const screen = SCREENS[state.screen];
  return (
    <>
      {state.screen === "timer-running" && <TimerDial state={state} />}
      {state.screen === "timer-done" && <TimerDone state={state} />}
      {screen.items.map((item, i) => (
        <div
          key={item.id}
          data-testid="watch-item"
          data-item={item.id}
          data-focused={i === state.focus ? "true" : undefined}
          className="absolute"
          style={boxStyle(item.box)}
        >
          <div
            // A press on a screen that stays (a toggle, a sent reply) pops the item; keyed so each press replays it.
            key={state.pressed === `${state.screen}.${item.id}` ? state.activations : 0}
            className="watch-anim size-full"
            style={state.pressed === `${state.screen}.${item.id}` ? { animation: "watch-pop 260ms ease-out" } : undefined}
          >
            <ItemFace screen={state.screen} item={item} state={state} />
          </div>
        </div>
      ))}
    </>
  );
}

function ItemFace({ screen, item, state }: { screen: ScreenId; item: WatchItem; state: AssistiveTouchState }) {
  switch (screen) {
    case "menu":
      return <AppTile item={item} state={state} />;
    case "timer":
      return (
        <div className="flex size-full flex-col items-center justify-center rounded-[1.1em] bg-[#ff9f0a]/20 text-[#ffb340]">
          <span className="text-[1.9em] leading-none font-semibold tabular-nums">{item.label.split(" ")[0]}</span>
          <span className="text-[0.8em] font-medium">{item.label.split(" ")[1]}</span>
        </div>
      );
    case "timer-running": {
      const paused = state.timer?.pausedLeftMs != null;
      return item.id === "cancel" ? (
        <RoundButton className="bg-zinc-700 text-white" icon={<CrossGlyph />} label="Cancel" />
      ) : (
        <RoundButton className="bg-[#ff9f0a]/25 text-[#ffb340]" icon={paused ? <PlayGlyph /> : <PauseGlyph />} label={paused ? "Resume" : "Pause"} />
      );
    }
    case "timer-done":
      return <Row className={item.id === "stop" ? "bg-[#ff9f0a] text-black" : "bg-zinc-800"} label={item.label} />;
    case "messages":
      return (
        <Row
          icon={<ReplyGlyph />}
          iconClass="bg-[#34c759]"
          label={item.label}
          accessory={isOn(state, screen, item.id) ? <Accessory className="text-[#34c759]" icon={<CheckGlyph />} text="Sent" /> : null}
        />
      );
    case "workout":
      return (
        <Row
          icon={<RunGlyph />}
          iconClass="bg-[#a3f53b] text-black"
          label={item.label}
          accessory={isOn(state, screen, item.id) ? <Accessory className="text-[#a3f53b]" icon={<WaveGlyph />} text="Active" /> : null}
        />
      );
    case "music":
      return <MusicRow item={item} on={isOn(state, screen, item.id)} />;
    case "settings":
      return <SettingRow item={item} on={isOn(state, screen, item.id)} />;
  }
}

function AppTile({ item, state }: { item: WatchItem; state: AssistiveTouchState }) {
  const app = APPS.find((a) => a.id === item.id);
  if (!app) return null;
  const runningLeftS = app.id === "timer" && state.timer && state.timer.leftS > 0 ? state.timer.leftS : null;
  return (
    <div className="flex size-full flex-col items-center justify-center gap-[0.2em]">
      <AppIcon app={app.id} className="aspect-square h-[68%] drop-shadow-[0_0.1em_0.3em_rgba(0,0,0,0.5)]" />
      <span className="text-[0.8em] leading-none font-medium text-zinc-200">
        {runningLeftS === null ? app.label : <span className="text-[#ffb340] tabular-nums">{clockText(runningLeftS)}</span>}
      </span>
    </div>
  );
}

function Row({ label, icon, iconClass, accessory, className }: { label: string; icon?: ReactNode; iconClass?: string; accessory?: ReactNode; className?: string }) {
  return (
    <div className={`flex size-full items-center gap-[0.55em] rounded-[1.1em] px-[0.7em] ${className ?? "bg-zinc-800"}`}>
      {icon && <span className={`flex size-[1.9em] shrink-0 items-center justify-center rounded-full ${iconClass ?? "bg-zinc-600"}`}>{icon}</span>}
      <span className={`min-w-0 flex-1 truncate text-[1.05em] leading-tight font-semibold ${icon ? "" : "text-center"}`}>{label}</span>
      {accessory}
    </div>
  );
}

function Accessory({ icon, text, className }: { icon: ReactNode; text: string; className: string }) {
  return (
    <span className={`flex shrink-0 items-center gap-[0.15em] text-[0.75em] font-semibold ${className}`}>
      {icon}
      {text}
    </span>
  );
}

function MusicRow({ item, on }: { item: WatchItem; on: boolean }) {
  if (item.id === "play") {
    return <Row icon={on ? <PauseGlyph /> : <PlayGlyph />} iconClass="bg-[#ff375f]" label={on ? "Pause" : "Play"} accessory={on ? <Accessory className="text-[#ff375f]" icon={<WaveGlyph />} text="Playing" /> : null} />;
  }
  const icon = item.id === "shuffle" ? <ShuffleGlyph /> : <RepeatGlyph />;
  return <Row icon={icon} iconClass={on ? "bg-[#ff375f]" : "bg-zinc-600"} label={item.label} accessory={<span className={`text-[0.75em] font-semibold ${on ? "text-[#ff375f]" : "text-zinc-500"}`}>{on ? "On" : "Off"}</span>} />;
}

const SETTING_ICONS: Record<string, ReactNode> = { dnd: <MoonGlyph />, wrist: <WristGlyph />, haptics: <WaveGlyph /> };

function SettingRow({ item, on }: { item: WatchItem; on: boolean }) {
  return (
    <Row
      icon={SETTING_ICONS[item.id]}
      iconClass={item.id === "dnd" ? "bg-indigo-500" : "bg-zinc-600"}
      label={item.label}
      accessory={
        <span aria-hidden className={`flex h-[1.3em] w-[2.2em] shrink-0 items-center rounded-full p-[0.15em] transition-colors ${on ? "justify-end bg-[#34c759]" : "justify-start bg-zinc-600"}`}>
          <span className="aspect-square h-full rounded-full bg-white" />
        </span>
      }
    />
  );
}

function RoundButton({ icon, label, className }: { icon: ReactNode; label: string; className: string }) {
  return (
    <div className={`flex size-full items-center justify-center gap-[0.35em] rounded-full text-[1em] font-semibold ${className}`}>
      {icon}
      {label}
    </div>
  );
}

/** The Timer app's running face: time left inside a ring that empties. */
function TimerDial({ state }: { state: AssistiveTouchState }) {
  const t = state.timer;
  if (!t) return null;
  const share = t.durationS > 0 ? t.leftS / t.durationS : 0;
  const paused = t.pausedLeftMs !== null;
  return (
    <div className="absolute top-[13%] left-1/2 aspect-square h-[56%] -translate-x-1/2">
      <svg aria-hidden viewBox="0 0 100 100" className="absolute inset-0 size-full -rotate-90">
        <circle cx="50" cy="50" r="45" fill="none" stroke="#ff9f0a" strokeOpacity="0.22" strokeWidth="7" />
        <circle
          cx="50"
          cy="50"
          r="45"
          fill="none"
          stroke="#ff9f0a"
          strokeWidth="7"
          strokeLinecap="round"
          pathLength={1}
          strokeDasharray={`${share} 1`}
          className="transition-[stroke-dasharray] duration-1000 ease-linear motion-reduce:transition-none"
        />
      </svg>
      <div className="absolute inset-0 flex flex-col items-center justify-center">
        <span data-testid="timer-left" className={`text-[2.4em] leading-none font-semibold tabular-nums ${paused ? "text-zinc-400" : "text-white"}`}>
          {clockText(t.leftS)}
        </span>
        <span className="mt-[0.2em] text-[0.8em] text-[#ffb340]">{paused ? "Paused" : `${Math.round(t.durationS / 60)} min`}</span>
      </div>
    </div>
  );
}

function TimerDone({ state }: { state: AssistiveTouchState }) {
  return (
    <div className="absolute inset-x-0 top-[14%] flex flex-col items-center">
      <div className="watch-anim size-[2.6em]" style={{ animation: "watch-orb-breathe 1.2s ease-in-out infinite" }}>
        <AppIcon app="timer" className="size-full" />
      </div>
      <p className="mt-[0.3em] text-[1.35em] leading-none font-semibold">Timer Done</p>
      <p className="mt-[0.2em] text-[0.85em] text-[#ffb340]">{state.timer ? `${Math.round(state.timer.durationS / 60)} min` : ""}</p>
    </div>
  );
}
