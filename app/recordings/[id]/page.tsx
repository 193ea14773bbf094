import type { Metadata } from "next";
import { ReviewPage } from "@/components/recordings/review/review-page";
import { linkSpan } from "@/components/recordings/review/review-link";

export const metadata: Metadata = { title: "Wristlab · Review recording" };

/**
 * /recordings/<id>: the review timeline; the recording itself is fetched in the browser, where it is edited.
 * `?from=MS&to=MS` (recording clock) opens it zoomed to that span, read here so no Suspense boundary is needed.
 */
export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { from, to } = await searchParams;
  return <ReviewPage id={id} span={linkSpan(from, to)} />;
}
