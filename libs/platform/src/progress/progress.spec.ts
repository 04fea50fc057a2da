import { Progress, type ProgressStream } from './progress';

function recorder(isTTY: boolean): ProgressStream & { text: () => string } {
  const chunks: string[] = [];
  return { isTTY, write: (chunk: string) => chunks.push(chunk), text: () => chunks.join('') };
}

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('Progress', () => {
  it('given a stream that is not a terminal, writes nothing however long the run', () => {
    const stream = recorder(false);
    const time = clock();
    const progress = new Progress({ label: 'rebuild', stream, now: time.now });
    for (let done = 0; done <= 100_000; done += 1_000) {
      time.advance(500);
      progress.update(done, 100_000);
    }
    progress.finish(100_000);
    expect(stream.text()).toBe('');
  });

  it('given a terminal and a run shorter than the delay, writes nothing', () => {
    const stream = recorder(true);
    const time = clock();
    const progress = new Progress({ label: 'rebuild', stream, now: time.now });
    time.advance(1_500);
    progress.update(50_000, 100_000);
    progress.finish(100_000);
    expect(stream.text()).toBe('');
  });

  it('given a terminal and a long run, reports done, rate and time left on one rewritten line', () => {
    const stream = recorder(true);
    const time = clock();
    const progress = new Progress({ label: 'rebuild', stream, now: time.now });
    time.advance(2_000);
    progress.update(20_000, 100_000);
    time.advance(200);
    progress.update(22_000, 100_000); // within the interval: not reported
    time.advance(2_000);
    progress.update(40_000, 100_000);
    progress.finish(100_000);
    expect(stream.text()).toBe(
      '\r\u001b[Krebuild: 20,000 of 100,000 events (20%), 10,000 events/s, 8 s left' +
        '\r\u001b[Krebuild: 40,000 of 100,000 events (40%), 9,524 events/s, 7 s left' +
        '\r\u001b[Krebuild: 100,000 events in 5 s, 23,810 events/s\n',
    );
  });

  it('given --progress on a pipe, reports from the start, one line per report', () => {
    const stream = recorder(false);
    const time = clock();
    const progress = new Progress({ label: 'audit export', stream, force: true, now: time.now });
    time.advance(10);
    progress.update(100, 1_000);
    time.advance(1_000);
    progress.update(1_000, 1_000);
    progress.finish(1_000);
    expect(stream.text().split('\n')).toEqual([
      'audit export: 100 of 1,000 events (10%), 10,000 events/s, 1 s left',
      'audit export: 1,000 of 1,000 events (100%), 990 events/s, 0 s left',
      'audit export: 1,000 events in 2 s, 990 events/s',
      '',
    ]);
  });
});
