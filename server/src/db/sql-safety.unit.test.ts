// Parameterized SQL only (issue 8): no SQL text is built from strings. Kysely's sql`…` tag
// binds every ${…} as a parameter and sql.ref/sql.table quote identifiers, so those are
// fine. This test parses every TypeScript file of the server, the benchmarks and the test
// harness and looks for SQL made by an untagged template literal or `+` (handed to a
// driver's .query/.exec/.execute, or looking like SQL anywhere), for sql.raw, sql.lit and
// CompiledQuery.raw of anything but a constant, and for code made from strings (eval,
// new Function). The few exceptions are listed below, each with why it is safe.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

type Rule = 'driver-call' | 'sql-text' | 'unescaped' | 'eval';

interface Finding {
  file: string;
  line: number;
  rule: Rule;
  /** The flagged expression's source, on one line. */
  code: string;
  /** What goes into the text: the interpolated or concatenated expressions, or the argument. */
  inputs: string[];
}

const root = path.join(import.meta.dirname, '../../..');
const SCANNED = ['server/src', 'bench', 'test'];
const DRIVER_METHODS = new Set(['query', 'exec', 'execute', 'executeQuery']);
/** Statement or clause keywords that open a piece of SQL (written in capitals here). */
const SQL_START = /^\s*\(?\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|WITH|COPY|TRUNCATE|VACUUM|ANALYZE|GRANT|REVOKE|SET|SHOW|LOCK|WHERE|AND|OR|ORDER BY|GROUP BY|VALUES|FROM|JOIN|LIMIT|OFFSET|RETURNING|ON CONFLICT)\s/;

/** A finding is allowed when its file and rule match an entry and all its inputs are among the entry's. */
const ALLOWED: { file: string; rule: Rule; inputs: string[]; reason: string }[] = [
  { file: 'server/src/db/migrate.ts', rule: 'unescaped', inputs: ['migration.sql'], reason: 'the checksummed migration files of db/migrations, constant text' },
  { file: 'server/src/modules/sites/queries.ts', rule: 'unescaped', inputs: ['Math.trunc(prefixLength)'], reason: 'an integer, inlined so that SELECT and GROUP BY are one expression' },
  { file: 'server/src/modules/volunteers/queries.ts', rule: 'sql-text', inputs: ["columns.join(', ')"], reason: 'COPY columns: the keys of the NewVolunteerRow objects the import builds, never input' },
  { file: 'server/src/modules/volunteers/queries.ts', rule: 'unescaped', inputs: ['stream as unknown as string'], reason: 'a pg COPY stream object handed to the driver, not text' },
  { file: 'bench/database.ts', rule: 'driver-call', inputs: ['name', "source.template ? ` TEMPLATE ${source.template}` : ''"], reason: 'database names are identifiers, not parameters; the bench\'s own constants' },
  { file: 'bench/province.ts', rule: 'sql-text', inputs: ['BUCKETS', 'names.length', "VOLUNTEER_COLUMNS.join(', ')"], reason: 'numeric and column-list constants of the generator' },
  { file: 'bench/import.ts', rule: 'sql-text', inputs: ["COLUMNS.join(', ')"], reason: 'the constant column list of the COPY' },
  { file: 'server/src/modules/backup/queries.ts', rule: 'sql-text', inputs: ['quote(table.name)', "table.columns.map(quote).join(', ')", 'direction', 'target'], reason: 'COPY takes no parameters: table and column names read from the catalog, quoted' },
  { file: 'server/src/modules/backup/queries.ts', rule: 'unescaped', inputs: ['statement as unknown as string', 'stream as unknown as string'], reason: 'a COPY stream or PGlite statement object handed to the driver, not text' },
  { file: 'server/src/modules/backup/backup.test.ts', rule: 'sql-text', inputs: ['name'], reason: 'a generated database name for the restore target' },
  { file: 'test/harness.ts', rule: 'driver-call', inputs: ['name', 'template'], reason: 'a generated name (lianxin_t_<pid>_<n>) and the template global-setup made' },
  { file: 'test/global-setup.ts', rule: 'driver-call', inputs: ['building', 'name', 'datname'], reason: 'generated template names, and stale copies\' names read from pg_database' },
];

const isConstant = (node: ts.Node) => ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isNumericLiteral(node);

/** A template with substitutions or a `+` chain with a string in it: text built at run time. */
function builtString(node: ts.Node): boolean {
  if (ts.isTemplateExpression(node)) return true;
  if (ts.isParenthesizedExpression(node)) return builtString(node.expression);
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken
    && [node.left, node.right].some((side) => isConstant(side) || builtString(side));
}

