// The relationship scorecard's arithmetic, as the API computes it (Domain/Assessment.cs), so forms can show
// the weighted total, grade and suggested recommendation live. The API stays the authority when saving.
import type { Schemas } from '@/lib/api/client';

export type Recommendation = Schemas['Recommendation'];
type Indicator = { weight?: number | null };

/** Sum of the weights (must be 100 to publish). Empty or invalid weights count as 0. */
export function weightSum(indicators: readonly (Indicator | undefined | null)[] | undefined): number {
  return (indicators ?? []).reduce((sum, i) => sum + (Number.isFinite(i?.weight) ? Number(i?.weight) : 0), 0);
}

/** Total = Σ weight × score / 100, rounded to one decimal half-to-even (as .NET's Math.Round on decimals). */
export function weightedTotal(indicators: readonly { key: string; weight: number }[], scores: Record<string, number | null | undefined>): number {
  const sum = indicators.reduce((acc, i) => acc + i.weight * (scores[i.key] ?? 0), 0); // hundredths of a point
  const tenths = Math.floor(sum / 10);
  const rest = sum - tenths * 10;
  const rounded = rest > 5 ? tenths + 1 : rest < 5 ? tenths : tenths + (tenths % 2);
  return rounded / 10;
}

export const gradeThresholds: { grade: string; from: number }[] = [
  { grade: 'A', from: 85 },
  { grade: 'B', from: 70 },
  { grade: 'C', from: 50 },
  { grade: 'D', from: 0 },
];

export function gradeOf(total: number): string {
  return gradeThresholds.find((g) => total >= g.from)?.grade ?? 'D';
}

export function suggestionFor(grade: string): Recommendation {
  return grade === 'A' || grade === 'B' ? 'Maintain' : grade === 'C' ? 'Improve' : 'Terminate';
}

export const gradeColors: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
