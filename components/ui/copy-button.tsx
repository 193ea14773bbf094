"use client";

import { useEffect, useState } from "react";
import { Button, type ButtonProps } from "./button";

/** Clipboard API where the page is a secure context; the old selection trick elsewhere (e.g. a LAN IP over HTTP). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

export function CopyButton({ text, label = "Copy", ...rest }: { text: string; label?: string } & Omit<ButtonProps, "onClick">) {
  const [result, setResult] = useState<"copied" | "failed" | null>(null);

  useEffect(() => {
    if (!result) return;
    const t = setTimeout(() => setResult(null), 1600);
    return () => clearTimeout(t);
  }, [result]);

  return (
    <Button {...rest} onClick={() => void copyText(text).then((ok) => setResult(ok ? "copied" : "failed"))} aria-live="polite">
      {result === "copied" ? "Copied ✓" : result === "failed" ? "Copy failed" : label}
    </Button>
  );
}
