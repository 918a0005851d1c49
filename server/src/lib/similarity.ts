// Near-identical text, for pointing out likely duplicate wishes: the Dice coefficient of
// character bigrams (works for Chinese, which has no spaces), 1 = the same text.

function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(/[\s\p{P}]/gu, '')];
  const counts = new Map<string, number>();
  for (let i = 0; i < chars.length - 1; i += 1) {
    const gram = chars[i]! + chars[i + 1]!;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

export function textSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  const total = [...x.values(), ...y.values()].reduce((sum, n) => sum + n, 0);
  if (total === 0) return a === b ? 1 : 0;
  let shared = 0;
  for (const [gram, n] of x) shared += Math.min(n, y.get(gram) ?? 0);
  return (2 * shared) / total;
}
