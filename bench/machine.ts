import { arch, cpus, platform, release, totalmem, type } from 'node:os';

export interface MachineInfo {
  readonly os: string;
  readonly cpuModel: string;
  readonly cores: number;
  readonly totalMemoryGiB: number;
  readonly node: string;
  readonly date: string;
}

export function machineInfo(): MachineInfo {
  const cores = cpus();
  return {
    os: `${type()} ${release()} (${platform()}/${arch()})`,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    totalMemoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    date: new Date().toISOString(),
  };
}
