import type { Metadata } from "next";
import { StudyObserver } from "@/components/studies/console/study-observer";

export const metadata: Metadata = { title: "Wristlab · Study observer" };

/** /studies/<id>/observe?room=CODE: the observer view for a second screen. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <StudyObserver studyId={id} />;
}
