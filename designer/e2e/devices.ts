// The device agent simulator (server/Workflows.DeviceSimulator, docs/devices.md) as a real process
// for the browser tests: it listens on a free loopback port and saves print jobs to a temp folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, repoRoot } from './harness';

export const simulatorDll = path.join(repoRoot, 'server', 'Workflows.DeviceSimulator', 'bin', 'Release', 'net10.0', 'Workflows.DeviceSimulator.dll');

export interface RunningSimulator {
  url: string;
  jobsDir: string;
  output(): string;
  stop(): Promise<void>;
}

/** Starts the simulator with the given card on its reader and waits for the line saying it listens. */
export async function startSimulator(card?: Record<string, unknown>): Promise<RunningSimulator> {
  if (!existsSync(simulatorDll)) throw new Error(`simulator not built: ${simulatorDll} (dotnet build server/Workflows.DeviceSimulator -c Release)`);
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'wf-devices-'));
  const jobsDir = path.join(dir, 'jobs');
  const args = [simulatorDll, '--port', String(port), '--jobs', jobsDir];
  if (card) {
    writeFileSync(path.join(dir, 'card.json'), JSON.stringify(card));
    args.push('--idcard', path.join(dir, 'card.json'));
  }
  const child: ChildProcess = spawn('dotnet', args, { env: { ...process.env, DOTNET_NOLOGO: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  let exited = false;
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d) => { log += d; if (log.includes('设备模拟器已启动')) resolve(); });
    child.stderr?.on('data', (d) => { log += d; });
    child.on('exit', () => { exited = true; reject(new Error(`simulator exited before it listened:\n${log}`)); });
  });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`simulator not listening after 60 s:\n${log}`)), 60_000).unref());
  await Promise.race([ready, timeout]);
  return {
    url: `ws://127.0.0.1:${port}`,
    jobsDir,
    output: () => log,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 10_000);
          child.once('exit', () => { clearTimeout(t); resolve(); });
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
