import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';

const preload = path.resolve(import.meta.dirname, '../scripts/exit-with-parent.cjs');
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A shell that starts a long-running node child (with or without the preload) and prints its pid. */
async function parentAndChild(withPreload: boolean) {
  const flag = withPreload ? `--require ${preload}` : '';
  const shell = spawn('sh', ['-c', `${process.execPath} ${flag} -e "setInterval(() => {}, 1000)" & echo $!; wait`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(shell.stdout!, 'data')) as [Buffer];
  return { shell, child: Number(line.toString().trim()) };
}

describe('the Next server started by serve.ts', () => {
  it('stops by itself when serve.ts is killed without stopping it', async () => {
    const { shell, child } = await parentAndChild(true);
    await sleep(300);
    expect(alive(child)).toBe(true);
    shell.kill('SIGKILL');
    while (alive(child)) await sleep(100);
  });

  it('goes on running while serve.ts runs', async () => {
    const { shell, child } = await parentAndChild(true);
    await sleep(1500);
    expect(alive(child)).toBe(true);
    process.kill(child, 'SIGKILL');
    await once(shell, 'exit');
  });

  it('is what stops it: without the preload the orphan lives on', async () => {
    const { shell, child } = await parentAndChild(false);
    shell.kill('SIGKILL');
    await sleep(1500);
    expect(alive(child)).toBe(true);
    process.kill(child, 'SIGKILL');
  });
});
