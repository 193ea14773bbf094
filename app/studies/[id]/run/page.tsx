import type { Metadata } from "next";
import { Suspense } from "react";
import { StudyConsole } from "@/components/studies/console/study-console";

export const metadata: Metadata = { title: "Wristlab · Study console" };

/** /studies/<id>/run[?room=CODE&participant=P01]: the facilitator's console. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <StudyConsole studyId={id} />
    </Suspense>
  );
}
