import Link from "next/link";
import { Button } from "@/components/ui/button";
import { RecordingsApiError } from "@/lib/client/recordings-api";

const LINK = "inline-flex h-11 items-center rounded-lg px-4 font-medium";

/** Why the recording could not be opened, in words a person can act on, and the ways out. */
export function ReviewError({ id, error, retry }: { id: string; error: unknown; retry(): void }) {
  const status = error instanceof RecordingsApiError ? error.status : -1;
  const message = error instanceof Error ? error.message : String(error);
  const [title, text] =
    status === 404
      ? ["Recording not found", `There is no recording “${id}”. It may have been deleted, or the link is incomplete.`]
      : status === 0
        ? ["Cannot reach the server", `${message} Check that the Wristlab server is running, then try again.`]
        : ["Cannot open this recording", message];
  return (
    <main data-testid="review-error" className="flex flex-1 flex-col items-center justify-center gap-5 p-8 text-center">
      <h1 className="text-4xl font-bold text-slate-50">{title}</h1>
      <p className="max-w-xl text-lg text-slate-300">{text}</p>
      <div className="flex gap-3">
        {status !== 404 && (
          <Button variant="primary" onClick={retry}>
            Try again
          </Button>
        )}
        {/* Without a retry, the list is the one way on: make it the obvious button. */}
        <Link href="/recordings" className={`${LINK} ${status === 404 ? "bg-sky-400 text-slate-950 hover:bg-sky-300" : "text-slate-300 hover:bg-slate-800"}`}>
          All recordings
        </Link>
      </div>
    </main>
  );
}
