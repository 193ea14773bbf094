import type { Metadata } from "next";
import { SceneGallery } from "@/components/scenes/scene-gallery";

export const metadata: Metadata = {
  title: "Wristlab · Scenes",
};

export default function ScenesPage() {
  return <SceneGallery />;
}
