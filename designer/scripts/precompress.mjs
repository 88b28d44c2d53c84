// Precompresses the built web UI (Brotli and gzip beside each file) so the server sends the main
// JavaScript at a fraction of its size without compressing on every request. Run after `vite build`;
// the server picks <file>.br or <file>.gz by the browser's Accept-Encoding (SpaHosting.cs).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

// The async forms run on libuv's thread pool, so the files compress on every core at once.
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.argv[2] ?? path.join(here, '..', '..', 'server', 'Workflows.Server', 'wwwroot'));
const compressible = /\.(js|mjs|css|html|svg|json|txt|ttf|map)$/;
// Below this size the header costs more than compression saves.
const minimumBytes = 1024;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (compressible.test(entry.name)) yield full;
  }
}

let before = 0;
let afterBr = 0;
let count = 0;
const started = Date.now();
await Promise.all([...files(root)].map(async (file) => {
  const bytes = readFileSync(file);
  if (bytes.length < minimumBytes) return;
  // Quality 11 (slow, smallest) for the chunks up to 1 MB the pages load; 5 for the large Monaco
  // workers and editor (designer only), which at 11 would take most of a minute on a busy machine.
  const quality = bytes.length > 1_000_000 ? 5 : 11;
  const [br, gz] = await Promise.all([
    brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    gzipAsync(bytes, { level: 9 }),
  ]);
  // A variant only when it is worth it: already-compressed content is left alone.
  if (br.length < bytes.length * 0.9) writeFileSync(`${file}.br`, br);
  if (gz.length < bytes.length * 0.9) writeFileSync(`${file}.gz`, gz);
  before += bytes.length;
  afterBr += Math.min(br.length, bytes.length);
  count++;
}));
const mb = (n) => (n / 1048576).toFixed(1);
console.log(`precompressed ${count} files in ${path.relative(process.cwd(), root) || '.'}: ${mb(before)} MB → ${mb(afterBr)} MB (Brotli) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

