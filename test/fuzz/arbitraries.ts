// Requests generated from the OpenAPI document: a JSON schema becomes a fast-check
// arbitrary of values it accepts (the subset our TypeBox schemas use), and a valid request
// becomes an invalid one by one mutation (odd text, wrong types, missing or extra fields,
// out-of-range numbers, injection strings, path parameters that are not ids).
import fc from 'fast-check';

export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  minProperties?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
  $ref?: string;
}

export interface ArbitraryOptions {
  /** Schemas of `#/components/schemas/…` references. */
  components?: Record<string, Schema>;
  /** A better arbitrary for some schemas (e.g. codes that exist in the database), or undefined. */
  hint?: (schema: Schema) => fc.Arbitrary<unknown> | undefined;
}

const INT32_MAX = 2_147_483_647;
// Valid text is mostly ASCII and Chinese; the odd characters belong to the invalid side.
const CHINESE = fc.constantFrom(...'连心桥志愿服务新时代文明实践中心站点辽宁省台安县社区居民微心愿');
const textUnit = fc.oneof(fc.constantFrom<'grapheme-ascii'>('grapheme-ascii'), fc.constant(CHINESE));

function resolve(schema: Schema, options: ArbitraryOptions): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = options.components?.[name];
  if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
  return resolve(target, options);
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? min + 40;
  const fits = (s: string) => [...s].length >= min && [...s].length <= max;
  switch (schema.format) {
    case 'date-time':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress().filter(fits);
    case 'uri':
      return fc.webUrl().filter(fits);
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  return textUnit.chain((unit) => fc.string({ unit, minLength: min, maxLength: Math.min(max, min + 30) }));
}

function numberArbitrary(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-6) : integer ? -INT32_MAX : -1e6);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-6) : integer ? INT32_MAX : 1e6);
  if (!integer) return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  // Mostly small: ids of rows that exist, so requests get past the lookups.
  return fc.oneof({ arbitrary: fc.integer({ min, max: Math.min(max, min + 30) }), weight: 3 }, { arbitrary: fc.integer({ min, max }), weight: 1 });
}

function objectArbitrary(schema: Schema, options: ArbitraryOptions): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, arbitraryOf(property, options)]));
  const record = fc.record(model, { requiredKeys: (schema.required ?? []).filter((name) => name in properties) });
  const minProperties = schema.minProperties ?? 0;
  return minProperties > 0 ? record.filter((value) => Object.keys(value).length >= minProperties) : record;
}

function typedArbitrary(type: string, schema: Schema, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string': return stringArbitrary(schema);
    case 'integer': return numberArbitrary(schema, true);
    case 'number': return numberArbitrary(schema, false);
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'object': return objectArbitrary(schema, options);
    case 'array': {
      const items = schema.items ? arbitraryOf(schema.items, options) : fc.anything();
      const constraints = { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, (schema.minItems ?? 0) + 5) };
      return schema.uniqueItems ? fc.uniqueArray(items, { ...constraints, selector: (value) => JSON.stringify(value) }) : fc.array(items, constraints);
    }
    default: throw new Error(`unsupported schema type ${type}`);
  }
}

/** Values the schema accepts. */
export function arbitraryOf(raw: Schema, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const schema = resolve(raw, options);
  const hinted = options.hint?.(schema);
  const base = ((): fc.Arbitrary<unknown> => {
    if (hinted) return hinted;
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives) return fc.oneof(...alternatives.map((alternative) => arbitraryOf(alternative, options)));
    const types = [schema.type ?? (schema.properties ? 'object' : 'string')].flat();
    return fc.oneof(...types.map((type) => typedArbitrary(type, schema, options)));
  })();
  return schema.nullable ? fc.option(base, { nil: null }) : base;
}

// ---- the invalid side ----

