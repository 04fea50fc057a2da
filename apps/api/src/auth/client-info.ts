import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** Who is at the other end of a login, as the session list shows it. */
export interface ClientInfo {
  readonly userAgent: string | null;
  readonly ipAddress: string | null;
}

/** The request fields both HTTP platforms (Express and Fastify) expose alike. */
type PlatformRequest = {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly ip?: string;
};

const MAX_USER_AGENT = 512;

export function clientInfoOf(request: PlatformRequest): ClientInfo {
  const header = request.headers['user-agent'];
  const userAgent = (Array.isArray(header) ? header[0] : header)?.slice(0, MAX_USER_AGENT);
  return { userAgent: userAgent || null, ipAddress: request.ip ?? null };
}

export const CurrentClient = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  clientInfoOf(context.switchToHttp().getRequest<PlatformRequest>()),
);
