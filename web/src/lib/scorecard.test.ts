import { describe, expect, it } from 'vitest';
import { gradeOf, suggestionFor, weightSum, weightedTotal } from './scorecard';

const indicators = [
  { key: 'volume', weight: 25 }, { key: 'payment', weight: 20 }, { key: 'tenure', weight: 15 },
  { key: 'complaints', weight: 15 }, { key: 'loyalty', weight: 15 }, { key: 'engagement', weight: 10 },
];

describe('scorecard arithmetic (as Domain/Assessment.cs)', () => {
  it('sums weights, ignoring blanks', () => {
    expect(weightSum(indicators)).toBe(100);
    expect(weightSum([{ weight: 60 }, { weight: null }, undefined, { weight: 30 }])).toBe(90);
  });

  it('weights the scores and rounds half to even at one decimal', () => {
    expect(weightedTotal(indicators, { volume: 100, payment: 100, tenure: 100, complaints: 100, loyalty: 100, engagement: 100 })).toBe(100);
    expect(weightedTotal(indicators, { volume: 80, payment: 90, tenure: 70, complaints: 60, loyalty: 85, engagement: 50 })).toBe(75.2); // 75.25 → 75.2 (half to even)
    expect(weightedTotal([{ key: 'a', weight: 25 }, { key: 'b', weight: 75 }], { a: 1, b: 0 })).toBe(0.2); // 0.25 → 0.2 (even)
    expect(weightedTotal([{ key: 'a', weight: 35 }, { key: 'b', weight: 65 }], { a: 1, b: 0 })).toBe(0.4); // 0.35 → 0.4 (even)
    expect(weightedTotal(indicators, {})).toBe(0);
  });

  it('grades by threshold and suggests a recommendation', () => {
    expect([85, 84.9, 70, 69.9, 50, 49.9].map(gradeOf)).toEqual(['A', 'B', 'B', 'C', 'C', 'D']);
    expect(['A', 'B', 'C', 'D'].map(suggestionFor)).toEqual(['Maintain', 'Maintain', 'Improve', 'Terminate']);
  });
});
