/** A compact line diff (LCS) for short command outputs: `-` real engine, `+` simulator. */
export function lineDiff(expected: string, actual: string, context = 1): string[] {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: { tag: " " | "-" | "+"; line: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ tag: " ", line: a[i++]! }), j++;
    else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) ops.push({ tag: "+", line: b[j++]! });
    else ops.push({ tag: "-", line: a[i++]! });
  }
  const keep = ops.map((op, k) => op.tag !== " " || ops.slice(Math.max(0, k - context), k + context + 1).some((o) => o.tag !== " "));
  const out: string[] = [];
  ops.forEach((op, k) => {
    if (keep[k]) out.push(`${op.tag} ${op.line}`);
    else if (keep[k - 1]) out.push("  …");
  });
  return out;
}
