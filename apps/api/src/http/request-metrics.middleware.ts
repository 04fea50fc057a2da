import { observeHttpRequest } from '@app/platform/metrics/metrics';

/** Just what the hook reads; structural, so no HTTP platform's types are imported. */
interface RequestSeen {
  readonly method: string;
  readonly route?: { readonly path?: string };
}
interface ResponseSeen {
  readonly statusCode: number;
  once(event: 'finish', listener: () => void): unknown;
}

/** The one hook that feeds `observeHttpRequest` (route pattern, status, latency). */
export function measureRequest(request: RequestSeen, response: ResponseSeen, next: () => void) {
  const started = process.hrtime.bigint();
  response.once('finish', () =>
    observeHttpRequest({
      method: request.method,
      route: request.route?.path ?? 'unmatched',
      status: response.statusCode,
      durationSeconds: Number(process.hrtime.bigint() - started) / 1e9,
    }),
  );
  next();
}
