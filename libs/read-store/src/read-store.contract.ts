import type { CollectionDefinition, Doc, DocChange, ReadStore } from './read-store.port';

/**
 * The behaviour every read store adapter must show, run against each of them by its
 * `*.int-spec.ts`. `create` gives a fresh, empty store; `cleanup` closes and removes it.
 */

export interface ReadStoreUnderTest {
  readonly store: ReadStore;
  readonly cleanup: () => Promise<void>;
}

const PEOPLE: CollectionDefinition = {
  name: 'people_v1',
  indexes: [['team'], ['team', 'role'], ['joinedAt']],
};
const TEAMS: CollectionDefinition = { name: 'teams_v1', indexes: [] };

type Person = Doc & {
  readonly team?: string | null;
  readonly role?: string;
  readonly joinedAt?: number;
  readonly name?: string;
};

function person(id: string, fields: Omit<Person, 'id'> = {}): Person {
  return { id, ...fields };
}

function upsert(doc: Doc, position: bigint, collection = PEOPLE.name): DocChange {
  return { collection, id: doc.id, doc, position };
}

function remove(id: string, position: bigint, collection = PEOPLE.name): DocChange {
  return { collection, id, doc: null, position };
}

function ids(docs: readonly Doc[]): string[] {
  return docs.map((doc) => doc.id);
}

