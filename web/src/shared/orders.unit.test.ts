// The web's copies of the orders API's states and limits match the OpenAPI document; the
// clock of an order, the board's order and the next steps behave.
import { describe, expect, it } from 'vitest';
import openapi from '../api/openapi.json' with { type: 'json' };
import { translate } from './i18n';
import {
  boardColumns, boardSort, formatDuration, mayReviewMenuItem, menuItemStatuses, orderLimits, orderStatuses, orderSteps, staffSteps, timerOf, timerText, type Order,
} from './orders';

type Schema = { enum?: string[]; minLength?: number; maxLength?: number; minimum?: number; maximum?: number; maxItems?: number; anyOf?: Schema[]; items?: Schema; properties?: Record<string, Schema> };
const paths = openapi.paths as unknown as Record<string, Record<string, {
  requestBody?: { content: { 'application/json': { schema: Schema } } };
  parameters?: { name: string; schema: Schema }[];
  responses: Record<string, { content?: { 'application/json': { schema: Schema } } }>;
}>>;
const body = (path: string) => paths[path]!.post!.requestBody!.content['application/json'].schema.properties!;
const ok = (path: string) => paths[path]!.get!.responses['200']!.content!['application/json'].schema.properties!;
const nonNull = (schema: Schema) => schema.anyOf?.find((branch) => !('type' in branch && (branch as { type?: string }).type === 'null')) ?? schema;

const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh', key, params);
const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);

describe('order lists and limits follow the API', () => {
  it('has every state in the server’s order, and a board column for each open or finished one', () => {
    const order = ok('/api/v1/orders/{id}');
    expect(orderStatuses).toEqual(order.status!.enum);
    expect(boardColumns).toEqual(Object.keys(ok('/api/v1/orders/board').columns!.properties!));
    expect(menuItemStatuses).toEqual(paths['/api/v1/menu/items']!.get!.parameters!.find((p) => p.name === 'status')!.schema.enum);
  });

  it('has the request limits', () => {
    const order = body('/api/v1/orders');
    expect(orderLimits.title).toEqual({ min: order.title!.minLength, max: order.title!.maxLength });
    expect(orderLimits.details).toBe(nonNull(order.details!).maxLength);
    expect(orderLimits.address).toBe(nonNull(order.address!).maxLength);
    const item = body('/api/v1/menu/items');
    expect(orderLimits.schedule).toBe(nonNull(item.schedule!).maxLength);
    expect(orderLimits.place).toBe(nonNull(item.place!).maxLength);
    expect(orderLimits.capacity).toBe(nonNull(item.capacity!).maximum);
    expect(orderLimits.reason).toEqual({ min: body('/api/v1/orders/{id}/decline').reason!.minLength, max: body('/api/v1/orders/{id}/decline').reason!.maxLength });
    const deliver = body('/api/v1/orders/{id}/deliver');
    expect(orderLimits.report).toEqual({ min: deliver.report!.minLength, max: deliver.report!.maxLength });
    expect(orderLimits.photos).toBe(deliver.photos!.maxItems);
    expect(orderLimits.ratingComment).toBe(nonNull(body('/api/v1/orders/{id}/rate').comment!).maxLength);
    const dispatch = body('/api/v1/orders/{id}/dispatch');
    expect(orderLimits.hours).toEqual({ min: dispatch.hours!.minimum, max: dispatch.hours!.maximum });
    expect(orderLimits.note).toBe(dispatch.note!.maxLength);
  });
});

const NOW = Date.parse('2026-11-29T08:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('the clock of an order', () => {
  it('counts whole minutes left, or past the deadline', () => {
    expect(timerOf({ deadline: at(90.5) }, NOW)).toEqual({ late: false, minutes: 90 });
    expect(timerOf({ deadline: at(-125) }, NOW)).toEqual({ late: true, minutes: 125 });
    expect(timerOf({ deadline: at(0) }, NOW)).toEqual({ late: false, minutes: 0 });
    expect(timerOf({ deadline: null }, NOW)).toBeNull();
  });

  it('says it in the two largest units, in both languages', () => {
    expect(formatDuration(7, zh)).toBe('7 分钟');
    expect(formatDuration(60, zh)).toBe('1 小时 0 分');
    expect(formatDuration(323, zh)).toBe('5 小时 23 分');
    expect(formatDuration(2 * 1440 + 185, zh)).toBe('2 天 3 小时');
    expect(timerText({ late: false, minutes: 320 }, zh)).toBe('还剩 5 小时 20 分');
    expect(timerText({ late: true, minutes: 1500 }, zh)).toBe('已超时 1 天 1 小时');
    expect(timerText({ late: true, minutes: 12 }, en)).toBe('12 min overdue');
  });
});

