// The columns of the import templates (Chinese headers staff fill in) and how a row of
// cells becomes the same input the API takes. Rules stay in the volunteers and
// organizations services; this file only translates.
import { availabilityNames, categoryNames, serviceCategories, type Availability, type ServiceCategory } from '../../lib/categories.ts';

export const importKinds = ['volunteers', 'organizations'] as const;
export type ImportKind = (typeof importKinds)[number];

export interface Column {
  key: string;
  header: string;
  /** Other headers staff use for the same column. */
  aliases?: string[];
  required: boolean;
  note: string;
  example: string;
  /** Keep as text in Excel (long digit strings would lose digits as numbers). */
  text?: boolean;
  width?: number;
  /** Holds an ID or phone number: masked in error reports for anyone but the uploader. */
  personal?: 'id' | 'phone';
}

const categoryList = serviceCategories.map((code) => categoryNames[code]).join('、');
const availabilityList = Object.values(availabilityNames).join('、');

export const volunteerColumns: Column[] = [
  { key: 'name', header: '姓名', required: true, note: '与身份证一致', example: '张晓明', width: 10 },
  { key: 'idNumber', header: '身份证号', aliases: ['身份证号码', '公民身份号码'], required: true, text: true, personal: 'id', width: 22, note: '18位居民身份证号，末位可为X；请设为文本格式', example: '210321199006150029' },
  { key: 'phone', header: '手机号', aliases: ['手机号码', '联系电话'], required: true, text: true, personal: 'phone', width: 14, note: '11位手机号', example: '13800000000' },
  {
    key: 'siteCode', header: '所属阵地区划代码', aliases: ['区划代码', '所属区划代码'], required: true, text: true, width: 18,
    note: '所在村（社区）的12位统计用区划代码，也可填乡镇（街道）或县（市、区）的代码；志愿者归属该地的实践站、所或中心', example: '210321001021',
  },
  { key: 'categories', header: '服务类别', required: false, width: 24, note: `可填多项，用顿号分隔：${categoryList}`, example: '助学支教、医疗健身' },
  { key: 'skills', header: '技能特长', required: true, width: 16, note: '可填多项，用顿号分隔，每项不超过20字', example: '急救、书法' },
  { key: 'availability', header: '可服务时间', required: true, width: 14, note: `可填多项，用顿号分隔：${availabilityList}`, example: '周末' },
  { key: 'partyMember', header: '是否党员', aliases: ['中共党员', '党员'], required: false, note: '是 / 否，不填为否', example: '是' },
  { key: 'emergencyReserve', header: '应急志愿者储备', aliases: ['应急储备'], required: false, note: '是 / 否，不填为否', example: '否' },
  { key: 'guardianName', header: '监护人姓名', required: false, note: '未满18周岁必填', example: '' },
  { key: 'guardianPhone', header: '监护人电话', required: false, text: true, personal: 'phone', width: 14, note: '未满18周岁必填，11位手机号', example: '' },
  { key: 'guardianConsent', header: '监护人同意', required: false, note: '未满18周岁须填“是”', example: '' },
  { key: 'consent', header: '本人同意', required: true, note: '须填“是”：本人已书面同意登记和使用其个人信息', example: '是' },
];

const sponsorTypes = { party_government: '党政机关', enterprise: '企业', institution: '事业单位', social: '社会组织' } as const;

export const organizationColumns: Column[] = [
  { key: 'name', header: '组织名称', aliases: ['队伍名称'], required: true, width: 28, note: '2至100字；同一阵地下不能重名', example: '庆南社区夕阳红志愿服务队' },
  { key: 'category', header: '服务类别', required: true, width: 14, note: `八类之一：${categoryList}；填其他名称则登记为自定义类别`, example: '扶危帮困' },
  {
    key: 'siteCode', header: '所属阵地区划代码', aliases: ['区划代码', '所属区划代码'], required: true, text: true, width: 18,
    note: '组织所在实践中心、所或站的12位统计用区划代码', example: '210321001021',
  },
  { key: 'sponsorType', header: '发起单位类型', required: false, width: 14, note: Object.values(sponsorTypes).join('、'), example: '社会组织' },
  { key: 'sponsorName', header: '发起单位名称', aliases: ['共建单位'], required: false, width: 20, note: '共建单位的名称', example: '' },
  { key: 'contactName', header: '联系人', required: false, note: '', example: '刘队长' },
  { key: 'contactPhone', header: '联系电话', required: false, text: true, personal: 'phone', width: 14, note: '11位手机号', example: '13800000004' },
  { key: 'description', header: '简介', required: false, width: 30, note: '不超过2000字', example: '为社区空巢老人提供助餐、陪伴服务' },
];

export const columnsOf = (kind: ImportKind) => (kind === 'volunteers' ? volunteerColumns : organizationColumns);

/** '姓名*', ' 姓名（必填）' and '姓名' all name the same column. */
function normalizeHeader(header: string): string {
  return header.replace(/[\s\u3000*＊]/g, '').replace(/[（(]必填[）)]/g, '');
}

export interface HeaderMap {
  /** Column key -> index of the cell in a row. */
  index: Map<string, number>;
  missing: Column[];
}

export function mapHeaders(kind: ImportKind, headers: string[], options: { siteOptional: boolean }): HeaderMap {
  const normalized = headers.map(normalizeHeader);
  const index = new Map<string, number>();
  for (const column of columnsOf(kind)) {
    const names = [column.header, ...(column.aliases ?? [])];
    const at = normalized.findIndex((header) => names.includes(header));
    if (at >= 0) index.set(column.key, at);
  }
  const missing = columnsOf(kind).filter((column) => column.required && !index.has(column.key)
    && !(column.key === 'siteCode' && options.siteOptional));
  return { index, missing };
}

