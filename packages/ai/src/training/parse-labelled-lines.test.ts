import { describe, expect, it } from 'vitest';
import { parseLabelledLines } from './parse-labelled-lines.ts';

describe('parseLabelledLines', () => {
  it('reads text/label lines, skipping blank ones', () => {
    expect(parseLabelledLines('{"text":"a","label":"x"}\n\n{"text":"b","label":true}\n')).toEqual([
      { text: 'a', label: 'x' },
      { text: 'b', label: 'true' },
    ]);
  });

  it('rejects empty input, a single label and malformed lines, naming the line', () => {
    expect(() => parseLabelledLines('\n')).toThrow(/empty/);
    expect(() => parseLabelledLines('{"text":"a","label":"x"}\n{"text":"b","label":"x"}')).toThrow(/only one label/);
    expect(() => parseLabelledLines('{"text":"a","label":"x"}\n{oops')).toThrow(/line 2: not valid JSON/);
    expect(() => parseLabelledLines('{"text":"a","label":"x"}\n{"text":"b"}')).toThrow(/line 2: label/);
  });
});
