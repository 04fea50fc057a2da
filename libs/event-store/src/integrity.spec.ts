import type { RecordedEvent } from './event-store.port';
import { canonicalJson, chain, createChainVerifier, occurredAtOf } from './integrity';

const metadata = {
  correlationId: 'c',
  causationId: 'c',
  actor: { type: 'system', id: 't' },
} as const;
const stream = (name: string, count: number): RecordedEvent[] =>
  chain(
    Array.from({ length: count }, (_, revision) => ({
      id: `${name}-${revision}`,
      stream: name,
      revision,
      type: 'T',
      data: { n: revision },
      metadata,
    })),
    null,
  ).map((event, index) => ({ ...event, position: BigInt(index + 1), recordedAt: 't' }));
const breaks = (events: RecordedEvent[]) => {
  const verifier = createChainVerifier();
  return events.map((event) => verifier.next(event)).filter((found) => found !== null);
};

describe('integrity chain', () => {
  it('given an untouched history, finds nothing', () =>
    expect(breaks([...stream('a', 3), ...stream('b', 2)])).toEqual([]));

  it('given an altered event, names it, even the last one of its stream', () => {
    const events = stream('a', 3);
    const altered = events.map((event, i) => (i === 2 ? { ...event, data: { n: 99 } } : event));
    expect(breaks(altered)[0]).toMatchObject({
      event: { id: 'a-2' },
      problem: expect.stringContaining('hash'),
    });
  });

  it('given an event moved in time through its stamp, names it', () => {
    const events = chain(
      [
        {
          id: 'e',
          stream: 't',
          revision: 0,
          type: 'T',
          data: {},
          metadata: { ...metadata, occurredAt: '2026-01-01T00:00:00.000Z' },
        },
      ],
      null,
    ).map((event) => ({ ...event, position: 1n, recordedAt: 't' }));
    const moved = events.map((event) => ({
      ...event,
      metadata: { ...event.metadata, occurredAt: '2025-01-01T00:00:00.000Z' },
    }));
    expect(breaks(moved)[0]).toMatchObject({ event: { id: 'e' } });
    expect(occurredAtOf(events[0]!)).toBe('2026-01-01T00:00:00.000Z');
    expect(occurredAtOf({ metadata, recordedAt: 'stored-time' })).toBe('stored-time');
  });

  it('given a removed event, names the one after the gap', () => {
    const events = stream('a', 3);
    expect(breaks([events[0]!, events[2]!])[0]).toMatchObject({ event: { id: 'a-2' } });
  });

  it('given a re-hashed forgery, still catches the broken link', () => {
    const events = stream('a', 3);
    const [forged] = chain([{ ...events[1]!, data: { n: 42 } }], 'not-the-real-predecessor');
    const history = [
      events[0]!,
      { ...events[1]!, ...forged!, position: 2n, recordedAt: 't' },
      events[2]!,
    ];
    expect(breaks(history)[0]).toMatchObject({ event: { id: 'a-1' } });
  });

  it('hashes the same content the same way whatever the key order', () =>
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(
      canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }),
    ));
});
