import { FieldError } from '@redvest/contract';
import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorCode } from '@redvest/contract';
import { DomainError } from './domain-error';

/** Chinese words for class-validator's constraints, so a field error reads well in the app. */
const MESSAGES: Record<string, string> = {
  whitelistValidation: '不允许提交此字段',
  isDefined: '不能为空',
  isNotEmpty: '不能为空',
  isString: '应为文字',
  isInt: '应为整数',
  isNumber: '应为数字',
  isBoolean: '应为是或否',
  isArray: '应为列表',
  isIn: '取值不在允许的范围内',
  isEnum: '取值不在允许的范围内',
  maxLength: '太长了',
  minLength: '太短了',
  arrayMaxSize: '项目太多了',
  arrayMinSize: '至少需要一项',
  arrayUnique: '有重复的项目',
  min: '太小了',
  max: '太大了',
  matches: '格式不正确',
  isUuid: '编号格式不正确',
  isDateString: '应为日期时间（ISO 8601）',
  isISO8601: '应为日期时间（ISO 8601）',
  isPhone: '手机号格式不正确',
  isObject: '格式不正确',
  nestedValidation: '格式不正确',
  safeText: '不能含有控制字符或改变文字方向的字符',
  visibleText: '不能为空（只有空格或看不见的字符）',
  dateWithin: '日期不在合理的范围内',
  saneYear: '年份不在合理的范围内',
};

export function fieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((constraint) => ({
      field,
      message: MESSAGES[constraint] ?? '格式不正确',
    }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/** Validates every body and query against its DTO: unknown fields are refused, nothing is coerced silently. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => new DomainError(ErrorCode.ValidationFailed, fieldErrors(errors)),
  });
}
