import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ScenePage } from "@/components/scenes/scene-page";
import { SCENES, sceneFind } from "@/components/scenes/registry";

export function generateStaticParams() {
  return SCENES.map((s) => ({ id: s.logic.id }));
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const scene = sceneFind((await params).id);
  return { title: scene ? `Wristlab · ${scene.logic.title}` : "Wristlab · Scenes" };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!sceneFind(id)) notFound();
  return <ScenePage sceneId={id} />;
}
