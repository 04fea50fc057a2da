/** `emailHash` is a keyed hash of the normalised address, so the stream name reveals nothing. */
export const emailStream = (emailHash: string): string => `email-${emailHash}`;
