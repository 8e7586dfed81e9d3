/** One measured figure beside its target. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
  better: "lower" | "higher";
  note?: string | undefined;
}

export function formatResults(results: BenchResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length));
  return results
    .map((r) => {
      const met = r.better === "lower" ? r.value <= r.target : r.value >= r.target;
      const value = `${r.value.toFixed(r.value < 10 ? 2 : 1)} ${r.unit}`;
      return `${met ? "PASS" : "MISS"}  ${r.name.padEnd(width)}  ${value.padStart(10)}  (target ${r.better === "lower" ? "<=" : ">="} ${r.target} ${r.unit})${r.note ? `  ${r.note}` : ""}`;
    })
    .join("\n");
}
