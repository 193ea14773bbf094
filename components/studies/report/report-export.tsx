"use client";

import { useId, useState } from "react";
import { LINK_BUTTON } from "@/components/recordings/review/export-menu";
import { Button } from "@/components/ui/button";
import { studiesApi } from "@/lib/client/studies-api";

/**
 * Downloads of the trials (CSV, JSON) and the printout. Notes stay out of the files
 * unless asked for: they are free text, and a facilitator may have written a name.
 */
export function ReportExport({ studyId }: { studyId: string }) {
  const [notes, setNotes] = useState(false);
  const notesId = useId();
  return (
    <div data-testid="report-export" className="flex flex-wrap items-center gap-x-4 gap-y-3 print:hidden">
      <span className="text-sm text-slate-400">Export trials</span>
      <a href={studiesApi.exportUrl(studyId, "csv", notes)} download className={LINK_BUTTON} data-testid="report-export-csv" title="One row per trial, for a spreadsheet or R">
        CSV
      </a>
      <a href={studiesApi.exportUrl(studyId, "json", notes)} download className={LINK_BUTTON} data-testid="report-export-json" title="The trials and the figures, as JSON">
        JSON
      </a>
      <label htmlFor={notesId} className="flex min-h-11 cursor-pointer items-center gap-3 text-base text-slate-200">
        <input
          id={notesId}
          type="checkbox"
          data-testid="report-export-notes"
          checked={notes}
          onChange={(e) => setNotes(e.target.checked)}
          className="size-5 accent-sky-400"
        />
        <span>
          Include facilitator notes <span className="text-slate-400">(free text may identify someone)</span>
        </span>
      </label>
      <Button data-testid="report-print" onClick={() => window.print()}>
        Print…
      </Button>
    </div>
  );
}