describe('boardSort', () => {
  const order = (id: number, deadline: number | null, overdue = false) => ({ id, overdue, deadline: deadline === null ? null : at(deadline) }) as Pick<Order, 'id' | 'overdue' | 'deadline'>;

  it('puts escalated orders first, then those past due, then the soonest deadline, then none', () => {
    const sorted = boardSort([order(1, null), order(2, 600), order(3, 60), order(4, -30), order(5, 1400, true), order(6, -300), order(7, 60)], NOW);
    expect(sorted.map((o) => o.id)).toEqual([5, 6, 4, 3, 7, 2, 1]);
  });

  it('leaves the input alone', () => {
    const input = [order(2, 60), order(1, 30)];
    boardSort(input, NOW);
    expect(input.map((o) => o.id)).toEqual([2, 1]);
  });
});

describe('next steps', () => {
  const team = { id: 7, name: '庆南社区邻里守望志愿服务队' };
  const base = { organization: null, openForGrab: false } as const;
  const resident = { resident: true, myTeamIds: [] };
  const leader = { resident: false, myTeamIds: [7] };

  it('lets the resident cancel until a team accepts, and rate once delivered', () => {
    expect(orderSteps({ ...base, status: 'ordered' }, resident)).toEqual(['cancel']);
    expect(orderSteps({ ...base, status: 'dispatched', organization: team }, resident)).toEqual(['cancel']);
    expect(orderSteps({ ...base, status: 'accepted', organization: team }, resident)).toEqual([]);
    expect(orderSteps({ ...base, status: 'delivered', organization: team }, resident)).toEqual(['rate']);
    expect(orderSteps({ ...base, status: 'rated', organization: team }, resident)).toEqual([]);
  });

  it('lets the leader of the team sent to accept or decline, then deliver; others nothing', () => {
    expect(orderSteps({ ...base, status: 'dispatched', organization: team }, leader)).toEqual(['accept', 'decline']);
    expect(orderSteps({ ...base, status: 'accepted', organization: team }, leader)).toEqual(['deliver']);
    expect(orderSteps({ ...base, status: 'dispatched', organization: team }, { resident: false, myTeamIds: [8] })).toEqual([]);
    expect(orderSteps({ ...base, status: 'delivered', organization: team }, leader)).toEqual([]);
  });

  it('offers an open order to grab to any team leader only', () => {
    expect(orderSteps({ ...base, status: 'dispatched', openForGrab: true }, leader)).toEqual(['grab']);
    expect(orderSteps({ ...base, status: 'dispatched', openForGrab: true }, { resident: false, myTeamIds: [] })).toEqual([]);
  });

  it('gives the staff one step per state', () => {
    expect(staffSteps({ status: 'ordered' })).toEqual(['triage']);
    expect(staffSteps({ status: 'triaged' })).toEqual(['dispatch']);
    expect(staffSteps({ status: 'delivered' })).toEqual(['rate', 'reopen']);
  });
});

describe('mayReviewMenuItem', () => {
  const station = { site: { kind: 'station', regionCode: '210321001021' } };
  const grant = (role: string, kind: string, regionCode: string) => ({ role, site: { kind, regionCode } });

  it('lets the levels above the item’s site review it, within their area', () => {
    expect(mayReviewMenuItem(station, [grant('institute_admin', 'institute', '210321001000')])).toBe(true);
    expect(mayReviewMenuItem(station, [grant('center_admin', 'center', '210321000000')])).toBe(true);
    expect(mayReviewMenuItem(station, [grant('institute_admin', 'institute', '210321002000')])).toBe(false);
  });

  it('does not let the site’s own level, or a team leader, review it', () => {
    expect(mayReviewMenuItem(station, [grant('station_admin', 'station', '210321001021')])).toBe(false);
    expect(mayReviewMenuItem(station, [grant('team_leader', 'station', '210321001021')])).toBe(false);
    expect(mayReviewMenuItem({ site: { kind: 'center', regionCode: '210321000000' } }, [grant('center_admin', 'center', '210321000000')])).toBe(false);
  });
});
