import Link from "next/link";
import { RecordingsApiError } from "@/lib/client/recordings-api";
import { Button } from "./button";

const LINK = "inline-flex h-11 items-center rounded-lg px-4 font-medium";

interface PageErrorProps {
  /** The id from the link, and what it names ("recording"), for the 404 words. */
  id: string;
  noun: string;
  /** What the server or the network threw when the page's one read failed. */
  error: unknown;
  retry(): void;
  /** Heading for a refusal other than 404; the server's sentence is the text. */
  failedTitle: string;
  /** The list the page belongs to: the way on when there is nothing to retry. */
  backHref: string;
  backLabel: string;
  testId: string;
  retryTestId?: string;
}

/** Why a page could not be opened, in words a person can act on, and the ways out. */
export function PageError({ id, noun, error, retry, failedTitle, backHref, backLabel, testId, retryTestId }: PageErrorProps) {
  const status = error instanceof RecordingsApiError ? error.status : -1;
  const message = error instanceof Error ? error.message : String(error);
  const [title, text] =
    status === 404
      ? [`${noun.charAt(0).toUpperCase()}${noun.slice(1)} not found`, `There is no ${noun} “${id}”. It may have been deleted, or the link is incomplete.`]
      : status === 0
        ? ["Cannot reach the server", `${message} Check that the Wristlab server is running, then try again.`]
        : [failedTitle, message];
  return (
    <main data-testid={testId} className="flex flex-1 flex-col items-center justify-center gap-5 p-8 text-center">
      <h1 className="text-4xl font-bold text-slate-50">{title}</h1>
      <p role="alert" className="max-w-xl text-lg text-slate-300">
        {text}
      </p>
      <div className="flex gap-3">
        {status !== 404 && (
          <Button variant="primary" data-testid={retryTestId} onClick={retry}>
            Try again
          </Button>
        )}
        {/* Without a retry, the list is the one way on: make it the obvious button. */}
        <Link href={backHref} className={`${LINK} ${status === 404 ? "bg-sky-400 text-slate-950 hover:bg-sky-300" : "text-slate-300 hover:bg-slate-800"}`}>
          {backLabel}
        </Link>
      </div>
    </main>
  );
}
