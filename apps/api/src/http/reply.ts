/** The part of a response both HTTP platforms (Express and Fastify) share: `reply.header`. */
export interface HeaderReply {
  header(name: string, value: string): unknown;
}

/** Answers that carry a secret, and every `/me*` answer, must not be cached. */
export const noStore = (reply: HeaderReply): void => {
  reply.header('Cache-Control', 'no-store');
};
