import { writeFileSync } from 'node:fs';
import type { Metric } from './benchmark';
import type { MachineInfo } from './machine';

/** Numbers as people read them: thousands separated, at most two decimals. */
export function formatValue(value: number): string {
  const decimals = Number.isInteger(value) ? 0 : Math.abs(value) >= 100 ? 0 : 2;
  return value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

export function formatMachine(machine: MachineInfo): string {
  return [
    `os:      ${machine.os}`,
    `cpu:     ${machine.cpuModel} × ${machine.cores}`,
    `memory:  ${machine.totalMemoryGiB} GiB`,
    `node:    ${machine.node}`,
    `date:    ${machine.date}`,
  ].join('\n');
}

export function formatTable(metrics: readonly Metric[]): string {
  const header = ['metric', 'value', 'unit', 'aim', 'met', 'details'];
  const rows = metrics.map((metric) => [
    metric.ok === false ? `${metric.name}  [FAIL]` : metric.name,
    formatValue(metric.value),
    metric.unit,
    metric.aim?.text ?? '',
    metric.aim ? (metric.aim.met ? 'met' : 'NOT met') : '',
    metric.details,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return column === 1 ? cell.padStart(width) : cell.padEnd(width);
      })
      .join(' | ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function writeResults(
  file: string,
  machine: MachineInfo,
  settings: Readonly<Record<string, string>>,
  metrics: readonly Metric[],
): void {
  writeFileSync(file, `${JSON.stringify({ machine, settings, metrics }, null, 2)}\n`);
}
