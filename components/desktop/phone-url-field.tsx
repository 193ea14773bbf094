"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { Select } from "@/components/ui/select";
import type { PhoneUrlState } from "./use-phone-url";

/** Breaks a long URL only after its host, so a narrow column never splits a port number. */
function UrlText({ url }: { url: string }) {
  const cut = url.indexOf("/phone");
  if (cut < 0) return url;
  return (
    <>
      {url.slice(0, cut)}
      <wbr />
      {url.slice(cut)}
    </>
  );
}

/** The phone URL as text (for typing it, or sending it to a phone), with the network to use when there are several. */
export function PhoneUrlField({ phone, stacked = false }: { phone: PhoneUrlState; stacked?: boolean }) {
  return (
    <div className="flex flex-col gap-2">
      <div className={stacked ? "flex flex-col items-start gap-2" : "flex items-center gap-2"}>
        <code
          data-testid="phone-url"
          className="w-full min-w-0 flex-1 rounded-lg border border-slate-700 bg-slate-950/60 px-3 py-2 font-mono text-sm break-words text-sky-100"
        >
          {phone.url ? <UrlText url={phone.url} /> : "Looking up this computer's address…"}
        </code>
        {phone.url && <CopyButton text={phone.url} size="sm" />}
      </div>
      {phone.bases.length > 1 && (
        <label className="flex items-center gap-2 text-sm text-slate-300">
          Network
          <Select value={phone.base ?? ""} onChange={(e) => phone.setBase(e.target.value)} compact className="min-w-0 flex-1">
            {phone.bases.map((b) => (
              <option key={b} value={b}>
                {new URL(b).hostname}
              </option>
            ))}
          </Select>
        </label>
      )}
      {phone.noLan && (
        <p role="status" className="rounded-lg border border-amber-400/60 bg-amber-400/10 px-3 py-2 text-sm text-amber-100">
          No Wi-Fi/LAN address found: connect this computer to the phone&apos;s network.
        </p>
      )}
    </div>
  );
}
