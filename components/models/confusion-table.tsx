import { NONE_COLUMN, type Confusion } from "@/lib/eval/metrics";

/** Rows are what happened, columns what was detected; the diagonal is right, shade shows the share of the row. */
export function ConfusionTable({ confusion: c }: { confusion: Confusion }) {
  return (
    <table data-testid="confusion" className="w-full text-center text-sm tabular-nums">
      <thead>
        <tr className="text-slate-400">
          <th className="p-1 text-left font-medium">true ↓ / detected →</th>
          {c.cols.map((col) => (
            <th key={col} className="p-1 font-medium">
              {col}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {c.rows.map((row, i) => {
          const counts = c.counts[i] ?? [];
          const total = counts.reduce((a, b) => a + b, 0) || 1;
          return (
            <tr key={row}>
              <th className="p-1 text-left font-medium text-slate-300">{row}</th>
              {counts.map((n, j) => {
                // Right: the gesture detected as itself, or motion that is none of the classes detected as nothing.
                const right = row === c.cols[j] || (!c.cols.includes(row) && c.cols[j] === NONE_COLUMN);
                const alpha = Math.min(0.85, (n / total) * 0.85);
                return (
                  <td
                    key={c.cols[j]}
                    className="p-1 text-slate-100"
                    style={{ background: n ? `rgba(${right ? "52, 211, 153" : "248, 113, 113"}, ${alpha.toFixed(2)})` : undefined }}
                  >
                    {n}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
