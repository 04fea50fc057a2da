import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '@app/event-store/event-store.port';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import { PROJECTOR_CHECKPOINT } from '@app/read-store/read-models/checkpoints';
import { Answers, Operation } from '../http/openapi';
import { HealthDto } from './health.responses';

/** Counting stops here: a lag above it reads as "at least". */
const LAG_COUNT_LIMIT = 10_000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  @Get()
  @Operation({
    id: 'getHealth',
    summary: 'Health of the stores and projector lag',
    access: 'public',
  })
  @Answers(200, HealthDto, 'Both stores reachable; projector.lag is the events not yet projected.')
  async health(@Res({ passthrough: true }) response: FastifyReply) {
    const [head, checkpoint] = await Promise.allSettled([
      this.eventStore.headPosition(),
      this.readStore.getCheckpoint(PROJECTOR_CHECKPOINT),
    ]);
    const eventStore = head.status === 'fulfilled' ? 'up' : 'down';
    const readStore = checkpoint.status === 'fulfilled' ? 'up' : 'down';
    const ok = eventStore === 'up' && readStore === 'up';
    if (!ok) response.status(503);
    const projected = checkpoint.status === 'fulfilled' ? (checkpoint.value ?? 0n) : null;
    const lag = ok && projected !== null ? await this.countUnprojected(projected) : null;
    return {
      status: ok ? 'ok' : 'unavailable',
      eventStore,
      readStore,
      projector: {
        checkpoint: projected?.toString() ?? null,
        head: head.status === 'fulfilled' ? head.value.toString() : null,
        lag,
      },
    };
  }

  private async countUnprojected(checkpoint: bigint): Promise<number> {
    return (await this.eventStore.readAll({ after: checkpoint, limit: LAG_COUNT_LIMIT })).length;
  }
}
