import type { Metadata } from "next";
import { StudyList } from "@/components/studies/study-list";

export const metadata: Metadata = { title: "Wristlab · Studies" };

/** /studies: every usability study, and the editor for a new one; the list is read in the browser. */
export default function StudiesPage() {
  return <StudyList />;
}
