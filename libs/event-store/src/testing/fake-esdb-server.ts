/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
import { type ServerWritableStream, Server, ServerCredentials, status } from '@grpc/grpc-js';

// The client's own generated gRPC service and messages: the fake speaks its exact protocol.
const { StreamsService } = require('@eventstore/db-client/generated/streams_grpc_pb');
const streamsPb = require('@eventstore/db-client/generated/streams_pb');
const sharedPb = require('@eventstore/db-client/generated/shared_pb');

const { ReadResp } = streamsPb;

export interface FakeRecord {
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly position: bigint;
  readonly id: string;
  readonly data?: unknown;
  readonly metadata?: unknown;
}

/**
 * A stand-in for the server side of EventStoreDB's `Streams.Read` RPC, so the real
 * @eventstore/db-client can be driven without a server: reads of `$all` (both directions),
 * reads of a stream (including "stream not found"), and `$all` subscriptions that confirm,
 * deliver, say caught up, and can be dropped. Nothing else (no appends, no filters).
 */
export class FakeEsdbServer {
  readonly log: FakeRecord[] = [];
  /** Each subscription's requested start (`start` or a commit position) and its open call. */
  readonly subscriptions: {
    from: 'start' | 'end' | bigint;
    call: ServerWritableStream<any, any>;
  }[] = [];
  private readonly server = new Server();
  private port = 0;

  async start(): Promise<string> {
    this.server.addService(StreamsService, { read: (call: any) => this.read(call) } as any);
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  append(record: Omit<FakeRecord, 'position' | 'revision' | 'id'> & { id?: string }): FakeRecord {
    const revision = this.log.filter((each) => each.stream === record.stream).length;
    const position = BigInt((this.log.length + 1) * 100);
    const id =
      record.id ?? `00000000-0000-4000-8000-${String(this.log.length + 1).padStart(12, '0')}`;
    const stored = { ...record, id, revision, position };
    this.log.push(stored);
    for (const subscription of this.subscriptions) this.send(subscription.call, stored);
    return stored;
  }

  /** Ends every open subscription with an error, as a lost connection would. */
  dropSubscriptions(): void {
    for (const { call } of this.subscriptions.splice(0))
      call.emit('error', { code: status.UNAVAILABLE, details: 'connection lost' });
  }

  async stop(): Promise<void> {
    this.server.forceShutdown();
  }

  private read(call: ServerWritableStream<any, any>): void {
    const options = call.request.getOptions();
    if (options.hasStream()) return this.readStream(call, options);
    const all = options.getAll();
    const from: 'start' | 'end' | bigint = all.hasStart()
      ? 'start'
      : all.hasEnd()
        ? 'end'
        : BigInt(all.getPosition().getCommitPosition());
    if (options.hasSubscription()) {
      const confirmation = new ReadResp();
      confirmation.setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId('s'));
      call.write(confirmation);
      for (const record of this.log)
        if (from === 'start' || (from !== 'end' && record.position > from)) this.send(call, record);
      const caughtUp = new ReadResp();
      caughtUp.setCaughtUp(new ReadResp.CaughtUp());
      call.write(caughtUp);
      this.subscriptions.push({ from, call });
      call.on('cancelled', () => {
        const index = this.subscriptions.findIndex((each) => each.call === call);
        if (index >= 0) this.subscriptions.splice(index, 1);
      });
      return;
    }
    const backwards = options.getReadDirection() === 1;
    const count = Number(options.getCount());
    let records = backwards ? [...this.log].reverse() : [...this.log];
    if (typeof from === 'bigint')
      records = records.filter((record) =>
        backwards ? record.position <= from : record.position >= from,
      );
    else if (from === 'end' && !backwards) records = [];
    for (const record of records.slice(0, count)) this.send(call, record);
    call.end();
  }

  private readStream(call: ServerWritableStream<any, any>, options: any): void {
    const name = Buffer.from(
      options.getStream().getStreamIdentifier().getStreamName_asU8(),
    ).toString('utf8');
    const records = this.log.filter((record) => record.stream === name);
    if (records.length === 0) {
      const notFound = new ReadResp();
      const identifier = new sharedPb.StreamIdentifier();
      identifier.setStreamName(Buffer.from(name));
      notFound.setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(identifier));
      call.write(notFound);
      call.end();
      return;
    }
    const backwards = options.getReadDirection() === 1;
    for (const record of backwards ? records.reverse() : records) this.send(call, record);
    call.end();
  }

  private send(call: ServerWritableStream<any, any>, record: FakeRecord): void {
    const recorded = new ReadResp.ReadEvent.RecordedEvent();
    const id = new sharedPb.UUID();
    id.setString(record.id);
    recorded.setId(id);
    const identifier = new sharedPb.StreamIdentifier();
    identifier.setStreamName(Buffer.from(record.stream));
    recorded.setStreamIdentifier(identifier);
    recorded.setStreamRevision(String(record.revision));
    recorded.setCommitPosition(String(record.position));
    recorded.setPreparePosition(String(record.position));
    const metadata = recorded.getMetadataMap();
    metadata.set('type', record.type);
    metadata.set('content-type', 'application/json');
    metadata.set('created', String(BigInt(Date.UTC(2026, 0, 1)) * 10_000n));
    recorded.setData(Buffer.from(JSON.stringify(record.data ?? {})));
    recorded.setCustomMetadata(Buffer.from(JSON.stringify(record.metadata ?? {})));
    const event = new ReadResp.ReadEvent();
    event.setEvent(recorded);
    event.setCommitPosition(String(record.position));
    const response = new ReadResp();
    response.setEvent(event);
    call.write(response);
  }
}
