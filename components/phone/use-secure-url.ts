"use client";

import { useEffect, useState } from "react";

/** The HTTPS port when /api/network cannot be asked (the server's default). */
const HTTPS_PORT_DEFAULT = 3443;

/**
 * On a plain-HTTP page (a phone on the LAN), the address of the same page over
 * HTTPS, where motion sensors work. Null on a secure page or before it is known.
 */
export function useSecureUrl(room: string | null): string | null {
  const [port, setPort] = useState<number | null>(null);

  useEffect(() => {
    if (window.isSecureContext) return;
    let live = true;
    fetch("/api/network")
      .then((r) => r.json() as Promise<{ httpsPort?: number | null }>)
      .then((n) => live && setPort(n.httpsPort ?? HTTPS_PORT_DEFAULT))
      .catch(() => live && setPort(HTTPS_PORT_DEFAULT));
    return () => {
      live = false;
    };
  }, []);

  if (port === null) return null;
  const query = room ? `?room=${room}` : "";
  return `https://${window.location.hostname}:${port}/phone${query}`;
}
