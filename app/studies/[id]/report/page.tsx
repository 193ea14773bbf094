import type { Metadata } from "next";
import { StudyReport } from "@/components/studies/report/study-report";

export const metadata: Metadata = { title: "Wristlab · Study report" };

/** /studies/<id>/report: the results are read in the browser, where they can be reloaded, exported and printed. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <StudyReport id={id} />;
}
