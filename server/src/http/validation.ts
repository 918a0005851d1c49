// Turns a schema validation failure into our error: the first failing field, and a message
// in Chinese or English that a person (not a programmer) can act on.
import type { FastifySchemaValidationError } from 'fastify';
import { AppError } from '../lib/errors.ts';

type Messages = { zh: string; en: string };

function describe(error: FastifySchemaValidationError, field: string): Messages {
  const p = error.params as Record<string, unknown>;
  const name = field || '请求';
  const nameEn = field || 'request';
  switch (error.keyword) {
    case 'required':
      return { zh: `缺少必填项 ${name}`, en: `${nameEn} is required` };
    case 'additionalProperties':
      return { zh: `不认识的字段 ${name}`, en: `Unknown field ${nameEn}` };
    case 'type':
      return { zh: `${name} 的类型应为 ${String(p.type)}`, en: `${nameEn} must be of type ${String(p.type)}` };
    case 'minLength':
      return { zh: `${name} 至少 ${String(p.limit)} 个字符`, en: `${nameEn} needs at least ${String(p.limit)} characters` };
    case 'maxLength':
      return { zh: `${name} 最多 ${String(p.limit)} 个字符`, en: `${nameEn} allows at most ${String(p.limit)} characters` };
    case 'minimum':
    case 'exclusiveMinimum':
      return { zh: `${name} 不能小于 ${String(p.limit)}`, en: `${nameEn} must be at least ${String(p.limit)}` };
    case 'maximum':
    case 'exclusiveMaximum':
      return { zh: `${name} 不能大于 ${String(p.limit)}`, en: `${nameEn} must be at most ${String(p.limit)}` };
    case 'enum':
    case 'const':
    case 'anyOf':
      return { zh: `${name} 的取值无效`, en: `${nameEn} has an invalid value` };
    case 'minItems':
      return { zh: `${name} 至少需要 ${String(p.limit)} 项`, en: `${nameEn} needs at least ${String(p.limit)} items` };
    case 'maxItems':
      return { zh: `${name} 最多 ${String(p.limit)} 项`, en: `${nameEn} allows at most ${String(p.limit)} items` };
    default:
      return { zh: `${name} 格式不正确`, en: `${nameEn} is not in the right format` };
  }
}

/** 'body.site.name', or the missing/unknown property itself, as the field name clients show. */
function fieldOf(error: FastifySchemaValidationError): string {
  const p = error.params as Record<string, unknown>;
  const path = error.instancePath.split('/').filter(Boolean);
  // Ajv names one property; TypeBox's own validator (used for imported rows) lists them.
  const named = (single: unknown, list: unknown) => (typeof single === 'string' ? single : Array.isArray(list) ? String(list[0]) : undefined);
  const missing = named(p.missingProperty, p.requiredProperties);
  const unknown = named(p.additionalProperty, p.additionalProperties);
  if (error.keyword === 'required' && missing) path.push(missing);
  if (error.keyword === 'additionalProperties' && unknown) path.push(unknown);
  return path.join('.');
}

export function validationError(errors: readonly FastifySchemaValidationError[]): AppError {
  const first = errors[0];
  if (!first) return new AppError('VALIDATION_FAILED');
  const field = fieldOf(first);
  return new AppError('VALIDATION_FAILED', { field, detail: describe(first, field) });
}
