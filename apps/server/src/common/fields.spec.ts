import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { AppModule } from '../app.module';
import { Environment } from '../config/environment';

/** Rules that take any string: each must come with the text check. */
const STRINGS = ['isString', 'isUrl'];
/** Strings checked by their own reader rather than as text (each says why where it is declared). */
const NOT_TEXT = ['CheckinDto.token'];

/** Every class-validator rule of every class the app loads (AppModule imports every controller and DTO). */
function everyRule(): Map<string, ValidationMetadata[]> {
  expect(AppModule).toBeDefined();
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<object, ValidationMetadata[]>;
  };
  const rules = new Map<string, ValidationMetadata[]>();
  for (const [target, metadatas] of storage.validationMetadatas) {
    if (target === Environment) continue;
    const ofTarget = getMetadataStorage().getTargetValidationMetadatas(target as never, '', true, false);
    for (const metadata of [...metadatas, ...ofTarget]) {
      const key = `${(target as { name: string }).name}.${metadata.propertyName}`;
      rules.set(key, [...(rules.get(key) ?? []), metadata]);
    }
  }
  return rules;
}

describe('the fields of every request', () => {
  const rules = everyRule();

  it('are read from many DTOs', () => {
    expect(rules.size).toBeGreaterThan(150);
  });

  it('never use @IsOptional(), which lets null into NOT NULL columns: Optional() or Nullable() instead', () => {
    const lax = [...rules]
      .filter(([, list]) => list.some((m) => m.name === 'isOptional'))
      .map(([key]) => key);
    expect(lax).toEqual([]);
  });

  it('check every string as text (no control or reordering characters), through Line(), Lines() or Url()', () => {
    const unchecked = [...rules]
      .filter(([key, list]) => !NOT_TEXT.includes(key) && list.some((m) => STRINGS.includes(m.name ?? '')))
      .filter(([, list]) => !list.some((m) => m.name === 'safeText'))
      .map(([key]) => key);
    expect(unchecked).toEqual([]);
  });
});
