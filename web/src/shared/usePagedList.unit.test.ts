import { describe, expect, it } from 'vitest';
import { withChanges } from './usePagedList';

const wish = (id: number, status: string) => ({ id, status });

describe('a page and the rows changed while it loaded', () => {
  const approved = { item: wish(5, 'published'), at: 200 };

  it('replaces the page’s older copy of a row changed after the request left', () => {
    expect(withChanges([wish(5, 'submitted'), wish(4, 'submitted')], [approved], 100, 'id', 'first'))
      .toEqual([wish(5, 'published'), wish(4, 'submitted')]);
  });

  it('keeps a row the change moved out of the query, when the page was answered after it', () => {
    expect(withChanges([wish(4, 'submitted')], [approved], 100, 'id', 'first')).toEqual([wish(5, 'published'), wish(4, 'submitted')]);
    // A further page does not bring it back a second time.
    expect(withChanges([wish(3, 'submitted')], [approved], 100, 'id', 'next')).toEqual([wish(3, 'submitted')]);
  });

  it('trusts a page asked for after the change', () => {
    expect(withChanges([wish(4, 'submitted')], [approved], 300, 'id', 'first')).toEqual([wish(4, 'submitted')]);
  });
});