/** The Chinese header of an input field, for messages ('guardian.phone' -> 监护人电话). */
export function headerOfField(kind: ImportKind, field: string | undefined): string | null {
  if (!field) return null;
  const [first, second] = field.split('.');
  const key = first === 'guardian' && second ? `guardian${second[0]!.toUpperCase()}${second.slice(1)}` : first === 'siteId' ? 'siteCode' : first;
  return columnsOf(kind).find((column) => column.key === key)?.header ?? null;
}

/** A problem found while reading a row, before any rule runs. */
export class CellProblem extends Error {}

const LIST_SEPARATOR = /[、,，;；/\s]+/;
const splitList = (text: string) => text.split(LIST_SEPARATOR).map((part) => part.trim()).filter(Boolean);

const categoryByName = new Map<string, ServiceCategory>([
  ...serviceCategories.map((code) => [categoryNames[code], code] as const),
  ...serviceCategories.map((code) => [code, code] as const),
]);
const availabilityByName = new Map<string, Availability>(
  (Object.entries(availabilityNames) as [Availability, string][]).flatMap(([code, name]) => [[name, code], [code, code]]),
);
const sponsorByName = new Map<string, string>(Object.entries(sponsorTypes).flatMap(([code, name]) => [[name, code], [code, code]]));

const YES = new Set(['是', 'Y', 'y', 'yes', 'Yes', 'YES', '1', 'true', 'TRUE', '√', '✓']);
const NO = new Set(['否', 'N', 'n', 'no', 'No', 'NO', '0', 'false', 'FALSE', '×', '']);

function yesNo(value: string, header: string): boolean {
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  throw new CellProblem(`${header}应填“是”或“否”，而不是“${value}”`);
}

function codes<T>(value: string, names: Map<string, T>, header: string, allowed: string): T[] {
  return splitList(value).map((name) => {
    const code = names.get(name);
    if (code === undefined) throw new CellProblem(`${header}“${name}”无法识别，可选：${allowed}`);
    return code;
  });
}

/** Reads one cell by column key; '' when the column is absent or the cell empty. */
export type CellReader = (key: string) => string;

export function cellReader(map: HeaderMap, cells: string[]): CellReader {
  return (key) => {
    const at = map.index.get(key);
    return at === undefined ? '' : (cells[at] ?? '').trim();
  };
}

/** Digits that Excel turned into a number in scientific notation (2.10321E+17). */
function checkNotScientific(value: string, header: string) {
  if (/^\d(\.\d+)?E\+?\d+$/i.test(value)) throw new CellProblem(`${header}被Excel存成了数字，请把该列设为文本格式后重新填写`);
}

/** A volunteer row as VolunteerInput, minus the site (resolved from the code separately). */
export function volunteerFromCells(cell: CellReader): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const put = (key: string, value: string) => {
    if (value !== '') input[key] = value;
  };
  put('name', cell('name'));
  checkNotScientific(cell('idNumber'), '身份证号');
  put('idNumber', cell('idNumber'));
  checkNotScientific(cell('phone'), '手机号');
  put('phone', cell('phone'));
  // Empty lists stay out: the registration rule then names the missing column (缺少必填项 技能特长).
  const putList = (key: string, values: unknown[]) => {
    if (values.length > 0) input[key] = [...new Set(values)];
  };
  input.categories = [...new Set(codes(cell('categories'), categoryByName, '服务类别', categoryList))];
  putList('skills', splitList(cell('skills')));
  putList('availability', codes(cell('availability'), availabilityByName, '可服务时间', availabilityList));
  input.partyMember = yesNo(cell('partyMember'), '是否党员');
  input.emergencyReserve = yesNo(cell('emergencyReserve'), '应急志愿者储备');
  const guardian = { name: cell('guardianName'), phone: cell('guardianPhone'), consent: cell('guardianConsent') };
  if (guardian.name || guardian.phone || guardian.consent) {
    const entry: Record<string, unknown> = { consent: yesNo(guardian.consent, '监护人同意') };
    if (guardian.name) entry.name = guardian.name;
    if (guardian.phone) entry.phone = guardian.phone;
    input.guardian = entry;
  }
  if (!yesNo(cell('consent'), '本人同意')) throw new CellProblem('须取得本人同意（本人同意填“是”）才能登记');
  input.consent = true;
  return input;
}

/** An organization row as OrganizationInput, minus the site. */
export function organizationFromCells(cell: CellReader): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const put = (key: string, value: string) => {
    if (value !== '') input[key] = value;
  };
  put('name', cell('name'));
  const category = cell('category');
  if (category) {
    const code = categoryByName.get(category);
    input.category = code ?? 'custom';
    if (!code) input.customCategory = category;
  }
  const sponsor = cell('sponsorType');
  if (sponsor) {
    const code = sponsorByName.get(sponsor);
    if (!code) throw new CellProblem(`发起单位类型“${sponsor}”无法识别，可选：${Object.values(sponsorTypes).join('、')}`);
    input.sponsorType = code;
  }
  put('sponsorName', cell('sponsorName'));
  put('contactName', cell('contactName'));
  checkNotScientific(cell('contactPhone'), '联系电话');
  put('contactPhone', cell('contactPhone'));
  put('description', cell('description'));
  return input;
}

/** The 12-digit division code of the home site column; shortened codes are padded. */
export function siteCodeOf(cell: CellReader): string | null {
  const raw = cell('siteCode');
  if (!raw) return null;
  checkNotScientific(raw, '所属阵地区划代码');
  if (!/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/.test(raw)) throw new CellProblem(`所属阵地区划代码应为12位数字，而不是“${raw}”`);
  return raw.padEnd(12, '0');
}
