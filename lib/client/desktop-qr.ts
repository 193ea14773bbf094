import { create } from "qrcode";

/** Light modules around the symbol; the QR spec asks for 4 so scanners find the edges. */
export const QR_QUIET_ZONE = 4;

export interface QrPath {
  /** Side of the square, in modules, quiet zone included. */
  size: number;
  /** SVG path data drawing every dark module as a 1x1 square. */
  path: string;
}

/**
 * A QR code as one SVG path, so React can render it as plain markup: it scales
 * crisply on a projector and needs neither a canvas nor an async encoder.
 * Level M survives a glare spot or a finger over a corner of the screen.
 */
export function desktopQrPath(text: string): QrPath {
  const { modules } = create(text, { errorCorrectionLevel: "M" });
  const n = modules.size;
  let path = "";
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (modules.get(row, col)) path += `M${col + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}h1v1h-1z`;
    }
  }
  return { size: n + 2 * QR_QUIET_ZONE, path };
}
