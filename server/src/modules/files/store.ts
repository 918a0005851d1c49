// Where uploaded bytes live: one interface, two drivers chosen by LIANXIN_FILE_STORAGE.
// 'database' keeps them in the files row (every server process sees them at once);
// 'filesystem' writes them under the data folder (for a single machine with a big disk).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../context.ts';

export type Variant = 'full' | 'thumb';

export interface FileStore {
  kind: 'database' | 'filesystem';
  put(ctx: AppContext, id: string, variants: Record<Variant, Buffer>): Promise<void>;
  get(ctx: AppContext, id: string, variant: Variant): Promise<Buffer | null>;
}

const databaseStore: FileStore = {
  kind: 'database',
  async put(ctx, id, variants) {
    await ctx.db.updateTable('files').set({ bytes: variants.full, thumb: variants.thumb }).where('id', '=', id).execute();
  },
  async get(ctx, id, variant) {
    const row = await ctx.db.selectFrom('files').select(['bytes', 'thumb']).where('id', '=', id).executeTakeFirst();
    return (variant === 'thumb' ? row?.thumb : row?.bytes) ?? null;
  },
};

const fileOf = (ctx: AppContext, id: string, variant: Variant) => path.join(ctx.config.dataDir, 'files', id.slice(0, 2), `${id}.${variant}`);

const filesystemStore: FileStore = {
  kind: 'filesystem',
  async put(ctx, id, variants) {
    await fs.mkdir(path.dirname(fileOf(ctx, id, 'full')), { recursive: true });
    for (const variant of ['full', 'thumb'] as const) await fs.writeFile(fileOf(ctx, id, variant), variants[variant]);
  },
  async get(ctx, id, variant) {
    return fs.readFile(fileOf(ctx, id, variant)).catch(() => null);
  },
};

export function fileStore(kind: string): FileStore {
  if (kind === 'database') return databaseStore;
  if (kind === 'filesystem') return filesystemStore;
  throw new Error(`LIANXIN_FILE_STORAGE must be database or filesystem, got "${kind}"`);
}
