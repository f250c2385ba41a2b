import { describe, expect, it } from 'vitest';
import { companyTextFeatures } from './company-text-features.ts';
import { bestBinaryThreshold, bestScoreScale } from './tune-company-model.ts';

const binary = (first: number) => Float64Array.of(first / 2, -first / 2);

describe('bestBinaryThreshold', () => {
  it('moves the threshold to where macro-F1 is highest, and keeps 0 when that is already best', () => {
    // Every first-label row has margin above 1, every second-label row below it: 1 separates them.
    const margins = [3, 2, 1.5, 0.5, 0.2, -1].map(binary);
    expect(bestBinaryThreshold(margins, [0, 0, 0, 1, 1, 1])).toBeCloseTo(1, 5);
    expect(bestBinaryThreshold([1, 0.5, -0.5, -1].map(binary), [0, 0, 1, 1])).toBe(0);
  });
});

describe('bestScoreScale', () => {
  it('sharpens scores for margins that are always right, and softens them for margins that are often wrong', () => {
    const right = [binary(1), binary(-1), binary(1), binary(-1)];
    expect(bestScoreScale(right, [0, 1, 0, 1])).toBe(24);
    expect(bestScoreScale(right, [0, 1, 1, 0])).toBe(0.5);
  });
});

describe('companyTextFeatures', () => {
  it('counts word n-grams and character n-grams in separate blocks, the same way every time', () => {
    const spec = { wordMax: 2, charMin: 2, charMax: 3, charScope: 'text' } as const;
    const features = companyTextFeatures('Wifi down, wifi!', spec);
    // words: wifi, down, wifi, ! (3 distinct) + pairs: _start_ wifi, wifi down, down wifi, wifi !, ! _end_
    expect(features.words.indices.length).toBe(3 + 5);
    expect(Math.max(...features.words.counts)).toBe(2);
    expect(companyTextFeatures('wifi down, WIFI!', spec)).toEqual(features);
    const inWords = companyTextFeatures('ab', { ...spec, charScope: 'word' });
    // " ab ": " a", "ab", "b ", " ab", "ab "
    expect(inWords.chars.indices.length).toBe(5);
  });
});
