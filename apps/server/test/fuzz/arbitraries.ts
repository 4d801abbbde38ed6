import { PATTERNS, toIsoLocal } from '@redvest/contract';
import type { defaultMetadataStorage as TypeStorage } from 'class-transformer/types/storage';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import fc from 'fast-check';

/** Where @Type() keeps the class of a nested field (class-transformer exports no path with types to it). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: typeof TypeStorage;
};

type Class = new (...args: never[]) => unknown;
type Rules = ValidationMetadata[];

/** What the fuzz can put where a field wants the id of something: ids of the world, and strangers. */
export interface IdPool {
  ids: readonly string[];
}

const DAY = 86_400_000;
const ID_PATTERN = PATTERNS.id.source;

/** Strings that have broken servers: control and direction characters, injections, far dates, odd numbers. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  '   ',
  '\u0000',
  'a\u0007b',
  '\u001b[2J\u001b[31m红',
  '名称\u202e称名',
  '\u2066隔离\u2069',
  '\ud800',
  'x\udfff',
  '第一行\n第二行',
  "'; DROP TABLE users; --",
  '" OR "1"="1',
  "1' OR '1'='1' /*",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '%00%0d%0a',
  '👨‍👩‍👧‍👦🏳️‍🌈💩',
  '𠀀𪚥𰻞',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '0000-00-00',
  '1970-01-01T00:00:00Z',
  '2026-02-30',
  '2026-13-01T00:00:00+08:00',
  '__proto__',
  'constructor',
  '01900000-0000-7000-8000-000000000000',
];

/** Hostile strings that fit in a URL. */
export const shortHostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 101, maxLength: 300 }) },
);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: shortHostileString },
  { weight: 1, arbitrary: fc.constantFrom('长'.repeat(70_000), 'x'.repeat(300_000)) },
);

const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, -0.5, 1e308, -1e308, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e21, 5e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/**
 * Arrays or objects nested past our limit (32), and deep enough (6,000) to overflow a recursive walk of
 * the body. Kept as a marker and written out as text by jsonOf: the test's own JSON.stringify would
 * overflow too.
 */
class DeepNesting {
  constructor(
    readonly depth: number,
    readonly kind: 'array' | 'object',
  ) {}

  toJSON(): string {
    return `@@deep:${this.depth}:${this.kind}@@`;
  }
}

const deeplyNested = fc
  .tuple(fc.constantFrom(33, 200, 6000), fc.constantFrom('array' as const, 'object' as const))
  .map(([depth, kind]) => new DeepNesting(depth, kind));

const deepText = (depth: number, kind: string) =>
  kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** A value as JSON text, deep nesting written out in full. */
export function jsonOf(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(
    /"@@deep:(\d+):(array|object)@@"/g,
    (_, depth: string, kind: string) => deepText(Number(depth), kind),
  );
}

/** Any value a careless or hostile client could put in a field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 6, arbitrary: hostileString },
  { weight: 4, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [null], [''], { '': '' }) },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 2000 }, (_, i) => `x${i}`)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

function rulesOf(dto: Class): Map<string, Rules> {
  const byField = new Map<string, Rules>();
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    byField.set(rule.propertyName, [...(byField.get(rule.propertyName) ?? []), rule]);
  }
  return byField;
}

const named = (rules: Rules, name: string, each = false) =>
  rules.find((rule) => rule.name === name && Boolean(rule.each) === each);
const number = (rule: ValidationMetadata | undefined, fallback: number) =>
  typeof rule?.constraints?.[0] === 'number' ? (rule.constraints[0] as number) : fallback;

/** Optional() and Nullable() are conditions; a field without one must be there. */
function isOptional(rules: Rules): boolean {
  return rules.some((rule) => rule.type === 'conditionalValidation');
}

function dayNear(offsetDays: number, months: boolean): string {
  const day = toIsoLocal(new Date(Date.now() + offsetDays * DAY)).slice(0, 10);
  return months ? day.slice(0, 7) : day;
}

/** A value for one field that its rules would accept, often enough to get past validation to the service. */
function plausibleOne(rules: Rules, ids: IdPool, each: boolean): fc.Arbitrary<unknown> {
  const isIn = named(rules, 'isIn', each);
  if (isIn) return fc.constantFrom(...(isIn.constraints[0] as unknown[]));
  const isEnum = named(rules, 'isEnum', each);
  if (isEnum) return fc.constantFrom(...Object.values(isEnum.constraints[0] as object));
  const matches = named(rules, 'matches', each);
  if (matches) {
    const pattern = matches.constraints[0] as RegExp;
    if (pattern.source === ID_PATTERN)
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids.ids) }, fc.uuid({ version: 7 }));
    if (named(rules, 'dateWithin')) {
      const months = pattern.test('2000-01') && !pattern.test('2000-01-01');
      return fc.integer({ min: -20, max: 20 }).map((offset) => dayNear(offset, months));
    }
    return fc.stringMatching(pattern);
  }
  if (named(rules, 'isISO8601'))
    return fc
      .integer({ min: -10 * DAY, max: 10 * DAY })
      .map((offset) => new Date(Date.now() + offset).toISOString());
  if (named(rules, 'saneYear')) return fc.integer({ min: 2020, max: new Date().getFullYear() + 1 });
  if (named(rules, 'isBoolean', each)) return fc.boolean();
  if (named(rules, 'isLatitude')) return fc.double({ min: 22, max: 40, noNaN: true });
  if (named(rules, 'isLongitude')) return fc.double({ min: 100, max: 120, noNaN: true });
  if (named(rules, 'isInt', each) || named(rules, 'isNumber', each)) {
    const min = number(named(rules, 'min', each), -5);
    const max = number(named(rules, 'max', each), 1000);
    return fc.integer({ min: Math.max(min, -1e6), max: Math.min(max, min + 1000) });
  }
  if (named(rules, 'isPhone')) return fc.constantFrom('13812345678', '139 0000 1111', '020-12345678');
  if (named(rules, 'isUrl')) return fc.constant('https://example.com/photo.png');
  if (named(rules, 'isString', each) || named(rules, 'safeText')) {
    const max = Math.min(number(named(rules, 'maxLength', each), 30), 30);
    return fc.oneof(
      fc.constantFrom('社区志愿服务', '老人需要帮忙买菜', '3栋', '补录纸质记录', '谢谢'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }),
    );
  }
  return fc.jsonValue({ maxDepth: 1 });
}

