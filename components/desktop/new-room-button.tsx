"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Starts a new room. With phones connected it asks for a second click first: a stray
 * click mid-demo would otherwise send everyone back to scanning.
 */
export function NewRoomButton({ onNewRoom, devicesConnected }: { onNewRoom: () => Promise<void>; devicesConnected: number }) {
  const [armed, setArmed] = useState(false);
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");

  useEffect(() => {
    if (!armed) return;
    const t = setTimeout(() => setArmed(false), 4000);
    return () => clearTimeout(t);
  }, [armed]);

  const click = () => {
    if (devicesConnected > 0 && !armed) return setArmed(true);
    setArmed(false);
    setState("busy");
    onNewRoom().then(
      () => setState("idle"),
      () => setState("failed"),
    );
  };

  return (
    <div className="flex flex-col gap-1">
      <Button variant={armed ? "danger" : "secondary"} size="sm" onClick={click} disabled={state === "busy"}>
        {armed ? `Disconnect ${devicesConnected} device${devicesConnected > 1 ? "s" : ""}? Click again` : "New room"}
      </Button>
      {state === "failed" && <p className="text-sm text-amber-200">Could not create a room: is the server running?</p>}
    </div>
  );
}
