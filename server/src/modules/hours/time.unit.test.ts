import { describe, expect, it } from 'vitest';
import { minutesFree } from './service.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 4, 1, 1, minute));
const span = (from: number, to: number) => ({ from: at(from), to: at(to) });

describe('minutesFree', () => {
  it('counts the minutes of an interval outside every taken span, overlapping spans once', () => {
    expect(minutesFree(span(0, 120), [])).toBe(120);
    expect(minutesFree(span(0, 120), [span(60, 180)])).toBe(60);
    expect(minutesFree(span(0, 120), [span(50, 70), span(10, 20), span(15, 30)])).toBe(80);
    expect(minutesFree(span(0, 120), [span(0, 120)])).toBe(0);
    expect(minutesFree(span(30, 30), [])).toBe(0);
  });
});
