/** Joins class names, skipping falsy ones, so conditional Tailwind classes read as a list. */
export function cx(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
}