/** The leading literal text of a built string. */
function headText(node: ts.Node): string {
  if (ts.isTemplateExpression(node)) return node.head.text;
  if (ts.isParenthesizedExpression(node)) return headText(node.expression);
  if (ts.isBinaryExpression(node)) return headText(node.left);
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : '';
}

/** The expressions a built string is made of (its literal parts left out). */
function inputsOf(node: ts.Node): string[] {
  if (ts.isTemplateExpression(node)) return node.templateSpans.map((span) => span.expression.getText());
  if (ts.isParenthesizedExpression(node)) return inputsOf(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...inputsOf(node.left), ...inputsOf(node.right)];
  return isConstant(node) ? [] : [node.getText()];
}

/** The tag of a Kysely sql`…` template (also sql<T>`…`). */
const isSqlTag = (node: ts.Node) => ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'sql';

function findStringBuiltSql(file: string, source: string): Finding[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const reported = new Set<ts.Node>();
  const report = (node: ts.Node, rule: Rule, inputs: string[]) => {
    reported.add(node);
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    findings.push({ file, line, rule, code: node.getText().replace(/\s+/g, ' '), inputs });
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const { name, expression: receiver } = node.expression;
      const [first] = node.arguments;
      if (DRIVER_METHODS.has(name.text) && !ts.isRegularExpressionLiteral(receiver) && first && builtString(first)) report(first, 'driver-call', inputsOf(first));
      const inlined = ts.isIdentifier(receiver) && ((receiver.text === 'sql' && ['raw', 'lit'].includes(name.text)) || (receiver.text === 'CompiledQuery' && name.text === 'raw'));
      if (inlined && first && !isConstant(first)) {
        report(node, 'unescaped', [first.getText()]);
        reported.add(first); // one finding for sql.raw(`…${x}…`), not two
      }
    }
    const callee = ts.isCallExpression(node) || ts.isNewExpression(node) ? node.expression : null;
    if (callee && ts.isIdentifier(callee) && (callee.text === 'eval' || callee.text === 'Function')) report(node, 'eval', [node.getText()]);
    if (!reported.has(node) && builtString(node) && !isSqlTag(node.parent) && !(ts.isBinaryExpression(node.parent) && builtString(node.parent))
      && SQL_START.test(headText(node))) report(node, 'sql-text', inputsOf(node));
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return findings;
}

function typescriptFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : typescriptFiles(relative);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

const allows = (entry: (typeof ALLOWED)[number], finding: Finding) => entry.file === finding.file && entry.rule === finding.rule
  && finding.inputs.every((input) => entry.inputs.includes(input));

describe('SQL is parameterized', () => {
  it('finds a string-built query in each form it looks for, and passes the safe forms', () => {
    const sample = [
      'await client.query(`SELECT * FROM volunteers WHERE id = ${id}`);',
      'await db.execute("DELETE FROM wishes WHERE id = " + id);',
      'const text = `UPDATE orders SET status = \'${status}\' WHERE id = 1`;',
      'const where = " WHERE name = \'" + name + "\'";',
      'await sql.raw(input).execute(db);',
      'await db.executeQuery(CompiledQuery.raw(text, []));',
      'const f = new Function("return " + body);',
      'eval(code);',
      // Safe: bound parameters, quoted identifiers, constant text, a regex's exec.
      'await sql`SELECT * FROM volunteers WHERE id = ${id}`.execute(db);',
      'await sql<{ n: number }>`SELECT ${sql.ref(column)} FROM t WHERE a = ${a}`.execute(db);',
      'await client.query("SELECT * FROM volunteers WHERE id = $1", [id]);',
      'await sql.raw("ANALYZE").execute(db);',
      'const match = /^(\\d+)$/.exec(`${line}`);',
      'log(`Selected ${n} rows`);',
    ].join('\n');
    const found = findStringBuiltSql('sample.ts', sample);
    expect(found.map((f) => [f.line, f.rule])).toEqual([
      [1, 'driver-call'], [2, 'driver-call'], [3, 'sql-text'], [4, 'sql-text'], [5, 'unescaped'], [6, 'unescaped'], [7, 'eval'], [8, 'eval'],
    ]);
  });

  const files = SCANNED.flatMap(typescriptFiles);
  const findings = files.flatMap((file) => findStringBuiltSql(file, fs.readFileSync(path.join(root, file), 'utf8')));

  it('finds no string-built SQL outside the allowlist', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(findings.filter((finding) => !ALLOWED.some((entry) => allows(entry, finding)))).toEqual([]);
  });

  it('allows nothing that is no longer there', () => {
    const stale = ALLOWED.filter((entry) => !findings.some((finding) => allows(entry, finding)));
    expect(stale).toEqual([]);
  });
});
