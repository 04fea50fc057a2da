const MIB = 1024 * 1024;

/** The highest resident set and JS heap seen by `sample()` since construction. */
export class MemoryPeak {
  private readonly rssAtStart = process.memoryUsage().rss;
  private rss = this.rssAtStart;
  private heap = process.memoryUsage().heapUsed;

  sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    if (rss > this.rss) this.rss = rss;
    if (heapUsed > this.heap) this.heap = heapUsed;
  }

  get peakRssMiB(): number {
    return Math.round(this.rss / MIB);
  }

  describe(): string {
    return (
      `peak RSS ${this.peakRssMiB} MiB (${Math.round(this.rssAtStart / MIB)} MiB before), ` +
      `peak heap ${Math.round(this.heap / MIB)} MiB`
    );
  }
}
