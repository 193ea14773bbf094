import { cx } from "@/components/ui/cx";
import { roomCodeFormat } from "@/lib/protocol/room-code";

/** The room code as people read it aloud: two groups of three, monospaced so 8 and B stay apart. */
export function RoomCode({ code, size = "md", className }: { code: string; size?: "md" | "lg"; className?: string }) {
  return (
    <div className={className}>
      <div className="text-sm font-semibold tracking-[0.2em] text-slate-400 uppercase">Room code</div>
      <div
        data-testid="room-code"
        className={cx("font-mono font-bold tracking-[0.08em] whitespace-nowrap text-slate-50", size === "lg" ? "text-6xl" : "text-5xl")}
      >
        {roomCodeFormat(code)}
      </div>
    </div>
  );
}
