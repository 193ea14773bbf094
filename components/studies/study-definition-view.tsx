import type { ReactNode } from "react";
import { sceneFind } from "@/components/scenes/registry";
import type { StudyDefinition } from "@/lib/protocol/studies";
import { choiceSummary, detectorDecision, roleThreshold, sceneOptionsText } from "@/lib/studies/study-draft";

const PANEL = "rounded-2xl border border-slate-700 bg-slate-900/60 p-5";
/** Read-only: a model's manifest is not fetched here, so its threshold reads "its own" unless the condition sets one. */
const noModelLookup = () => null;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-sm font-semibold text-slate-400">{label}</dt>
      <dd className="mt-1 text-base break-words text-slate-100">{children}</dd>
    </div>
  );
}

/** A study's definition as read: scene, rest, consent text, task script and conditions. */
export function StudyDefinitionView({ definition: d }: { definition: StudyDefinition }) {
  const logic = sceneFind(d.sceneId)?.logic;
  const roleLabel = (id: string) => logic?.roles.find((r) => r.id === id)?.label ?? id;

  return (
    <div data-testid="study-definition" className="flex flex-col gap-5">
      <section className={PANEL}>
        <dl className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,3fr)] gap-5">
          <Fact label="Scene">{logic?.title ?? `${d.sceneId} (not in this build)`}</Fact>
          <Fact label="Rest between trials">{d.restS} s</Fact>
          <Fact label="Consent text (shown on the phone)">
            <span className="whitespace-pre-line">{d.consentText}</span>
          </Fact>
        </dl>
      </section>

      <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-5">
        <section className={PANEL}>
          <h2 className="text-xl font-semibold text-slate-50">
            Task script <span className="text-base font-normal text-slate-400">({d.trials.length} trials per condition)</span>
          </h2>
          <ol data-testid="study-trials" className="mt-3 flex flex-col divide-y divide-slate-800">
            {d.trials.map((t, i) => (
              <li key={i} className="flex items-baseline gap-3 py-2">
                <span className="w-8 shrink-0 text-right tabular-nums text-slate-400">{i + 1}.</span>
                <span className="min-w-0 flex-1 break-words text-slate-100">{t.prompt}</span>
                <span className="shrink-0 text-sm text-slate-300">{roleLabel(t.role)}</span>
                <span className="w-16 shrink-0 text-right text-sm tabular-nums text-slate-400">{t.timeLimitS} s</span>
              </li>
            ))}
          </ol>
        </section>

        <section className={PANEL}>
          <h2 className="text-xl font-semibold text-slate-50">Conditions</h2>
          <ul data-testid="study-conditions" className="mt-3 flex flex-col gap-3">
            {d.conditions.map((c) => (
              <li key={c.id} data-condition={c.id} className="rounded-xl border border-slate-700 bg-slate-950/40 p-4">
                <p className="font-semibold break-words text-slate-50">{c.name}</p>
                <ul className="mt-1 flex flex-col gap-0.5">
                  {Object.entries(c.settings.roles).map(([roleId, role]) => {
                    const threshold = roleThreshold(role, detectorDecision(role.choice, noModelLookup));
                    return (
                      <li key={roleId} className="break-words text-slate-200">
                        <span className="text-slate-400">{roleLabel(roleId)}:</span> {choiceSummary(role.choice)}
                        {role.choice && <span className="text-slate-400"> · threshold {threshold ?? "its own"}</span>}
                      </li>
                    );
                  })}
                </ul>
                {logic && logic.options.length > 0 && <p className="mt-1 text-sm text-slate-400">{sceneOptionsText(logic, c.settings)}</p>}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
