"use client";

import { useEffect, useState } from "react";
import { desktopFallbackBaseUrl, desktopNetworkFetch, desktopPhoneUrl, type NetworkInfo } from "@/lib/client/desktop-network";

export interface PhoneUrlState {
  /** The URL a phone opens to join, or null while the network is being looked up. */
  url: string | null;
  /** LAN base URLs to choose from; the select is shown only for more than one. */
  bases: string[];
  base: string | null;
  setBase: (base: string) => void;
  /** No LAN address: the phone cannot reach this computer until it joins a network. */
  noLan: boolean;
}

/** The phone URL for `room`, from the server's list of LAN addresses. */
export function usePhoneUrl(room: string): PhoneUrlState {
  const [info, setInfo] = useState<NetworkInfo | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    desktopNetworkFetch()
      .then(
        (i) => live && setInfo(i),
        // Without the list the page can still offer a URL on this machine (see below).
        () => undefined,
      )
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, []);

  const bases = info?.phoneBaseUrls ?? [];
  const lanBase = chosen !== null && bases.includes(chosen) ? chosen : (bases[0] ?? null);
  const base = lanBase ?? (loaded ? desktopFallbackBaseUrl(info, window.location.origin) : null);
  return {
    url: base === null ? null : desktopPhoneUrl(base, room),
    bases,
    base,
    setBase: setChosen,
    noLan: loaded && bases.length === 0,
  };
}
