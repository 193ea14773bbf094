import type { Metadata } from "next";
import { RecordingsList } from "@/components/recordings/recordings-list";

export const metadata: Metadata = {
  title: "Wristlab · Recordings",
};

/** `?replay=ID` (a link from a review page) opens that recording's replay dialog; read on the server so no Suspense boundary is needed. */
export default async function RecordingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { replay } = await searchParams;
  return <RecordingsList replayId={typeof replay === "string" && replay !== "" ? replay : null} />;
}