const HUGE = 'x'.repeat(100_000);
/** Text no form would send: huge, control and bidi characters, broken UTF-16, injection attempts. */
export const NASTY_STRINGS = [
  HUGE, '字'.repeat(100_000), '', ' ', '\u202Egnp.exe\u202C', '\u200F\u0627\u0644\u0639\u0631\u0628\u064A\u0629', '👨‍👩‍👧‍👦🏳️‍🌈',
  'a\u0000b', '\u0000', '\uD800', 'x\uDFFF', 'e\u0301\u0302\u0303\u0304\u0305', '１３８０００００００６', '２１０３２１０００００００',
  "' OR 1=1 --", "'; DROP TABLE users; --", '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '%00', '\\', '"', '../../etc/passwd',
  '2026-02-30', '2026-13-45T25:61:00Z', '9223372036854775808', '-1', '1e309', 'NaN', 'null', 'true', '{}',
];
export const NASTY_NUMBERS = [-1, 0, -2_147_483_649, 2_147_483_648, 2 ** 53, 2 ** 63, 1e308, -1e308, 0.5, -0.5, 3.141_592_653_589_793, 5e-324];
const NASTY_OTHERS: unknown[] = [true, false, null, [], {}, [null], [HUGE], { a: 1 }, [[[[[]]]]], Array.from({ length: 1000 }, (_, i) => i)];
export const nastyValue: fc.Arbitrary<unknown> = fc.constantFrom(...NASTY_STRINGS, ...NASTY_NUMBERS, ...NASTY_OTHERS);
const nastyKey = fc.constantFrom('extra', '__proto__', 'constructor', "' OR 1=1 --", '<b>', '', '\u0000', '𝕏', 'a'.repeat(300));

/** Path segments that are not ids: words, signs, fractions, 2^63, encoded NUL/RTL/full-width digits, broken escapes. */
export const NASTY_SEGMENTS = [
  'abc', '-1', '0', '1.5', '1e3', '0x10', '9223372036854775808', '99999999999999999999999', 'NaN', 'null', '%00', '%2500', '%E2%80%AE1',
  '%EF%BC%91', '%F0%9F%98%80', '%ZZ', '%20', '..', '%2F', "'%20OR%201%3D1%20--", '%3Cscript%3E', '%5C', encodeURIComponent(HUGE),
];

type Path = (string | number)[];

function pathsOf(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return [at, ...value.flatMap((item, i) => pathsOf(item, [...at, i]))];
  if (value && typeof value === 'object') return [at, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...at, key]))];
  return [at];
}

function setAt(root: unknown, path: Path, change: (parent: any, key: string | number) => void): unknown {
  const copy = structuredClone(root);
  let parent: any = copy;
  for (const key of path.slice(0, -1)) parent = parent[key];
  change(parent, path.at(-1)!);
  return copy;
}

export interface Mutated {
  value: unknown;
  mutation: string;
}

/**
 * One change somewhere in a JSON value: a node replaced by a nasty value, a property
 * deleted (a missing required field), or an unknown property added.
 */
export function mutationOf(value: unknown): fc.Arbitrary<Mutated> {
  const paths = pathsOf(value);
  return fc.tuple(fc.constantFrom(...paths), fc.constantFrom('replace', 'delete', 'extra'), nastyValue, nastyKey).map(([path, kind, nasty, key]) => {
    const where = path.join('.') || '(root)';
    if (path.length === 0) return kind === 'extra' && isObject(value)
      ? { value: { ...value, [key]: nasty }, mutation: `extra ${JSON.stringify(key)} at root` }
      : { value: nasty, mutation: 'root replaced' };
    if (kind === 'delete') return { value: setAt(value, path, (parent, k) => (Array.isArray(parent) ? parent.splice(Number(k), 1) : delete parent[k])), mutation: `deleted ${where}` };
    if (kind === 'extra') return { value: setAt(value, path, (parent, k) => { parent[k] = isObject(parent[k]) ? { ...parent[k], [key]: nasty } : nasty; }), mutation: `extra at ${where}` };
    return { value: setAt(value, path, (parent, k) => { parent[k] = nasty; }), mutation: `replaced ${where}` };
  });
}

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

