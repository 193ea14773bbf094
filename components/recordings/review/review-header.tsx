import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { RecordingDetail } from "@/lib/protocol/recordings";
import { ExportMenu, LINK_BUTTON } from "./export-menu";
import { recordingBounds } from "./recording-bounds";
import { clockText, countText } from "./review-format";
import { ReviewName } from "./review-name";

export interface ReviewHeaderProps {
  detail: RecordingDetail;
  labelCount: number;
  onRename(name: string): Promise<void>;
}

function StatusBadge({ detail }: { detail: RecordingDetail }) {
  if (detail.status === "recording")
    return (
      <Badge tone="info" dot="pulse">
        Recording
      </Badge>
    );
  if (detail.status === "interrupted")
    return (
      <Badge tone="warn" dot data-testid="status-interrupted" title="The recording ended without being stopped; it has every sample stored until then.">
        Interrupted{detail.endReason ? `: ${detail.endReason}` : ""}
      </Badge>
    );
  return (
    <Badge tone="good" dot>
      Complete
    </Badge>
  );
}

/** Name, state and facts of the recording, and where it can go next: exports, replay, the list. */
export function ReviewHeader({ detail, labelCount, onRename }: ReviewHeaderProps) {
  const bounds = recordingBounds(detail);
  const started = new Date(detail.startedAtMs).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  const facts = [
    started,
    `${clockText(bounds.endMs - bounds.startMs)} long`,
    detail.devices.length === 1 ? detail.devices[0]!.name : countText(detail.devices.length, "device"),
    countText(labelCount, "label"),
    countText(detail.events.length, "event"),
    detail.origin === "import" && detail.importedFrom ? `imported from ${detail.importedFrom}` : detail.room ? `room ${detail.room}` : null,
  ].filter((f): f is string => f !== null);

  return (
    <header className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <ReviewName name={detail.name} onRename={onRename} />
        <StatusBadge detail={detail} />
        <div className="ml-auto flex flex-wrap items-center gap-x-5 gap-y-2">
          <ExportMenu detail={detail} />
          <Link href={`/recordings?replay=${encodeURIComponent(detail.id)}`} className={LINK_BUTTON} data-testid="replay-link">
            Replay…
          </Link>
        </div>
      </div>
      <p className="px-1 text-base text-slate-300">{facts.join(" · ")}</p>
    </header>
  );
}
