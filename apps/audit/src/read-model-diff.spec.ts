import { describeDifference, diffCollection } from './read-model-diff';

describe('read-model comparison', () => {
  const doc = (id: string, fields: Record<string, unknown> = {}) => ({ id, name: 'n', ...fields });

  it('given equal collections, whatever the key order, finds nothing', () => {
    const live = [{ id: 'a', x: { p: 1, q: 2 }, name: 'n' }];
    const rebuilt = [doc('a', { x: { q: 2, p: 1 } })];
    expect(diffCollection('c', live, rebuilt)).toEqual([]);
  });

  it('given a document on one side only, says which side misses it', () =>
    expect(diffCollection('c', [doc('a'), doc('b')], [doc('b'), doc('c')])).toEqual([
      { collection: 'c', id: 'a', problem: 'missing in rebuild' },
      { collection: 'c', id: 'c', problem: 'missing in live' },
    ]));

  it('given a changed document, names the fields and never the values', () => {
    const [difference] = diffCollection(
      'profiles_v1',
      [doc('u1', { email: 'ada@example.com', extra: 1 })],
      [doc('u1', { email: 'eve@example.com' })],
    );
    expect(difference).toEqual({
      collection: 'profiles_v1',
      id: 'u1',
      problem: 'different',
      fields: ['email', 'extra'],
    });
    const line = describeDifference(difference!);
    expect(line).toBe('DIFF profiles_v1 u1: different (fields: email, extra)');
    expect(line).not.toMatch(/example\.com/);
  });
});
