import Link from "next/link";
import type { ReactNode } from "react";
import { DesktopHeader } from "./desktop-header";

const LINK = "inline-flex h-11 items-center rounded-lg px-3 text-base font-medium whitespace-nowrap text-slate-200 hover:bg-slate-800";

/**
 * The frame of the list pages (recordings, studies): the header with the ways to the
 * other pages, the page's width, and what goes over it (dialogs).
 */
export function PageShell({ links, children, overlay }: { links: readonly { href: string; label: string }[]; children: ReactNode; overlay?: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <DesktopHeader>
        {links.map((l) => (
          <Link key={l.href} href={l.href} className={LINK}>
            {l.label}
          </Link>
        ))}
      </DesktopHeader>
      <main className="mx-auto flex w-full max-w-[110rem] flex-col gap-6 p-8">{children}</main>
      {overlay}
    </div>
  );
}
