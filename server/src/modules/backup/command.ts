// `lianxin backup <file>` and `lianxin restore <file> [--force]`: the configured database
// (PGlite in the data folder, or DATABASE_URL) to and from one logical backup file.
import fs from 'node:fs';
import type { Config } from '../../config.ts';
import { openDatabase } from '../../db/index.ts';
import { AppError, errorBody } from '../../lib/errors.ts';
import type { TableSummary } from './format.ts';
import { backupDatabase, restoreDatabase } from './service.ts';

const usage = 'usage: lianxin backup <file>  |  lianxin restore <file> [--force]';

function printTables(tables: TableSummary[]) {
  const width = Math.max(...tables.map((table) => table.name.length));
  for (const table of tables) console.log(`  ${table.name.padEnd(width)} ${table.rows.toLocaleString('en-US').padStart(12)}`);
  console.log(`  ${'rows 行数'.padEnd(width)} ${tables.reduce((sum, table) => sum + table.rows, 0).toLocaleString('en-US').padStart(12)}`);
}

/** Runs `backup` or `restore`; returns the exit code. */
export async function runBackupCommand(config: Config, command: 'backup' | 'restore', args: string[]): Promise<number> {
  const [file, ...options] = args;
  const force = options.includes('--force');
  if (!file || options.some((option) => option !== '--force') || (force && command === 'backup')) {
    console.error(usage);
    return 2;
  }
  if (command === 'restore' && !fs.existsSync(file)) {
    console.error(`lianxin restore: no such file ${file}`);
    return 2;
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (command === 'backup') {
      const report = await backupDatabase(database.db, database.engine, file);
      printTables(report.tables);
      console.log(`备份完成 backed up to ${file}: ${(report.bytes / 1e6).toFixed(1)} MB in ${report.seconds.toFixed(1)} s`);
      // Phone and ID numbers are stored encrypted: the backup is useless without the key.
      console.log('Personal data is encrypted: keep LIANXIN_PII_KEY (or pii.key in the data folder) with the backup. 身份信息已加密，请一并保管密钥。');
    } else {
      const report = await restoreDatabase(database.db, database.engine, file, { force });
      printTables(report.tables);
      if (report.upgraded.length > 0) console.log(`  migrations applied after loading: ${report.upgraded.join(', ')}`);
      console.log(`恢复完成 restored ${file}: every table matches the backup, in ${report.seconds.toFixed(1)} s`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(`${errorBody(error, 'zh').error.message}\n${errorBody(error, 'en').error.message}`);
    return 1;
  } finally {
    await database.close();
  }
}
