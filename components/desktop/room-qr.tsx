"use client";

import { useMemo } from "react";
import { cx } from "@/components/ui/cx";
import { desktopQrPath } from "@/lib/client/desktop-qr";

/** The phone URL as a QR code: black on white whatever the theme, since phone cameras read that best. */
export function RoomQr({ url, className }: { url: string | null; className?: string }) {
  const qr = useMemo(() => (url === null ? null : desktopQrPath(url)), [url]);
  if (!qr || url === null) {
    return <div aria-hidden className={cx("aspect-square w-full animate-pulse rounded-2xl bg-slate-800", className)} />;
  }
  return (
    <svg
      data-testid="room-qr"
      role="img"
      aria-label={`QR code for ${url}`}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shapeRendering="crispEdges"
      className={cx("block aspect-square w-full rounded-2xl bg-white", className)}
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}
