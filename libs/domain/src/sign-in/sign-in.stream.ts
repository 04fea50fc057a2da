export const signInStream = (userId: string): string => `signin-${userId}`;
