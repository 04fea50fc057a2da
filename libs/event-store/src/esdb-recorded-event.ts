import type {
  ResolvedEvent as EsdbResolvedEvent,
  AllStreamResolvedEvent,
} from '@eventstore/db-client';
import type { EventMetadata, RecordedEvent } from './event-store.port';

/**
 * Stream reads on older servers carry no $all position (or ulong.MaxValue); readers of a
 * single stream fold by revision and never need it, so it is reported as -1n, never as a
 * position a subscriber could resume from.
 */
export const UNKNOWN_POSITION = -1n;
const SERVER_UNKNOWN_POSITION = 2n ** 64n - 1n;

/**
 * Our view of an EventStoreDB event, or undefined for events this port did not write: system
 * events (`$` types, including link events) and events that are not JSON objects.
 */
export function toRecordedEvent(
  resolved: EsdbResolvedEvent | AllStreamResolvedEvent,
): RecordedEvent | undefined {
  const event = resolved.event;
  if (event === undefined || event.type.startsWith('$') || !event.isJson) return undefined;
  if (!isJsonObject(event.data) || !isJsonObject(event.metadata)) return undefined;
  return {
    id: event.id,
    stream: event.streamId,
    revision: Number(event.revision),
    position: commitPositionOf(resolved),
    type: event.type,
    data: event.data,
    metadata: event.metadata as EventMetadata,
    recordedAt: event.created.toISOString(),
  };
}

export function commitPositionOf(resolved: EsdbResolvedEvent | AllStreamResolvedEvent): bigint {
  const commit = resolved.event?.position?.commit ?? resolved.commitPosition;
  if (commit === undefined || commit === SERVER_UNKNOWN_POSITION) return UNKNOWN_POSITION;
  return commit;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value)
  );
}
