// One error catalogue: a stable code (clients switch on it), its HTTP status and its
// message in Chinese and English. Every error response is {error: {code, message, field?}}.

export type Locale = 'zh' | 'en';

interface ErrorSpec {
  status: number;
  zh: string;
  en: string;
}

export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, zh: '请求内容不符合要求', en: 'The request is not valid' },
  MALFORMED_JSON: { status: 400, zh: '请求内容不是合法的 JSON', en: 'The request body is not valid JSON' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in first' },
  BAD_CREDENTIALS: { status: 401, zh: '手机号或密码不正确', en: 'Wrong phone number or password' },
  ACCOUNT_DISABLED: { status: 403, zh: '该账号已停用，请联系管理员', en: 'This account is disabled; contact an administrator' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  ROLE_TOO_HIGH: { status: 403, zh: '只能为下级创建角色', en: 'You can only grant roles below your own' },
  CSRF_REJECTED: { status: 403, zh: '请求来源不被信任，请刷新页面后重试', en: 'Request origin not trusted; reload the page and retry' },
  NOT_FOUND: { status: 404, zh: '找不到该内容', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such API route' },
  METHOD_NOT_ALLOWED: { status: 405, zh: '不支持该请求方法', en: 'Method not allowed' },
  CONFLICT: { status: 409, zh: '与现有数据冲突', en: 'Conflicts with existing data' },
  PHONE_TAKEN: { status: 409, zh: '该手机号已注册', en: 'This phone number is already registered' },
  VOLUNTEER_EXISTS: { status: 409, zh: '该身份证号已注册为志愿者', en: 'A volunteer with this ID number is already registered' },
  ALREADY_VOLUNTEER: { status: 409, zh: '您已注册为志愿者', en: 'You are already registered as a volunteer' },
  ALREADY_DECIDED: { status: 409, zh: '该申请已处理', en: 'This request has already been decided' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, zh: '相同的请求正在处理，请稍候', en: 'The same request is still being processed' },
  IDEMPOTENCY_DONE: { status: 409, zh: '该请求已经完成，请刷新查看结果', en: 'This request was already carried out; refresh to see the result' },
  ALREADY_RECORDED: { status: 409, zh: '该服务的时长已记录', en: 'Hours for this service are already recorded' },
  ALREADY_REVERSED: { status: 409, zh: '该记录已被冲正', en: 'This entry has already been reversed' },
  MENU_ITEM_FULL: { status: 409, zh: '该服务名额已满，请等有名额空出后再点单', en: 'This service is fully booked; order again when a place frees up' },
  MENU_ITEM_RETIRED: { status: 409, zh: '该服务已下架，不再接受点单', en: 'This service has been withdrawn from the menu and takes no new orders' },
  INVALID_TRANSITION: { status: 409, zh: '当前状态为“{state}”，不能执行此操作', en: 'Not possible while the state is {state}' },
  WRONG_PASSWORD: { status: 400, zh: '原密码不正确', en: 'The current password is wrong' },
  WEAK_PASSWORD: { status: 400, zh: '密码至少 8 位，且须同时包含字母和数字', en: 'Passwords need at least 8 characters with letters and digits' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  IMPORT_FILE_TYPE: { status: 415, zh: '请上传 .xlsx 或 .csv 文件', en: 'Upload an .xlsx or .csv file' },
  IMPORT_HEADER_MISSING: { status: 400, zh: '表头缺少必填列：{columns}，请使用下载的模板', en: 'The header row lacks required columns: {columns}; use the template' },
  TOO_MANY_ATTEMPTS: { status: 429, zh: '尝试次数过多，请 {minutes} 分钟后再试', en: 'Too many attempts; try again in {minutes} minutes' },
  BACKUP_UNREADABLE: { status: 400, zh: '备份文件无法使用：{reason}', en: 'The backup file cannot be used: {reason}' },
  BACKUP_SCHEMA_NEWER: { status: 409, zh: '备份来自更新的连心桥（数据库结构第 {version} 版，本程序只认识到第 {known} 版），请先升级连心桥', en: 'The backup comes from a newer Lianxin (schema version {version}; this one knows up to {known}): upgrade first' },
  RESTORE_SCHEMA_AHEAD: { status: 409, zh: '数据库结构（第 {current} 版）比备份（第 {version} 版）新，无法恢复到其中，请恢复到新建的空数据库', en: 'The database schema (version {current}) is newer than the backup (version {version}): restore into a new empty database' },
  RESTORE_NOT_EMPTY: { status: 409, zh: '目标数据库不是空的（表 {table} 有数据），请恢复到新建的空数据库，或加 --force 清空后恢复', en: 'The database is not empty (table {table} has rows): restore into a new empty database, or pass --force to replace its contents' },
  DATABASE_UNAVAILABLE: { status: 503, zh: '数据库暂时不可用，请稍后重试', en: 'The database is unavailable; please retry shortly' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后重试', en: 'Internal error; please retry shortly' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly params: Record<string, string | number>;
  /** A specific message for this occurrence, overriding the catalogue's. */
  readonly detail: { zh: string; en: string } | undefined;

  constructor(
    code: ErrorCode,
    options: { field?: string; params?: Record<string, string | number>; detail?: { zh: string; en: string } } = {},
  ) {
    super(errorCatalogue[code].en);
    this.code = code;
    this.field = options.field;
    this.params = options.params ?? {};
    this.detail = options.detail;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }
}

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => String(params[key] ?? whole));
}

export function errorBody(error: AppError, locale: Locale): ErrorBody {
  const template = error.detail?.[locale] ?? errorCatalogue[error.code][locale];
  const body: ErrorBody = { error: { code: error.code, message: fill(template, error.params) } };
  if (error.field) body.error.field = error.field;
  return body;
}

export const notFound = (field?: string) => new AppError('NOT_FOUND', field ? { field } : {});
export const forbidden = () => new AppError('FORBIDDEN');
