import { NumberRange, PATTERNS, TextLimit } from '@redvest/contract';
import { DateBound, hasVisibleText, isSafeText, isSaneYear, isWithin, startOfDay } from '@redvest/domain';
import { applyDecorators, Type as Class } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/**
 * The decorators every DTO uses for what class-validator alone gets wrong for us. `@IsOptional()` lets
 * `null` through to columns that are NOT NULL, and `@IsString()` lets control characters in; a test
 * (fields.spec.ts) checks that no DTO uses the former, and that every string field is checked as text.
 */

/** May be left out; when given, never null. */
export function Optional(): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_, value) => value !== undefined),
    IsDefined(),
  );
}

/** May be left out, or null to clear it: only where the contract's request type says `| null`. */
export function Nullable(): PropertyDecorator {
  return ValidateIf((_, value) => value !== undefined && value !== null);
}

/** An update request: every field of `create` optional, and, as there, never null. */
export function UpdateOf<T>(create: Class<T>): Class<Partial<T>> {
  return PartialType(create, { skipNullProperties: false });
}

/** A rule of our own, by the name its Chinese message is kept under (common/validation.ts). */
function Rule(name: string, test: (value: unknown) => boolean): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      validator: { validate: test },
    });
}

const SafeText = (multiline: boolean) =>
  Rule('safeText', (value) => typeof value === 'string' && isSafeText(value, { multiline }));

/** An empty text is IsNotEmpty's to refuse, so that it gets one message. */
const VisibleText = Rule(
  'visibleText',
  (value) => typeof value === 'string' && (value === '' || hasVisibleText(value)),
);

const trimmed = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value,
);

function text(max: number, multiline: boolean, required: boolean): PropertyDecorator {
  return applyDecorators(
    trimmed,
    IsString(),
    SafeText(multiline),
    MaxLength(max),
    ...(required ? [IsNotEmpty(), VisibleText] : []),
  );
}

/**
 * One line of text (a name, a title, a place): trimmed, without control or reordering characters, at most
 * `max` characters; `required` ones must not be blank.
 */
export function Line(max: number, { required = false } = {}): PropertyDecorator {
  return text(max, false, required);
}

/** A text typed in a text area (a description, a note, a reason): like Line, and line breaks allowed. */
export function Lines(max: number, { required = false } = {}): PropertyDecorator {
  return text(max, true, required);
}

/** A text field by its limit in the contract: Line, or Lines when the limit is multiline. */
export function Text(limit: TextLimit): PropertyDecorator {
  return text(limit.max, limit.multiline ?? false, limit.required ?? false);
}

/** A whole number within a range of the contract. */
export function WholeNumber(range: NumberRange): PropertyDecorator {
  return applyDecorators(IsInt(), Min(range.min), Max(range.max));
}

/** One of our ids (or, with `each`, an array of them). */
export function Id({ each = false } = {}): PropertyDecorator {
  return Matches(PATTERNS.id, { each });
}

/** A web address (a reward's photo): as IsUrl takes it, without the characters no text may hold. */
export function Url(max: number): PropertyDecorator {
  return applyDecorators(IsUrl({ require_tld: false }), SafeText(false), MaxLength(max));
}

const DateWithin = (test: (value: string) => boolean) =>
  Rule('dateWithin', (value) => typeof value === 'string' && test(value));

/** A moment (ISO 8601) within `bound` of now (DATE_BOUNDS in libs/domain). */
export function Moment(bound: DateBound): PropertyDecorator {
  return applyDecorators(
    IsISO8601({ strict: true }),
    DateWithin((value) => isWithin(new Date(value), bound)),
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const MONTH_OR_DAY = /^\d{4}-\d{2}(-\d{2})?$/;

/** A day of the calendar, `2026-11-23` (`2026-11` too, or only, with `months`), within `bound`. */
export function CalendarDate(
  bound: DateBound,
  { months = 'no' as 'no' | 'too' | 'only' } = {},
): PropertyDecorator {
  const shape = months === 'no' ? DAY : months === 'only' ? MONTH : MONTH_OR_DAY;
  return applyDecorators(
    Matches(shape),
    DateWithin((value) => {
      const day = startOfDay(value);
      return day !== null && isWithin(day, bound);
    }),
  );
}

/** A year of statements and reports (2000 to next year); `inQuery` reads it from a query string. */
export function Year({ inQuery = false } = {}): PropertyDecorator {
  return applyDecorators(
    ...(inQuery ? [Type(() => Number)] : []),
    IsInt(),
    Rule('saneYear', (value) => typeof value === 'number' && isSaneYear(value)),
  );
}

/** One nested object (never an array, never missing unless Optional). */
export function Nested(type: () => Class<unknown>): PropertyDecorator {
  return applyDecorators(IsObject(), ValidateNested(), Type(type));
}

/** GCJ-02 degrees, as numbers (IsLatitude alone also takes strings). */
export function Latitude(): PropertyDecorator {
  return applyDecorators(IsNumber(), IsLatitude());
}

export function Longitude(): PropertyDecorator {
  return applyDecorators(IsNumber(), IsLongitude());
}
