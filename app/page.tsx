import type { Metadata } from "next";
import { DesktopApp } from "@/components/desktop/desktop-app";

export const metadata: Metadata = {
  title: "Wristlab · Desktop",
};

export default function Home() {
  return <DesktopApp />;
}
