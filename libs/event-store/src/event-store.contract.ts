import { type EventStore, WrongExpectedRevisionError } from './event-store.port';
import {
  type BeforeRecording,
  type RecordingSubscription,
  pause,
  subscribeAndRecord,
  waitUntil,
} from './testing/recording-handler';
import {
  anEvent,
  idsOf,
  inStreams,
  isStrictlyIncreasing,
  someEvents,
  uniqueStream,
} from './testing/test-events';

export interface EventStoreFixture {
  readonly store: EventStore;
  readonly cleanup: () => Promise<void>;
  /** A second store over the same storage, as another process would open it. */
  readonly createAnother?: () => Promise<EventStore>;
}

/**
 * The behaviour every event store adapter must have. Tests assume the storage may be shared
 * with other writers, so they look only at their own (uniquely named) streams.
 */
export function describeEventStoreContract(
  name: string,
  create: () => Promise<EventStoreFixture>,
): void {
  describe(`${name} honours the event store contract`, () => {
    let fixture: EventStoreFixture;
    let store: EventStore;
    const toClose: { close(): Promise<void> }[] = [];

    beforeEach(async () => {
      fixture = await create();
      store = fixture.store;
    });

    afterEach(async () => {
      await Promise.all(toClose.splice(0).map((closable) => closable.close()));
      await fixture.cleanup();
    });

    function record(
      start: Parameters<EventStore['subscribe']>[0],
      beforeRecording?: BeforeRecording,
    ): RecordingSubscription {
      const recording = subscribeAndRecord(store, start, beforeRecording);
      toClose.push(recording.subscription);
      return recording;
    }

    describe('append', () => {
      it('given a new stream, when appending with no_stream, then the events get revisions from 0', async () => {
        const stream = uniqueStream('append-new');
        const events = [anEvent('First', { n: 1 }), anEvent('Second', { n: 2 })];

        const result = await store.append(stream, events, { expectedRevision: 'no_stream' });

        expect(result.nextExpectedRevision).toBe(1);
        expect(result.position).toBeGreaterThan(0n);
        const stored = await store.readStream(stream);
        expect(
          stored.map(({ id, stream, revision, type, data, metadata }) => ({
            id,
            stream,
            revision,
            type,
            data,
            metadata,
          })),
        ).toEqual(events.map((event, revision) => ({ ...event, stream, revision })));
        expect(new Date(stored[0]?.recordedAt ?? '').toISOString()).toBe(stored[0]?.recordedAt);
      });

      it('given an existing stream, when appending with no_stream, then it fails with the actual revision', async () => {
        const stream = uniqueStream('append-exists');
        await store.append(stream, [anEvent()], { expectedRevision: 'no_stream' });

        const appending = store.append(stream, [anEvent()], { expectedRevision: 'no_stream' });

        await expect(appending).rejects.toThrow(WrongExpectedRevisionError);
        await expect(appending).rejects.toMatchObject({ stream, expected: 'no_stream', actual: 0 });
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it('given a stream, when appending with its last revision, then the events follow it', async () => {
        const stream = uniqueStream('append-exact');
        const first = await store.append(stream, [anEvent()], { expectedRevision: 'no_stream' });

        const second = await store.append(stream, someEvents(2), { expectedRevision: 0 });

        expect(second.nextExpectedRevision).toBe(2);
        expect(second.position).toBeGreaterThan(first.position);
        expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0, 1, 2]);
      });

      it('given a stream, when reading from a revision, then only that revision and later come back', async () => {
        const stream = uniqueStream('read-from');
        await store.append(stream, someEvents(4), { expectedRevision: 'no_stream' });

        const tail = await store.readStream(stream, { fromRevision: 2 });
        const beyond = await store.readStream(stream, { fromRevision: 4 });

        expect(tail.map((event) => event.revision)).toEqual([2, 3]);
        expect(beyond).toEqual([]);
      });

      it('given a stream, when appending with a stale revision, then it fails with stream, expected and actual', async () => {
        const stream = uniqueStream('append-stale');
        await store.append(stream, someEvents(2), { expectedRevision: 'no_stream' });

        const appending = store.append(stream, [anEvent()], { expectedRevision: 0 });

        await expect(appending).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(appending).rejects.toMatchObject({ stream, expected: 0, actual: 1 });
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('given no stream, when appending with a revision, then it fails with actual no_stream', async () => {
        const stream = uniqueStream('append-missing');

        const appending = store.append(stream, [anEvent()], { expectedRevision: 0 });

        await expect(appending).rejects.toMatchObject({ stream, expected: 0, actual: 'no_stream' });
      });

      it('given a stream, when appending with any, then the events follow the last one', async () => {
        const stream = uniqueStream('append-any');
        await store.append(stream, [anEvent()], { expectedRevision: 'any' });

        const result = await store.append(stream, [anEvent()], { expectedRevision: 'any' });

        expect(result.nextExpectedRevision).toBe(1);
      });

      it('when appending no events, then it fails', async () => {
        const appending = store.append(uniqueStream('append-empty'), [], {
          expectedRevision: 'any',
        });

        await expect(appending).rejects.toThrow(Error);
      });

      it('given an append, when it is retried with the same events, then they are stored once', async () => {
        const stream = uniqueStream('append-retry');
        const events = someEvents(2);
        await store.append(stream, events, { expectedRevision: 'no_stream' });

        // An adapter may reject the retry or recognise it; it must never store it twice.
        await store
          .append(stream, events, { expectedRevision: 'no_stream' })
          .catch(() => undefined);

        expect(idsOf(await store.readStream(stream))).toEqual(idsOf(events));
      });
    });

    describe('read', () => {
      it('when reading a stream that does not exist, then it is empty', async () => {
        expect(await store.readStream(uniqueStream('read-missing'))).toEqual([]);
      });

      it('given events in two streams, when reading all after a position, then later events come in position order', async () => {
        const [a, b] = [uniqueStream('read-all-a'), uniqueStream('read-all-b')];
        const [a1, b1, a2] = [anEvent(), anEvent(), anEvent()];
        const first = await store.append(a, [a1], { expectedRevision: 'no_stream' });
        await store.append(b, [b1], { expectedRevision: 'no_stream' });
        await store.append(a, [a2], { expectedRevision: 0 });

        const read = await store.readAll({ after: first.position, limit: 1000 });

        expect(idsOf(inStreams(read, a, b))).toEqual(idsOf([b1, a2]));
        expect(read.every((event) => event.position > first.position)).toBe(true);
        expect(isStrictlyIncreasing(read.map((event) => event.position))).toBe(true);
      });

      it('given more events than the limit, when reading all, then only limit events come back', async () => {
        const before = await store.headPosition();
        const stream = uniqueStream('read-limit');
        await store.append(stream, someEvents(3), { expectedRevision: 'no_stream' });

        const read = await store.readAll({ after: before, limit: 2 });

        expect(read).toHaveLength(2);
        expect(read[0]?.position).toBeGreaterThan(before);
      });

      it('given events, when reading all without a position, then it starts at the beginning', async () => {
        const appended = await store.append(uniqueStream('read-start'), [anEvent()], {
          expectedRevision: 'no_stream',
        });

        const [firstEver] = await store.readAll({ limit: 1 });

        expect(firstEver?.position).toBeLessThanOrEqual(appended.position);
      });

      it('given appends, when asking for the head, then it has reached the last append and moves forward', async () => {
        const stream = uniqueStream('head');
        const first = await store.append(stream, [anEvent()], { expectedRevision: 'no_stream' });
        const headAfterFirst = await store.headPosition();

        const second = await store.append(stream, [anEvent()], { expectedRevision: 0 });

        expect(headAfterFirst).toBeGreaterThanOrEqual(first.position);
        expect(second.position).toBeGreaterThan(headAfterFirst);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(second.position);
      });
    });

    describe('subscribe', () => {
      it('given history, when subscribing from the start, then history comes first and live events follow', async () => {
        const stream = uniqueStream('subscribe-start');
        const history = someEvents(2);
        await store.append(stream, history, { expectedRevision: 'no_stream' });

        const recording = record('start');
        await waitUntil(() => inStreams(recording.events, stream).length === 2, 'history arrives');
        const live = anEvent();
        await store.append(stream, [live], { expectedRevision: 1 });

        await waitUntil(
          () => inStreams(recording.events, stream).length === 3,
          'the live event arrives',
        );
        expect(idsOf(inStreams(recording.events, stream))).toEqual(idsOf([...history, live]));
      });

      it('given history, when subscribing after a position, then delivery starts just past it', async () => {
        const stream = uniqueStream('subscribe-after');
        const later = someEvents(2);
        const first = await store.append(stream, [anEvent()], { expectedRevision: 'no_stream' });
        await store.append(stream, later, { expectedRevision: 0 });

        const recording = record({ after: first.position });

        await waitUntil(
          () => inStreams(recording.events, stream).length >= 2,
          'later events arrive',
        );
        await pause(50);
        expect(idsOf(inStreams(recording.events, stream))).toEqual(idsOf(later));
      });

      it('given history, when subscribing from now, then only events committed later arrive', async () => {
        const stream = uniqueStream('subscribe-now');
        await store.append(stream, [anEvent()], { expectedRevision: 'no_stream' });

        const recording = record('now');
        await waitUntil(recording.isLive, 'the subscription is live');
        const later = anEvent();
        await store.append(stream, [later], { expectedRevision: 0 });

        await waitUntil(
          () => inStreams(recording.events, stream).length >= 1,
          'the later event arrives',
        );
        await pause(50);
        expect(idsOf(inStreams(recording.events, stream))).toEqual([later.id]);
      });

      it('when subscribing, then it reports catching-up and then live', async () => {
        await store.append(uniqueStream('subscribe-status'), [anEvent()], {
          expectedRevision: 'no_stream',
        });

        const recording = record('start');

        await waitUntil(recording.isLive, 'the subscription is live');
        expect(recording.statuses.map((report) => report.status).slice(0, 2)).toEqual([
          'catching-up',
          'live',
        ]);
      });

      it('given many events, when subscribing, then batches arrive in order and never overlap', async () => {
        const streams = [
          uniqueStream('batches-a'),
          uniqueStream('batches-b'),
          uniqueStream('batches-c'),
        ];
        for (let round = 0; round < 4; round += 1) {
          for (const stream of streams) {
            const expectedRevision = round === 0 ? 'no_stream' : round * 100 - 1;
            await store.append(stream, someEvents(100), { expectedRevision });
          }
        }
        let running = 0;
        let mostRunningAtOnce = 0;

        const recording = record('start', async () => {
          running += 1;
          mostRunningAtOnce = Math.max(mostRunningAtOnce, running);
          await pause(1);
          running -= 1;
        });

        await waitUntil(
          () => inStreams(recording.events, ...streams).length === 1200,
          'all 1200 events arrive',
        );
        expect(mostRunningAtOnce).toBe(1);
        expect(recording.batches.length).toBeGreaterThan(1);
        expect(isStrictlyIncreasing(recording.events.map((event) => event.position))).toBe(true);
        for (const stream of streams) {
          const revisions = inStreams(recording.events, stream).map((event) => event.revision);
          expect(revisions).toEqual(Array.from({ length: 400 }, (_, revision) => revision));
        }
      });

      it('given a second store on the same storage, when it appends, then a subscriber on the first sees it', async () => {
        const createAnother = fixture.createAnother;
        if (createAnother === undefined)
          throw new Error(`${name}: the fixture lacks createAnother`);
        const another = await createAnother();
        toClose.push(another);
        const recording = record('now');
        await waitUntil(recording.isLive, 'the subscription is live');
        const stream = uniqueStream('another-instance');

        const event = anEvent('AppendedElsewhere');
        await another.append(stream, [event], { expectedRevision: 'no_stream' });

        await waitUntil(
          () => inStreams(recording.events, stream).length === 1,
          'the event arrives',
        );
        expect(idsOf(inStreams(recording.events, stream))).toEqual([event.id]);
      });

      it('given a handler that fails once, when events arrive, then it reports down and gets the batch again', async () => {
        const stream = uniqueStream('subscribe-failing');
        const event = anEvent();
        await store.append(stream, [event], { expectedRevision: 'no_stream' });
        const failure = new Error('handler failed');
        let failed = false;

        const recording = record('start', (batch) => {
          if (!failed && inStreams(batch, stream).length > 0) {
            failed = true;
            throw failure;
          }
        });

        await waitUntil(
          () => inStreams(recording.events, stream).length === 1,
          'the batch is redelivered',
        );
        expect(recording.statuses).toContainEqual({ status: 'down', error: failure });
        const statusesAfterDown = recording.statuses.slice(
          recording.statuses.findIndex((report) => report.status === 'down'),
        );
        expect(statusesAfterDown.map((report) => report.status)).toContain('catching-up');
        await waitUntil(recording.isLive, 'the subscription is live again');
      });

      it('given a subscription, when it is closed, then later events are not delivered', async () => {
        const stream = uniqueStream('subscribe-close');
        await store.append(stream, [anEvent()], { expectedRevision: 'no_stream' });
        const recording = record('start');
        await waitUntil(
          () => inStreams(recording.events, stream).length === 1,
          'the first event arrives',
        );

        await recording.subscription.close();
        await store.append(stream, [anEvent()], { expectedRevision: 0 });

        await pause(100);
        expect(inStreams(recording.events, stream)).toHaveLength(1);
      });

      it('given a handler call in progress, when closing, then close waits for it to finish', async () => {
        const stream = uniqueStream('subscribe-close-wait');
        let releaseHandler = (): void => undefined;
        let handlerStarted = false;
        const recording = record('now', async (batch) => {
          if (inStreams(batch, stream).length === 0) return;
          handlerStarted = true;
          await new Promise<void>((resolve) => (releaseHandler = resolve));
        });
        await waitUntil(recording.isLive, 'the subscription is live');
        await store.append(stream, [anEvent()], { expectedRevision: 'no_stream' });
        await waitUntil(() => handlerStarted, 'the handler is running');

        let closed = false;
        const closing = recording.subscription.close().then(() => (closed = true));
        await pause(30);
        const closedWhileRunning = closed;
        releaseHandler();
        await closing;

        expect(closedWhileRunning).toBe(false);
        expect(closed).toBe(true);
      });
    });
  });
}
