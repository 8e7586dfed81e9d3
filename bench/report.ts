/** One measured figure beside its target. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** Absent for figures shown for context, without a target of their own. */
  target?: number;
  better: "lower" | "higher";
  note?: string | undefined;
}

export function formatResults(results: BenchResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length));
  return results
    .map((r) => {
      const value = `${r.value.toFixed(r.value < 10 ? 2 : 1)} ${r.unit}`;
      const verdict = r.target === undefined ? "INFO" : (r.better === "lower" ? r.value <= r.target : r.value >= r.target) ? "PASS" : "MISS";
      const target = r.target === undefined ? "(no target)" : `(target ${r.better === "lower" ? "<=" : ">="} ${r.target} ${r.unit})`;
      return `${verdict}  ${r.name.padEnd(width)}  ${value.padStart(10)}  ${target}${r.note ? `  ${r.note}` : ""}`;
    })
    .join("\n");
}
