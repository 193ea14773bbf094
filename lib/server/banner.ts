import QRCode from "qrcode";

/** What the terminal shows on start: where the desktop and the phones go. */
export async function bannerText(opts: {
  httpUrl: string;
  phoneUrls: string[];
  certNote: string | null;
  dev: boolean;
  /** Folders watched for checkpoints, so an engineer knows where to copy one. */
  modelDirs?: readonly string[];
}): Promise<string> {
  const lines = [
    "",
    `  Wristlab${opts.dev ? " (dev)" : ""} is running.`,
    "",
    `  Desktop:  ${opts.httpUrl}`,
  ];
  if (opts.phoneUrls.length === 0) {
    lines.push("  Phones:   no LAN address found; connect this machine to the phone's Wi-Fi.");
  } else {
    for (const url of opts.phoneUrls) lines.push(`  Phone:    ${url}/phone`);
  }
  if (opts.modelDirs?.length) lines.push(`  Models:   ${opts.modelDirs.join(" and ")} (copy a checkpoint folder in to hot-swap it)`);
  if (opts.certNote) lines.push("", `  ${opts.certNote}`);
  const first = opts.phoneUrls[0];
  if (first) {
    const qr = await QRCode.toString(`${first}/phone`, { type: "terminal", small: true });
    lines.push("", "  Scan with the phone (or scan the room QR on the desktop page):", qr);
  }
  return lines.join("\n");
}
