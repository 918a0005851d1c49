// Builds the web apps into web/dist. With --if-stale, only when a source is newer than
// the last build, so `npm start` is quick after the first time.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { build } from 'vite';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Brotli and gzip copies beside each text asset: cheap phones on slow networks get a third of the bytes. */
async function precompress(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(js|css|html|svg|json)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const content = fs.readFileSync(file);
    fs.writeFileSync(`${file}.gz`, await gzip(content, { level: 9 }));
    fs.writeFileSync(`${file}.br`, await brotli(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

const web = path.resolve(import.meta.dirname, '../web');
const stamp = path.join(web, 'dist', '.built');

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

export async function buildWeb({ ifStale = false } = {}) {
  const sources = Math.max(
    newest(path.join(web, 'src')),
    ...['index.html', 'm/index.html', 'vite.config.ts'].map((file) => fs.statSync(path.join(web, file)).mtimeMs),
  );
  if (ifStale && fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= sources) return false;
  console.log('building the web console and phone H5 (web/dist)…');
  await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn' });
  await precompress(path.join(web, 'dist'));
  fs.writeFileSync(stamp, new Date().toISOString());
  return true;
}

if (process.argv[1] === import.meta.filename) {
  await buildWeb({ ifStale: process.argv.includes('--if-stale') });
}
