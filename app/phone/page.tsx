import type { Metadata } from "next";
import { PhoneApp } from "@/components/phone/phone-app";

export const metadata: Metadata = {
  title: "Wristlab phone",
};

/** The room comes from the QR code's link (`/phone?room=K7QM4X`), read on the server so the first paint is right. */
export default async function PhonePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { room } = await searchParams;
  return <PhoneApp initialRoom={typeof room === "string" ? room : null} />;
}
