/** Where a command writes its report; commands never touch `console` or `process` directly. */
export interface Output {
  write(text: string): Promise<void>;
}

/** Writes to a stream, waiting for it to drain so a long export does not pile up in memory. */
export function streamOutput(stream: NodeJS.WritableStream): Output {
  return {
    write: (text) =>
      new Promise((resolve) => {
        if (stream.write(text)) resolve();
        else stream.once('drain', () => resolve());
      }),
  };
}
