/**
 * The watch's screens and where their focusable items sit. Boxes are in percent of
 * the watch screen (x from the left, y from the top): the logic hit-tests the motion
 * pointer against them and the screen draws the items at them, so what the pointer
 * touches is exactly what is drawn. The screen is 416 × 496 px, so a box of equal
 * percentages is taller than wide; round things are drawn inside boxes with a fixed
 * aspect ratio.
 */

export const SCREEN_IDS = ["menu", "timer", "timer-running", "timer-done", "messages", "workout", "music", "settings"] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];

export interface Box {
  xPct: number;
  yPct: number;
  wPct: number;
  hPct: number;
}

export interface WatchItem {
  id: string;
  label: string;
  box: Box;
}

export interface WatchScreen {
  title: string;
  /** Where Back goes; null on the top level (Back does nothing there). */
  parent: ScreenId | null;
  items: readonly WatchItem[];
  /** The item focused on arrival: the screen's primary action. */
  initialFocus: number;
}

/**
 * The apps of the home grid: three over two, offset like the watchOS honeycomb. The
 * rows leave a band clear across the middle, where the motion pointer starts, so a
 * resting arm's drift of a degree or two does not carry it onto an app.
 */
export const APPS = [
  { id: "timer", label: "Timer" },
  { id: "messages", label: "Messages" },
  { id: "workout", label: "Workout" },
  { id: "music", label: "Music" },
  { id: "settings", label: "Settings" },
] as const satisfies readonly { id: ScreenId; label: string }[];
export type AppId = (typeof APPS)[number]["id"];

export const TIMER_PRESETS_MIN = [1, 3, 5, 10, 15, 30] as const;

const APP_BOX_W = 29;
const APP_BOX_H = 27;
const APP_ROW_X_PCT = [[4, 35.5, 67], [19.5, 51.5]] as const;
const APP_ROW_Y_PCT = [15, 58] as const;

function appGrid(): WatchItem[] {
  return APPS.map((app, i) => {
    const row = i < 3 ? 0 : 1;
    const xPct = APP_ROW_X_PCT[row][row === 0 ? i : i - 3]!;
    return { id: app.id, label: app.label, box: { xPct, yPct: APP_ROW_Y_PCT[row], wPct: APP_BOX_W, hPct: APP_BOX_H } };
  });
}

/** Two columns of round-cornered tiles below the title, as the Timer app's presets. */
function presetGrid(): WatchItem[] {
  return TIMER_PRESETS_MIN.map((min, i) => ({
    id: `min-${min}`,
    label: `${min} min`,
    box: { xPct: i % 2 === 0 ? 6 : 52, yPct: 17 + Math.floor(i / 2) * 27, wPct: 42, hPct: 23 },
  }));
}

/** Full-width rows below the title, as a watchOS list. */
function rows(items: readonly { id: string; label: string }[], topPct = 18): WatchItem[] {
  return items.map((it, i) => ({ ...it, box: { xPct: 6, yPct: topPct + i * 26, wPct: 88, hPct: 22 } }));
}

export const SCREENS: Readonly<Record<ScreenId, WatchScreen>> = {
  menu: { title: "Apps", parent: null, items: appGrid(), initialFocus: 0 },
  timer: { title: "Timer", parent: "menu", items: presetGrid(), initialFocus: 0 },
  "timer-running": {
    title: "Timer",
    parent: "timer",
    items: [
      { id: "cancel", label: "Cancel", box: { xPct: 8, yPct: 72, wPct: 38, hPct: 21 } },
      { id: "pause", label: "Pause", box: { xPct: 54, yPct: 72, wPct: 38, hPct: 21 } },
    ],
    initialFocus: 1,
  },
  "timer-done": {
    title: "Timer",
    parent: "timer",
    items: rows(
      [
        { id: "stop", label: "Stop" },
        { id: "repeat", label: "Repeat" },
      ],
      46,
    ),
    initialFocus: 0,
  },
  messages: {
    title: "Messages",
    parent: "menu",
    items: rows([
      { id: "omw", label: "On my way!" },
      { id: "soon", label: "Be there in 5" },
      { id: "ok", label: "Sounds good" },
    ]),
    initialFocus: 0,
  },
  workout: {
    title: "Workout",
    parent: "menu",
    items: rows([
      { id: "walk", label: "Outdoor Walk" },
      { id: "run", label: "Outdoor Run" },
      { id: "cycle", label: "Cycling" },
    ]),
    initialFocus: 0,
  },
  music: {
    title: "Music",
    parent: "menu",
    items: rows([
      { id: "play", label: "Play" },
      { id: "shuffle", label: "Shuffle" },
      { id: "repeat", label: "Repeat" },
    ]),
    initialFocus: 0,
  },
  settings: {
    title: "Settings",
    parent: "menu",
    items: rows([
      { id: "dnd", label: "Do Not Disturb" },
      { id: "wrist", label: "Wake on Raise" },
      { id: "haptics", label: "Haptics" },
    ]),
    initialFocus: 0,
  },
};

/** The index of the item under a point, in percent of the screen; -1 for none. */
export function itemAt(screen: ScreenId, xPct: number, yPct: number): number {
  return SCREENS[screen].items.findIndex(({ box: b }) => xPct >= b.xPct && xPct <= b.xPct + b.wPct && yPct >= b.yPct && yPct <= b.yPct + b.hPct);
}

/** The centre of an item's box, for tests and for aiming the pointer. */
export function itemCentre(screen: ScreenId, itemId: string): { xPct: number; yPct: number } {
  const item = SCREENS[screen].items.find((i) => i.id === itemId);
  if (!item) throw new Error(`no item "${itemId}" on screen "${screen}"`);
  return { xPct: item.box.xPct + item.box.wPct / 2, yPct: item.box.yPct + item.box.hPct / 2 };
}
