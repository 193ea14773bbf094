import Link from "next/link";
import { Button } from "@/components/ui/button";
import { RecordingsApiError } from "@/lib/client/recordings-api";

/** Why the report could not be made, in the server's words, and the ways on. */
export function ReportError({ id, error, retry }: { id: string; error: unknown; retry(): void }) {
  const status = error instanceof RecordingsApiError ? error.status : -1;
  const message = error instanceof Error ? error.message : String(error);
  const [title, text] =
    status === 404
      ? ["Study not found", `There is no study “${id}”. It may have been deleted, or the link is incomplete.`]
      : status === 0
        ? ["Cannot reach the server", `${message} Check that the Wristlab server is running, then try again.`]
        : ["Cannot make the report", message];
  return (
    <main data-testid="report-error" className="flex flex-1 flex-col items-center justify-center gap-5 p-8 text-center">
      <h1 className="text-4xl font-bold text-slate-50">{title}</h1>
      <p role="alert" className="max-w-xl text-lg text-slate-300">
        {text}
      </p>
      <div className="flex gap-3">
        {status !== 404 && (
          <Button variant="primary" data-testid="report-retry" onClick={retry}>
            Try again
          </Button>
        )}
        <Link
          href="/studies"
          className={`inline-flex h-11 items-center rounded-lg px-4 font-medium ${status === 404 ? "bg-sky-400 text-slate-950 hover:bg-sky-300" : "text-slate-300 hover:bg-slate-800"}`}
        >
          All studies
        </Link>
      </div>
    </main>
  );
}
