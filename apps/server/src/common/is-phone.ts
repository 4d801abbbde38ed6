import { isValidPhone } from '@redvest/domain';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** A mainland mobile or landline number (spaces and +86 allowed). */
export function IsPhone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPhone',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidPhone(value) },
    });
}
