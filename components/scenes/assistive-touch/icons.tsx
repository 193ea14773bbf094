import type { ReactNode } from "react";
import type { AppId } from "./screens";

/** Stand-ins for the system apps' icons: their colours and a glyph, filling their box. */
export function AppIcon({ app, className }: { app: AppId; className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 40 40" className={className}>
      {APP_ICONS[app]}
    </svg>
  );
}

const APP_ICONS: Record<AppId, ReactNode> = {
  timer: (
    <>
      <circle cx="20" cy="20" r="20" fill="#ff9f0a" />
      <circle cx="20" cy="22" r="10" fill="none" stroke="#fff" strokeWidth="2.6" />
      <path d="M20 22V16.5M17 9.5h6M28 13l1.8-1.8" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" />
    </>
  ),
  messages: (
    <>
      <circle cx="20" cy="20" r="20" fill="#34c759" />
      <path d="M20 10c-6.6 0-11 4-11 8.8 0 2.8 1.5 5.2 4 6.8-.2 1.8-1 3.4-2.3 4.4 2.6 0 4.8-1 6.3-2.3 1 .2 2 .3 3 .3 6.6 0 11-4 11-9.2S26.6 10 20 10Z" fill="#fff" />
    </>
  ),
  workout: (
    <>
      <circle cx="20" cy="20" r="20" fill="#a3f53b" />
      <circle cx="23" cy="9.5" r="2.8" fill="#111" />
      <path d="m13 19 4.5-4.5 5.5 1.5 2.5 4.5 4 1M18 15.5l-1.5 8 5 3.5-1.5 6.5M16.5 23.5 11 28" fill="none" stroke="#111" strokeWidth="2.8" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  music: (
    <>
      <circle cx="20" cy="20" r="20" fill="#ff375f" />
      <path d="M16.5 27.5V12.5l11-2.5v14.5" fill="none" stroke="#fff" strokeWidth="2.4" strokeLinejoin="round" />
      <circle cx="13.8" cy="27.5" r="3.2" fill="#fff" />
      <circle cx="24.8" cy="24.5" r="3.2" fill="#fff" />
    </>
  ),
  settings: (
    <>
      <circle cx="20" cy="20" r="20" fill="#8e8e93" />
      <circle cx="20" cy="20" r="8.5" fill="none" stroke="#fff" strokeWidth="3.4" strokeDasharray="3.3 2.4" />
      <circle cx="20" cy="20" r="5.2" fill="none" stroke="#fff" strokeWidth="2.4" />
    </>
  ),
};

const glyph = (d: string, className?: string) => (
  <svg aria-hidden viewBox="0 0 24 24" className={className ?? "size-[1.1em]"} fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round">
    <path d={d} />
  </svg>
);

export const ChevronLeft = () => glyph("M15 5l-7 7 7 7", "size-[0.95em]");
export const CheckGlyph = () => glyph("m5 12.5 4.5 4.5L19 7.5", "size-[0.95em]");
export const CrossGlyph = () => glyph("M6 6l12 12M18 6 6 18");
export const PauseGlyph = () => glyph("M8 5v14M16 5v14");
export const PlayGlyph = () => glyph("M7 4.5v15l12-7.5-12-7.5Z");
export const ShuffleGlyph = () => glyph("M3 7h3.5c5 0 6 10 11 10H21M3 17h3.5c2.2 0 3.5-1.8 4.6-4M21 7h-3.5c-1.8 0-3 1.1-4 2.6M18 4l3 3-3 3M18 14l3 3-3 3");
export const RepeatGlyph = () => glyph("M4 11V9a3 3 0 0 1 3-3h13M17 3l3 3-3 3M20 13v2a3 3 0 0 1-3 3H4M7 21l-3-3 3-3");
export const ReplyGlyph = () => glyph("M9 7 4 12l5 5M4 12h10a6 6 0 0 1 6 6");
export const RunGlyph = () => glyph("M13 5.5a1.5 1.5 0 1 0 0-.01M8 12l3-3 3.5 1 2 3 3 .5M11 9l-1 5 3.5 2.5-1 4.5M10 14l-4 3.5");
export const MoonGlyph = () => glyph("M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5Z");
export const WristGlyph = () => glyph("M4 15c3-1 5-4 8-4s5 2 8 1M9 8l3-3 3 3");
export const WaveGlyph = () => glyph("M3 12h2l2-5 3 10 3-12 3 14 2-7h3");
