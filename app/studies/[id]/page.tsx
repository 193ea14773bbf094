import type { Metadata } from "next";
import { StudyDetail } from "@/components/studies/study-detail";

export const metadata: Metadata = { title: "Wristlab · Study" };

/** /studies/<id>: the study, its participants and its actions; fetched in the browser, where it is edited. */
export default async function StudyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <StudyDetail id={id} />;
}
