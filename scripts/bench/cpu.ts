import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user and system) of groups of processes, read from Linux's /proc: where a benchmark's
 * CPU went, per process group, which turns per second alone cannot say. Null where there is no /proc.
 */
export type CpuGroups = Record<string, (process: { pid: number; ppid: number; command: string }) => boolean>;

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function processes() {
  return readdirSync('/proc').flatMap((entry) => {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) return [];
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name in parentheses may hold spaces: the fields follow its closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      return [{ pid, ppid: Number(fields[1]), command, seconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond }];
    } catch {
      return []; // gone while we looked
    }
  });
}

/** Seconds of CPU each group has used so far, or null without /proc. */
export function cpuSeconds(groups: CpuGroups): Record<string, number> | null {
  if (process.platform !== 'linux') return null;
  const totals = Object.fromEntries(Object.keys(groups).map((name) => [name, 0]));
  for (const p of processes()) {
    const group = Object.keys(groups).find((name) => groups[name]!(p));
    if (group) totals[group]! += p.seconds;
  }
  return totals;
}