export function describeReadStoreContract(
  name: string,
  create: () => Promise<ReadStoreUnderTest>,
): void {
  describe(`${name} read store (contract)`, () => {
    let store: ReadStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await create());
      await store.ensureCollection(PEOPLE);
      await store.ensureCollection(TEAMS);
    });

    afterEach(async () => {
      await cleanup();
    });

    describe('collections', () => {
      it('ensures a collection again without losing its documents', async () => {
        await store.commit([upsert(person('p1', { team: 'red' }), 1n)]);

        await store.ensureCollection(PEOPLE);
        await store.ensureCollection(PEOPLE);

        expect(await store.get('people_v1', 'p1')).toEqual(person('p1', { team: 'red' }));
        expect(await store.find('people_v1', { team: 'red' })).toHaveLength(1);
      });

      it('empties a dropped collection and keeps it writable', async () => {
        await store.commit([upsert(person('p1'), 1n), upsert(person('p2'), 2n)]);

        await store.dropCollection('people_v1');

        expect(await store.all('people_v1')).toEqual([]);
        await store.commit([upsert(person('p3', { team: 'red' }), 1n)]);
        expect(await store.find('people_v1', { team: 'red' })).toEqual([
          person('p3', { team: 'red' }),
        ]);
      });

      it('drops only the named collection', async () => {
        await store.commit([upsert(person('p1'), 1n), upsert({ id: 't1' }, 2n, 'teams_v1')]);

        await store.dropCollection('teams_v1');

        expect(await store.all('people_v1')).toEqual([person('p1')]);
        expect(await store.all('teams_v1')).toEqual([]);
      });
    });

    describe('get and all', () => {
      it('returns null for a missing document', async () => {
        expect(await store.get('people_v1', 'nobody')).toBeNull();
      });

      it('returns a committed document', async () => {
        const ada = person('p1', { name: 'Ada', team: 'red', role: 'lead', joinedAt: 3 });

        await store.commit([upsert(ada, 1n)]);

        expect(await store.get('people_v1', 'p1')).toEqual(ada);
      });

      it('lists every document ordered by id', async () => {
        await store.commit([
          upsert(person('p3'), 1n),
          upsert(person('p1'), 2n),
          upsert(person('p10'), 3n),
          upsert(person('p2'), 4n),
        ]);

        expect(ids(await store.all('people_v1'))).toEqual(['p1', 'p10', 'p2', 'p3']);
      });

      it('round-trips nested objects, arrays, numbers and unicode exactly', async () => {
        const rich = {
          id: 'rich-1',
          name: 'Zoë 🦊 "quoted" \\ back\nslash',
          nested: { deeper: { list: [1, 'two', { three: 3 }, null, true] }, empty: {} },
          emptyList: [],
          numbers: { negative: -7, fraction: 0.125, large: 2 ** 40, zero: 0 },
          flags: { yes: true, no: false, nothing: null },
          tags: ['日本語', 'ελληνικά', 'emoji 👩‍👩‍👧'],
        };

        await store.commit([upsert(rich, 1n)]);

        expect(await store.get('people_v1', 'rich-1')).toStrictEqual(rich);
        expect(await store.all('people_v1')).toStrictEqual([rich]);
      });
    });

    describe('find', () => {
      beforeEach(async () => {
        await store.commit([
          upsert(person('p1', { team: 'red', role: 'dev', joinedAt: 30 }), 1n),
          upsert(person('p2', { team: 'red', role: 'lead', joinedAt: 10 }), 2n),
          upsert(person('p3', { team: 'blue', role: 'dev', joinedAt: 20 }), 3n),
          upsert(person('p4', { team: 'red', role: 'dev', joinedAt: 10 }), 4n),
          upsert(person('p5', { team: null, role: 'dev' }), 5n),
          upsert(person('p6', { role: 'dev' }), 6n),
        ]);
      });

      it('matches one field, ordered by id by default', async () => {
        expect(ids(await store.find('people_v1', { team: 'red' }))).toEqual(['p1', 'p2', 'p4']);
      });

      it('matches every field given', async () => {
        const found = await store.find('people_v1', { team: 'red', role: 'dev' });

        expect(ids(found)).toEqual(['p1', 'p4']);
      });

      it('returns whole documents', async () => {
        expect(await store.find('people_v1', { role: 'lead' })).toEqual([
          person('p2', { team: 'red', role: 'lead', joinedAt: 10 }),
        ]);
      });

      it('matches a missing field and an explicit null with null', async () => {
        expect(ids(await store.find('people_v1', { team: null }))).toEqual(['p5', 'p6']);
      });

      it('matches by id', async () => {
        expect(ids(await store.find('people_v1', { id: 'p3' }))).toEqual(['p3']);
      });

      it('returns nothing when nothing matches', async () => {
        expect(await store.find('people_v1', { team: 'green' })).toEqual([]);
      });

      it('pages after a cursor: only values strictly greater, combined with the filter', async () => {
        const found = await store.find(
          'people_v1',
          { team: 'red' },
          { sort: [['joinedAt', 'asc']], after: ['joinedAt', 10] },
        );

        expect(found.every((doc) => Number(doc.joinedAt) > 10)).toBe(true);
        expect(ids(found)).toEqual(['p1']);
      });

      it('pages before a cursor: only values strictly less, newest first', async () => {
        const found = await store.find(
          'people_v1',
          {},
          { sort: [['joinedAt', 'desc']], before: ['joinedAt', 30] },
        );

        expect(found.every((doc) => Number(doc.joinedAt) < 30)).toBe(true);
        expect(ids(found)).toEqual(['p3', 'p2', 'p4']);
      });

      it('sorts ascending and breaks ties by id', async () => {
        const found = await store.find(
          'people_v1',
          { team: 'red' },
          { sort: [['joinedAt', 'asc']] },
        );

        expect(ids(found)).toEqual(['p2', 'p4', 'p1']);
      });

      it('sorts descending and still breaks ties by id ascending', async () => {
        const found = await store.find(
          'people_v1',
          { team: 'red' },
          { sort: [['joinedAt', 'desc']] },
        );

        expect(ids(found)).toEqual(['p1', 'p2', 'p4']);
      });

      it('sorts by several keys in priority order', async () => {
        const found = await store.find(
          'people_v1',
          { role: 'dev' },
          {
            sort: [
              ['team', 'desc'],
              ['joinedAt', 'desc'],
            ],
          },
        );

        expect(ids(found)).toEqual(['p1', 'p4', 'p3', 'p5', 'p6']);
      });

      it('limits the sorted result', async () => {
        const found = await store.find(
          'people_v1',
          { team: 'red' },
          { sort: [['joinedAt', 'asc']], limit: 2 },
        );

        expect(ids(found)).toEqual(['p2', 'p4']);
      });

      it('finds with an empty filter', async () => {
        expect(ids(await store.find('people_v1', {}, { limit: 3 }))).toEqual(['p1', 'p2', 'p3']);
      });
    });

    describe('find by scalar type', () => {
      it('tells booleans from numbers and strings from numbers', async () => {
        await store.commit([
          upsert({ id: 'a', flag: true, code: '1' }, 1n),
          upsert({ id: 'b', flag: 1, code: 1 }, 2n),
          upsert({ id: 'c', flag: false, code: 0 }, 3n),
        ]);

        expect(ids(await store.find('people_v1', { flag: true }))).toEqual(['a']);
        expect(ids(await store.find('people_v1', { flag: false }))).toEqual(['c']);
        expect(ids(await store.find('people_v1', { code: 1 }))).toEqual(['b']);
        expect(ids(await store.find('people_v1', { code: '1' }))).toEqual(['a']);
      });
    });

    describe('commit guard', () => {
      it('gives the same document when the same change is committed twice', async () => {
        const change = upsert(person('p1', { name: 'Ada' }), 5n);

        await store.commit([change]);
        await store.commit([change]);

        expect(await store.all('people_v1')).toEqual([person('p1', { name: 'Ada' })]);
      });

      it('does not let an older position overwrite a newer document', async () => {
        await store.commit([upsert(person('p1', { name: 'new' }), 7n)]);

        await store.commit([upsert(person('p1', { name: 'old' }), 6n)]);

        expect(await store.get('people_v1', 'p1')).toEqual(person('p1', { name: 'new' }));
      });

      it('lets a newer position overwrite the whole document', async () => {
        await store.commit([upsert(person('p1', { name: 'Ada', team: 'red' }), 1n)]);

        await store.commit([upsert(person('p1', { name: 'Ada L.' }), 2n)]);

        expect(await store.get('people_v1', 'p1')).toEqual(person('p1', { name: 'Ada L.' }));
        expect(await store.find('people_v1', { team: 'red' })).toEqual([]);
      });

      it('applies the changes of one commit in order', async () => {
        await store.commit([
          upsert(person('p1', { name: 'first' }), 1n),
          upsert(person('p1', { name: 'second' }), 2n),
          upsert(person('p1', { name: 'stale' }), 1n),
          upsert(person('p2', { name: 'after the skipped one' }), 3n),
        ]);

        expect(await store.all('people_v1')).toEqual([
          person('p1', { name: 'second' }),
          person('p2', { name: 'after the skipped one' }),
        ]);
      });

      it('writes to several collections in one commit', async () => {
        await store.commit([
          upsert(person('p1'), 1n),
          upsert({ id: 't1', size: 2 }, 1n, 'teams_v1'),
        ]);

        expect(await store.get('people_v1', 'p1')).toEqual(person('p1'));
        expect(await store.get('teams_v1', 't1')).toEqual({ id: 't1', size: 2 });
      });

      it('deletes a document written at a lower position', async () => {
        await store.commit([upsert(person('p1'), 3n), upsert(person('p2'), 4n)]);

        await store.commit([remove('p1', 5n)]);

        expect(await store.get('people_v1', 'p1')).toBeNull();
        expect(ids(await store.all('people_v1'))).toEqual(['p2']);
      });

      it('does not delete a document written at a higher position', async () => {
        await store.commit([upsert(person('p1', { name: 'kept' }), 9n)]);

        await store.commit([remove('p1', 8n)]);
        await store.commit([remove('p1', 9n)]);

        expect(await store.get('people_v1', 'p1')).toEqual(person('p1', { name: 'kept' }));
      });

      it('deletes a missing document without complaint', async () => {
        await store.commit([remove('nobody', 1n)]);

        expect(await store.all('people_v1')).toEqual([]);
      });

      it('keeps positions beyond 2^53 exact', async () => {
        const high = 2n ** 60n + 1n;
        await store.commit([upsert(person('p1', { name: 'high' }), high)]);

        await store.commit([upsert(person('p1', { name: 'just below' }), high - 1n)]);
        expect(await store.get('people_v1', 'p1')).toEqual(person('p1', { name: 'high' }));

        await store.commit([upsert(person('p1', { name: 'just above' }), high + 1n)]);
        expect(await store.get('people_v1', 'p1')).toEqual(person('p1', { name: 'just above' }));
      });
    });

    describe('checkpoints', () => {
      it('has no checkpoint before the first commit', async () => {
        expect(await store.getCheckpoint('people')).toBeNull();
      });

      it('stores the checkpoint with the batch and reads it back as a bigint', async () => {
        await store.commit([upsert(person('p1'), 2n ** 40n)], {
          name: 'people',
          position: 2n ** 40n,
        });

        expect(await store.getCheckpoint('people')).toBe(2n ** 40n);
        expect(await store.get('people_v1', 'p1')).toEqual(person('p1'));
      });

      it('stores a checkpoint without changes and replaces it on the next commit', async () => {
        await store.commit([], { name: 'people', position: 1n });
        await store.commit([], { name: 'people', position: 2n ** 62n });

        expect(await store.getCheckpoint('people')).toBe(2n ** 62n);
      });

      it('keeps checkpoints apart by name', async () => {
        await store.commit([], { name: 'people', position: 3n });
        await store.commit([], { name: 'teams', position: 4n });

        expect(await store.getCheckpoint('people')).toBe(3n);
        expect(await store.getCheckpoint('teams')).toBe(4n);
      });

      it('deletes a checkpoint, and survives dropping the collection', async () => {
        await store.commit([upsert(person('p1'), 1n)], { name: 'people', position: 1n });
        await store.commit([], { name: 'teams', position: 1n });

        await store.dropCollection('people_v1');
        expect(await store.getCheckpoint('people')).toBe(1n);

        await store.deleteCheckpoint('people');
        expect(await store.getCheckpoint('people')).toBeNull();
        expect(await store.getCheckpoint('teams')).toBe(1n);
      });
    });
  });
}
