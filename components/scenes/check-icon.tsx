/** The tick a scene's watch screen shows next to something done. */
export function CheckIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-[1em] text-emerald-400" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round">
      <path d="m5 12.5 4.5 4.5L19 7.5" />
    </svg>
  );
}
