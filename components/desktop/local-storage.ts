/** The page's localStorage, or null where reading it throws (storage blocked by policy or private mode). */
export function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