function plausibleField(
  dto: Class,
  field: string,
  rules: Rules,
  ids: IdPool,
  depth: number,
  hostile: boolean,
): fc.Arbitrary<unknown> {
  if (named(rules, 'nestedValidation') || named(rules, 'nestedValidation', true)) {
    const nested = defaultMetadataStorage.findTypeMetadata(dto, field)?.typeFunction() as Class | undefined;
    if (nested && depth < 4) {
      const one = plausibleObject(nested, ids, depth + 1, hostile);
      if (named(rules, 'isArray'))
        return fc.array(one, { maxLength: Math.min(number(named(rules, 'arrayMaxSize'), 3), 3) });
      return one;
    }
  }
  if (named(rules, 'isArray')) {
    const min = number(named(rules, 'arrayMinSize'), 0);
    const max = Math.max(min, Math.min(number(named(rules, 'arrayMaxSize'), 3), 3));
    return fc.array(plausibleOne(rules, ids, true), { minLength: min, maxLength: max });
  }
  if (named(rules, 'isObject'))
    return fc.dictionary(fc.string({ maxLength: 8 }), fc.integer({ min: 0, max: 100 }));
  return plausibleOne(rules, ids, false);
}

/** An object of the DTO's fields, each mostly plausible and now and then hostile (never, with `hostile: false`). */
export function plausibleObject(
  dto: Class,
  ids: IdPool,
  depth = 0,
  hostile = true,
): fc.Arbitrary<Record<string, unknown>> {
  const fields = rulesOf(dto);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const [field, rules] of fields) {
    const plausible = plausibleField(dto, field, rules, ids, depth, hostile);
    record[field] = hostile
      ? fc.oneof({ weight: 12, arbitrary: plausible }, { weight: 1, arbitrary: hostileValue })
      : plausible;
    if (!isOptional(rules)) required.push(field);
  }
  return fc.record(record, { requiredKeys: required });
}

/** A request body for a DTO: plausible, with one field hostile, one missing, one unknown, or all of it hostile. */
export function bodyFor(dto: Class | undefined, ids: IdPool): fc.Arbitrary<unknown> {
  if (!dto) return fc.oneof(fc.constant(undefined), fc.constant({}), hostileValue);
  const plausible = plausibleObject(dto, ids);
  const fields = [...rulesOf(dto).keys()];
  const oneField = fields.length ? fc.constantFrom(...fields) : fc.constant('x');
  return fc.oneof(
    { weight: 3, arbitrary: plausible },
    {
      weight: 4,
      arbitrary: fc
        .tuple(plausible, oneField, hostileValue)
        .map(([body, field, value]) => ({ ...body, [field]: value })),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(plausible, oneField).map(([body, field]) => {
        const { [field]: _left, ...rest } = body;
        return rest;
      }),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          plausible,
          fc.oneof(fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'id'), fc.string()),
          hostileValue,
        )
        .map(([body, field, value]) => ({ ...body, [field]: value })),
    },
    { weight: 2, arbitrary: hostileValue },
  );
}

const asText = (value: unknown) => (typeof value === 'string' ? value : jsonOf(value));
const toQueryValue = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(asText) : value === undefined ? [] : [asText(value)];

/** A query string: the DTO's fields as strings (lists as repeated keys), sometimes hostile or unknown. */
export function queryFor(dto: Class | undefined, names: string[], ids: IdPool): fc.Arbitrary<string> {
  const known = dto ? [...rulesOf(dto).keys()] : names;
  const plausible = dto
    ? plausibleObject(dto, ids)
    : fc.record(Object.fromEntries(names.map((n) => [n, shortHostileString])), { requiredKeys: [] });
  const key = fc.oneof(
    fc.constantFrom(...(known.length ? known : ['q'])),
    fc.constantFrom('__proto__', 'limit[]', 'a[b]'),
    fc.string(),
  );
  const value = fc.oneof(
    { weight: 6, arbitrary: shortHostileString },
    { weight: 3, arbitrary: fc.array(shortHostileString, { maxLength: 3 }) },
    { weight: 1, arbitrary: hostileString },
  );
  return fc.tuple(plausible, fc.array(fc.tuple(key, value), { maxLength: 3 })).map(([fields, extra]) => {
    const search = new URLSearchParams();
    for (const [name, one] of [...Object.entries(fields), ...extra])
      for (const text of toQueryValue(one)) search.append(name, text);
    return search.toString();
  });
}
