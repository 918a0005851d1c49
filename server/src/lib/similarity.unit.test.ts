import { expect, it } from 'vitest';
import { textSimilarity } from './similarity.ts';

it('scores near-identical Chinese text high and unrelated text low', () => {
  expect(textSimilarity('想要一个新书包上学用', '想要一个新书包，上学用！')).toBe(1);
  expect(textSimilarity('想要一个新书包上学用', '想要个新书包上学')).toBeGreaterThan(0.7);
  expect(textSimilarity('想要一个新书包上学用', '希望有人陪我去医院复查')).toBeLessThan(0.2);
  expect(textSimilarity('', '')).toBe(1);
});
