import type { Metadata } from "next";
import { ReviewPage } from "@/components/recordings/review/review-page";

export const metadata: Metadata = { title: "Wristlab · Review recording" };

/** /recordings/<id>: the review timeline; the recording itself is fetched in the browser, where it is edited. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ReviewPage id={id} />;
}
