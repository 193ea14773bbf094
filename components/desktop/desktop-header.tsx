import type { ReactNode } from "react";

/** The top bar: product name on the left, live controls (passed in) on the right. */
export function DesktopHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="sticky top-0 z-30 flex h-[72px] shrink-0 items-center gap-6 border-b border-slate-800 bg-[#0b0f14]/95 px-6 backdrop-blur">
      <div className="flex items-center gap-3">
        <svg aria-hidden viewBox="0 0 32 32" className="size-9">
          <rect x="9" y="2" width="14" height="28" rx="4" fill="none" stroke="#38bdf8" strokeWidth="2.5" />
          <path d="M3 18 L7 14 L11 20 L15 9 L19 23 L23 12 L26 16 L29 16" fill="none" stroke="#e2e8f0" strokeWidth="2.2" strokeLinejoin="round" strokeLinecap="round" />
        </svg>
        <div className="leading-tight">
          <div className="text-xl font-bold tracking-tight text-slate-50">Wristlab</div>
          <div className="hidden text-sm whitespace-nowrap text-slate-400 2xl:block">Live phone motion</div>
        </div>
      </div>
      <div className="ml-auto flex min-w-0 items-center gap-4">{children}</div>
    </header>
  );
}
