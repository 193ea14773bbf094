"use client";

import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { DesktopDetectors, type DetectorsState, type HostPort } from "@/lib/client/desktop-detectors";
import type { CompareSlotId, SlotId } from "@/lib/models/host-protocol";
import { catalogFetchFrom } from "@/lib/client/model-catalog";
import type { DesktopSession } from "@/lib/client/desktop-session";
import { desktopNowMs } from "@/components/desktop/desktop-clock";

const DetectorsContext = createContext<DesktopDetectors | null>(null);

/** WebGL first (fast where there is a GPU), wasm next (fast on CPUs), the pure-JS cpu backend last. */
const BACKEND_ORDER = ["webgl", "wasm", "cpu"] as const;

function workerStart(): HostPort {
  return new Worker(new URL("./detector-worker.ts", import.meta.url), { type: "module", name: "wristlab-detectors" }) as unknown as HostPort;
}

/**
 * A detector runtime for a page, its worker started once the page is in the
 * browser. Model list changes pushed by the server (`models:changed`) re-read the
 * catalog, which is what hot-swaps a followed model. `slots` defaults to A and B.
 */
export function useDetectorsRuntime<S extends SlotId = CompareSlotId>(session: DesktopSession, slots?: readonly S[]): DesktopDetectors<S> {
  const [detectors] = useState(
    () =>
      new DesktopDetectors<S>({
        store: session.store,
        portOpen: workerStart,
        fetchCatalog: catalogFetchFrom(window.location.origin),
        serverOffsetMs: () => {
          const server = session.serverNowMs();
          return server === null ? null : server - desktopNowMs();
        },
        backendOrder: BACKEND_ORDER,
        wasmPath: new URL("/tfjs-wasm/", window.location.origin).href,
        slots,
      }),
  );

  useEffect(() => {
    detectors.open();
    void detectors.refreshCatalog();
    const off = session.onModelsChanged(() => void detectors.refreshCatalog());
    return () => {
      off();
      detectors.close();
    };
  }, [session, detectors]);

  return detectors;
}

/** The room view's runtime: slots A and B, shared by the live panel's parts. */
export function DetectorsProvider({ session, children }: { session: DesktopSession; children: ReactNode }) {
  const detectors = useDetectorsRuntime(session);
  return <DetectorsContext.Provider value={detectors}>{children}</DetectorsContext.Provider>;
}

export function useDetectors(): DesktopDetectors {
  const d = useContext(DetectorsContext);
  if (!d) throw new Error("useDetectors needs a DetectorsProvider above it");
  return d;
}

export function useDetectorsState(): DetectorsState {
  return useDetectorsStateOf(useDetectors());
}

/** The state of a runtime passed by props (a scene's, which has its own slots). */
export function useDetectorsStateOf<S extends SlotId>(d: DesktopDetectors<S>): DetectorsState<S> {
  return useSyncExternalStore(d.subscribe, d.getState, d.getState);
}
