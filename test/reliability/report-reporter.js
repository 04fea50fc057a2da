/**
 * Prints the reliability figures as one table at the end of `npm run test:reliability`:
 * each suite writes test/reliability/report/<suite>.json from its afterAll; this sums them,
 * and writes the totals to report/summary.json. Stale files of an earlier run are removed
 * when the run starts, so a suite that did not run shows as missing, never as zero.
 */
const {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} = require('node:fs');
const { join } = require('node:path');

const REPORT_DIR = join(__dirname, 'report');
const COLUMNS = [
  ['requests', 'requests sent'],
  ['faults', 'faults injected'],
  ['fuzzCases', 'fuzz cases'],
  ['lostUpdates', 'lost updates'],
  ['serverErrors', '5xx'],
  ['leaks', 'leaks'],
  ['connectionErrors', 'conn. errors'],
];

class ReliabilityReportReporter {
  onRunStart() {
    rmSync(REPORT_DIR, { recursive: true, force: true });
    mkdirSync(REPORT_DIR, { recursive: true });
    this.started = Date.now();
  }

  onRunComplete(_contexts, results) {
    const rows = existsSync(REPORT_DIR)
      ? readdirSync(REPORT_DIR)
          .filter((name) => name.endsWith('.json') && name !== 'summary.json')
          .sort()
          .map((name) => JSON.parse(readFileSync(join(REPORT_DIR, name), 'utf8')))
      : [];
    const total = { suite: 'TOTAL' };
    for (const [key] of COLUMNS) total[key] = rows.reduce((sum, row) => sum + (row[key] ?? 0), 0);
    const header = ['suite', ...COLUMNS.map(([, label]) => label)];
    const lines = [...rows, total].map((row) => [
      row.suite,
      ...COLUMNS.map(([key]) => String(row[key] ?? 0)),
    ]);
    const widths = header.map((cell, i) =>
      Math.max(cell.length, ...lines.map((line) => line[i].length)),
    );
    const format = (cells) =>
      `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
    const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
    const seconds = Math.round((Date.now() - (this.started ?? Date.now())) / 1000);
    const out = [
      '',
      `Reliability report (${rows.length} suites, ${seconds} s, ${results.numFailedTests} failed tests)`,
      format(header),
      rule,
      ...lines.slice(0, -1).map(format),
      rule,
      format(lines.at(-1)),
    ];
    // lists (samples of failures) show as their length here; report/<suite>.json has them whole
    const compact = (_key, value) => (Array.isArray(value) ? `[${value.length}]` : value);
    for (const row of rows) {
      if (row.details && Object.keys(row.details).length > 0)
        out.push(`  ${row.suite}: ${JSON.stringify(row.details, compact)}`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
    mkdirSync(REPORT_DIR, { recursive: true });
    writeFileSync(
      join(REPORT_DIR, 'summary.json'),
      JSON.stringify({ seconds, suites: rows.map((row) => row.suite), ...total }, null, 2) + '\n',
    );
  }
}

module.exports = ReliabilityReportReporter;
