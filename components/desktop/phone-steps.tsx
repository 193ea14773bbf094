import { cx } from "@/components/ui/cx";

const STEPS = [
  { title: "Scan the QR code", detail: "with the phone's camera, on the same Wi-Fi as this computer." },
  { title: "Accept the certificate warning", detail: "once. Android: Advanced → Proceed. iPhone: Show Details → visit this website." },
  { title: "Tap Start", detail: "and allow motion access. The phone appears here within a second." },
];

/**
 * What to do on the phone: in full on the waiting screen, where it is the main
 * content; as three short titles beside live devices, where space goes to the charts.
 */
export function PhoneSteps({ large = false }: { large?: boolean }) {
  return (
    <ol className={cx("flex flex-col", large ? "gap-4" : "gap-1.5")}>
      {STEPS.map((step, i) => (
        <li key={step.title} className="flex items-start gap-3" title={large ? undefined : step.detail}>
          <span
            aria-hidden
            className={cx(
              "grid shrink-0 place-items-center rounded-full bg-sky-400 font-bold text-slate-950",
              large ? "size-9 text-lg" : "size-6 text-sm",
            )}
          >
            {i + 1}
          </span>
          <p className={cx("min-w-0", large ? "text-lg leading-snug 2xl:text-xl" : "text-sm leading-snug")}>
            <span className={large ? "font-semibold text-slate-50" : "text-slate-100"}>{step.title}</span>
            {large && <span className="text-slate-300"> {step.detail}</span>}
          </p>
        </li>
      ))}
    </ol>
  );
}
