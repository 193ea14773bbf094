import { z } from "zod";

/** What `GET /api/network` answers: the HTTPS base URLs a phone on the LAN can open. */
const networkSchema = z.object({
  phoneBaseUrls: z.array(z.string()),
  httpsPort: z.number().int().nullable(),
});
export type NetworkInfo = z.infer<typeof networkSchema>;

export async function desktopNetworkFetch(fetchFn: typeof fetch = fetch): Promise<NetworkInfo> {
  const res = await fetchFn("/api/network", { cache: "no-store" });
  if (!res.ok) throw new Error(`GET /api/network failed (HTTP ${res.status}).`);
  const parsed = networkSchema.safeParse(await res.json());
  if (!parsed.success) throw new Error("GET /api/network answered in an unexpected shape.");
  return parsed.data;
}

/**
 * The base URL to offer when the machine has no LAN address: the HTTPS port on
 * localhost still works for a phone emulator or a browser on this machine, and plain
 * `origin` is the last resort when the server runs without HTTPS.
 */
export function desktopFallbackBaseUrl(info: NetworkInfo | null, origin: string): string {
  return info?.httpsPort ? `https://localhost:${info.httpsPort}` : origin;
}

export function desktopPhoneUrl(baseUrl: string, room: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/phone?room=${encodeURIComponent(room)}`;
}
