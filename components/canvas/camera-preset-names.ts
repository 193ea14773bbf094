/** The camera presets; apart from their poses (camera-presets.ts) so DOM buttons do not pull three into the page bundle. */
export const CAMERA_PRESETS = ["overview", "side", "top", "wearer"] as const;
export type CameraPreset = (typeof CAMERA_PRESETS)[number];