// ---- requests ----

export interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: Schema;
}

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The document's template, e.g. /api/v1/sites/{id}. */
  path: string;
  parameters: OpenApiParameter[];
  /** The JSON body's schema; undefined when the route takes none (or takes a multipart upload). */
  body: Schema | undefined;
  /** The document says the body is a multipart upload. */
  multipart: boolean;
}

export interface FuzzRequest {
  method: RouteSpec['method'];
  url: string;
  body: unknown;
  /** undefined for a valid request; what was changed for an invalid one. */
  mutation: string | undefined;
}

interface Parts {
  path: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

function parametersSchema(parameters: OpenApiParameter[], where: 'path' | 'query'): Schema {
  const own = parameters.filter((parameter) => parameter.in === where);
  return {
    type: 'object',
    properties: Object.fromEntries(own.map((parameter) => [parameter.name, parameter.schema])),
    required: own.filter((parameter) => parameter.required || where === 'path').map((parameter) => parameter.name),
  };
}

function urlOf(route: RouteSpec, parts: Parts): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => parts.path[name] ?? '');
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parts.query)) {
    for (const item of [value].flat()) if (item !== undefined && item !== null) search.append(name, typeof item === 'string' ? item : JSON.stringify(item));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

function validParts(route: RouteSpec, options: ArbitraryOptions): fc.Arbitrary<Parts> {
  return fc.record({
    path: arbitraryOf(parametersSchema(route.parameters, 'path'), options)
      .map((values) => Object.fromEntries(Object.entries(values as object).map(([name, value]) => [name, encodeURIComponent(String(value))]))),
    query: arbitraryOf(parametersSchema(route.parameters, 'query'), options) as fc.Arbitrary<Record<string, unknown>>,
    body: route.body ? arbitraryOf(route.body, options) : fc.constant(undefined),
  });
}

function invalidParts(route: RouteSpec, parts: Parts): fc.Arbitrary<Mutated & { parts: Parts }> {
  const pathNames = Object.keys(parts.path);
  const mutations: fc.Arbitrary<Mutated & { parts: Parts }>[] = [
    mutationOf(parts.query).map(({ value, mutation }) => ({ value, mutation: `query ${mutation}`, parts: { ...parts, query: isObject(value) ? value : { q: value } } })),
    mutationOf(parts.body ?? {}).map(({ value, mutation }) => ({ value, mutation: `body ${mutation}`, parts: { ...parts, body: value } })),
  ];
  if (pathNames.length > 0) {
    mutations.push(fc.tuple(fc.constantFrom(...pathNames), fc.constantFrom(...NASTY_SEGMENTS)).map(([name, segment]) => ({
      value: segment, mutation: `path ${name}=${segment.slice(0, 40)}`, parts: { ...parts, path: { ...parts.path, [name]: segment } },
    })));
  }
  return fc.oneof(...mutations);
}

/** Requests to one route, half valid by its schemas and half with one mutation. */
export function requestsFor(route: RouteSpec, options: ArbitraryOptions = {}): fc.Arbitrary<FuzzRequest> {
  return validParts(route, options).chain((parts) => fc.oneof(
    fc.constant({ parts, mutation: undefined as string | undefined }),
    invalidParts(route, parts),
  )).map(({ parts, mutation }) => ({ method: route.method, url: urlOf(route, parts), body: parts.body, mutation }));
}

/** Every operation of the document under a prefix, as route specs. */
export function routesOf(document: { paths: Record<string, Record<string, any>> }, prefix: string): RouteSpec[] {
  return Object.entries(document.paths).filter(([path]) => path.startsWith(prefix)).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase() as RouteSpec['method'],
      path,
      parameters: (operation.parameters ?? []) as OpenApiParameter[],
      body: operation.requestBody?.content?.['application/json']?.schema as Schema | undefined,
      multipart: operation.requestBody?.content?.['multipart/form-data'] !== undefined,
    })));
}
