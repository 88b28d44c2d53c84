// Peer of the case engine benchmark: complete lifecycles of the same process with bpmn-engine,
// the state written to disk (JSON, one file per case) after every step, as a server persisting
// its cases would. Usage: node run.mjs [LIFECYCLES] [STATE_DIR]. Prints one JSON line.
import { Engine } from 'bpmn-engine';
import BpmnModdle from 'bpmn-moddle';
import * as elements from 'bpmn-elements';
import serialize, { TypeResolver } from 'moddle-context-serializer';
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const count = Number(process.argv[2] ?? 500);
const stateDir = process.argv[3] ?? join(here, '.state');
// Parsed and serialised once, as a server would cache a published definition.
const moddleContext = await new BpmnModdle().fromXML(readFileSync(join(here, 'lifecycle.bpmn'), 'utf8'));
const sourceContext = serialize(moddleContext, TypeResolver(elements));
rmSync(stateDir, { recursive: true, force: true });
mkdirSync(stateDir, { recursive: true });

const steps = ['review', 'water', 'agriculture', 'decide'];

async function lifecycle(n) {
  const engine = new Engine({ name: `case-${n}`, sourceContext });
  const file = join(stateDir, `case-${n}.json`);
  const persist = async () => writeFileSync(file, JSON.stringify(await engine.getState()));
  const ended = new Promise((resolve, reject) => {
    engine.once('end', resolve);
    engine.once('error', reject);
  });
  const execution = await engine.execute();
  await persist();
  for (const id of steps) {
    execution.signal({ id });
    await persist();
  }
  await ended;
  const state = await engine.getState();
  if (state.state !== 'idle' && state.state !== 'completed') throw new Error(`case ${n} ended in ${state.state}`);
}

// Warm-up (as long as ours: V8, like .NET, optimises hot functions after they ran a while), then the measured run.
for (let i = 0; i < 500; i++) await lifecycle(-1 - i);
const cpuBefore = process.cpuUsage();
const started = process.hrtime.bigint();
for (let i = 0; i < count; i++) await lifecycle(i);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
rmSync(stateDir, { recursive: true, force: true });
console.log(JSON.stringify({ peer: 'bpmn-engine', lifecycles: count, seconds, perSecond: count / seconds, cpuMs }));
