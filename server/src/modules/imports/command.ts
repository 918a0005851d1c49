// `lianxin import volunteers|organizations <file> [--site <regionCode>]`: the same job and
// the same code as an upload, run in the foreground as the province admin, with a
// progress bar on stderr and the error report written next to the file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../../context.ts';
import { AppError, errorBody } from '../../lib/errors.ts';
import * as sites from '../sites/service.ts';
import { importKinds, type ImportKind } from './columns.ts';
import { claimImportJob, createImportJob, errorReport, provinceImporter, runImportJob } from './service.ts';

export interface ImportCommand {
  kind: ImportKind;
  file: string;
  /** Region code of a site: import into its area only; rows without a site code go to it. */
  site?: string | undefined;
}

export function parseImportArgs(args: string[]): ImportCommand {
  const [kind, file, ...rest] = args;
  if (!kind || !(importKinds as readonly string[]).includes(kind) || !file) {
    throw new Error('usage: lianxin import volunteers|organizations <file.xlsx|csv> [--site <regionCode>]');
  }
  const siteAt = rest.indexOf('--site');
  const site = siteAt >= 0 ? rest[siteAt + 1] : undefined;
  if (siteAt >= 0 && !/^\d{2,12}$/.test(site ?? '')) throw new Error('--site needs a division code, e.g. 210321000000');
  return { kind: kind as ImportKind, file, site };
}

function progressBar(stream: NodeJS.WriteStream) {
  const started = performance.now();
  let last = 0;
  return (done: number, total: number | null, final = false) => {
    const now = performance.now();
    if (!final && now - last < (stream.isTTY ? 200 : 2000)) return;
    last = now;
    const rate = done / Math.max((now - started) / 1000, 0.001);
    const share = total ? Math.min(done / total, 1) : 0;
    const bar = `${'█'.repeat(Math.round(share * 30))}${'░'.repeat(30 - Math.round(share * 30))}`;
    const line = `${bar} ${done.toLocaleString('en-US')}/${total?.toLocaleString('en-US') ?? '?'} rows  ${Math.round(rate).toLocaleString('en-US')} rows/s`;
    stream.write(stream.isTTY ? `\r${line}${final ? '\n' : ''}` : `${line}\n`);
  };
}

/** Runs an import to the end; returns the finished job and where the error report went. */
export async function runImportCommand(ctx: AppContext, command: ImportCommand, options: { progress?: NodeJS.WriteStream | null } = {}) {
  const actor = await provinceImporter(ctx);
  let siteId: number | undefined;
  if (command.site) {
    try {
      siteId = (await sites.networkSiteOn(ctx, command.site.padEnd(12, '0'))).id;
    } catch {
      throw new Error(`--site ${command.site}: no practice site on that division code`);
    }
  }
  const content = fs.readFileSync(command.file);
  const worker = `cli:${os.hostname()}:${process.pid}`;
  const bar = options.progress === null ? null : progressBar(options.progress ?? process.stderr);
  try {
    const created = await createImportJob(ctx, actor, { kind: command.kind, filename: path.basename(command.file), content, siteId }, worker);
    const claimed = await claimImportJob(ctx, worker, created.id);
    if (!claimed) throw new Error(`import job ${created.id} was taken by another process`);
    const job = await runImportJob(ctx, worker, claimed, { onProgress: (progress) => bar?.(progress.processed, progress.total) });
    bar?.(job.processed, job.total, true);
    let report: string | null = null;
    if (job.failed > 0) {
      report = `${command.file}.errors.xlsx`;
      const { stream } = await errorReport(ctx, actor, job.id);
      await pipeline(stream, fs.createWriteStream(report));
    }
    return { job, report };
  } catch (error) {
    if (error instanceof AppError) throw new Error(errorBody(error, 'zh').error.message, { cause: error });
    throw error;
  }
}
