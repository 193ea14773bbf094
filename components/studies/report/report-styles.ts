/**
 * Class lists shared by the report's sections. On paper (print: variants) a section
 * drops its panel look and keeps to one page where it fits; a table shows every
 * column (no scroll box) and never splits a row.
 */

export const SECTION =
  "flex flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-900/60 p-5 break-inside-avoid print:gap-2 print:rounded-none print:border-0 print:p-0";

export const SECTION_TITLE = "text-2xl font-semibold text-slate-50 print:text-lg";

/** A line under a section's title saying how to read it. */
export const SECTION_NOTE = "text-base text-slate-400 print:text-xs";

export const TABLE_WRAP = "overflow-x-auto print:overflow-visible";

export const TABLE = "w-full border-collapse text-left text-base print:text-[10px] print:leading-snug";

export const TH = "px-2 py-2 align-bottom text-sm font-semibold text-slate-400 xl:px-3 print:px-1 print:py-1 print:text-[10px]";

export const TD = "border-t border-slate-800 px-2 py-2 align-top xl:px-3 print:px-1 print:py-0.5";

export const NUM = "text-right tabular-nums whitespace-nowrap";

/** A column of short figures: as narrow as its content, so the spare width goes to the text columns. */
export const NARROW = "w-px";

export const ROW = "break-inside-avoid";

export const LINK = "text-sky-300 underline underline-offset-4 hover:text-sky-200";
