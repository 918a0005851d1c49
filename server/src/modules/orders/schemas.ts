import { Type } from 'typebox';
import { Id, nullable, Phone, RegionCode, Timestamp } from '../../http/schemas.ts';
import { serviceCategories } from '../../lib/categories.ts';

const Category = Type.Enum(serviceCategories);
const OrderStatus = Type.Enum(['ordered', 'triaged', 'dispatched', 'accepted', 'delivered', 'rated', 'cancelled']);
const Participants = Type.Array(
  Type.Object({ volunteerId: Id, minutes: Type.Integer({ minimum: 1, maximum: 1440 }) }, { additionalProperties: false }),
  { maxItems: 200, description: 'The team members who served, and for how long (into the ledger)' },
);

export const MenuItemInput = Type.Object(
  {
    siteId: Id,
    organizationId: Id,
    title: Type.String({ minLength: 2, maxLength: 60 }),
    category: Category,
    description: Type.Optional(nullable(Type.String({ maxLength: 1000 }))),
    place: Type.Optional(nullable(Type.String({ maxLength: 200 }))),
    schedule: Type.Optional(nullable(Type.String({ maxLength: 100, description: 'e.g. 每周六上午' }))),
    capacity: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: 100000 }))),
  },
  { additionalProperties: false },
);
export const MenuItem = Type.Object({
  id: Type.Integer(), title: Type.String(), category: Type.String(), description: nullable(Type.String()), place: nullable(Type.String()),
  schedule: nullable(Type.String()), capacity: nullable(Type.Integer()),
  used: Type.Integer({ description: 'Places taken: orders in progress for it (finished and cancelled ones free theirs)' }), status: Type.Enum(['pending', 'approved', 'rejected', 'retired']),
  rejectReason: nullable(Type.String()),
  site: Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String(), regionCode: RegionCode }),
  organization: Type.Object({ id: Type.Integer(), name: Type.String() }),
});
export const MenuList = Type.Object({ items: Type.Array(MenuItem) });
export const MenuQuery = Type.Object({ siteId: Id, category: Type.Optional(Category) }, { additionalProperties: false });
export const StaffMenuQuery = Type.Object({ status: Type.Optional(Type.Enum(['pending', 'approved', 'rejected', 'retired'])) }, { additionalProperties: false });

export const OrderInput = Type.Object(
  {
    menuItemId: Type.Optional(Id),
    title: Type.Optional(Type.String({ minLength: 2, maxLength: 60, description: 'For a request off the menu' })),
    details: Type.Optional(nullable(Type.String({ maxLength: 1000 }))),
    category: Type.Optional(Category),
    siteId: Id,
    address: Type.Optional(nullable(Type.String({ maxLength: 200 }))),
    contactPhone: Type.Optional(nullable(Phone)),
  },
  { additionalProperties: false },
);

export const Order = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  details: nullable(Type.String()),
  category: Type.String(),
  menuItemId: nullable(Type.Integer()),
  resident: Type.String({ description: 'Masked except to the staff, the resident and the team serving' }),
  contactPhone: nullable(Type.String()),
  address: nullable(Type.String()),
  site: Type.Object({ id: Type.Integer(), name: Type.String(), regionCode: RegionCode }),
  handler: Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String(), regionCode: RegionCode }),
  status: OrderStatus,
  organization: nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  openForGrab: Type.Boolean(),
  deadline: nullable(Timestamp),
  overdue: Type.Boolean(),
  escalations: Type.Integer(),
  declineReason: nullable(Type.String()),
  deliveryReport: nullable(Type.String()),
  deliveryPhotos: Type.Array(Type.String()),
  rating: nullable(Type.Integer()),
  ratingComment: nullable(Type.String()),
  createdAt: Timestamp,
});
export const OrderDetail = Type.Object({
  ...Order.properties,
  timeline: Type.Array(Type.Object({ from: nullable(Type.String()), to: Type.String(), note: nullable(Type.String()), actor: nullable(Type.String()), at: Timestamp })),
});
export const OrderList = Type.Object({ items: Type.Array(Order) });
export const TeamOrderList = Type.Object({
  items: Type.Array(Order),
  teams: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() }), { description: 'The approved teams I lead (to grab for)' }),
});
export const Board = Type.Object({
  columns: Type.Object(Object.fromEntries(['ordered', 'triaged', 'dispatched', 'accepted', 'delivered', 'rated'].map((s) => [s, Type.Array(Order)]))),
  overdue: Type.Integer(),
});
export const BoardQuery = Type.Object({ under: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })) }, { additionalProperties: false });

export const DispatchRequest = Type.Object(
  {
    organizationId: Type.Optional(Id),
    openForGrab: Type.Optional(Type.Boolean()),
    passToSiteId: Type.Optional(Id),
    hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720, description: 'Deadline to accept, in hours (default 24)' })),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false, description: 'Exactly one of organizationId, openForGrab or passToSiteId' },
);
export const DeclineRequest = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false });
export const Declined = Type.Object({ id: Type.Integer(), status: Type.Literal('triaged') });
export const GrabRequest = Type.Object({ organizationId: Id }, { additionalProperties: false });
export const DeliverRequest = Type.Object(
  {
    report: Type.String({ minLength: 2, maxLength: 2000 }),
    photos: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 9 })),
    participants: Type.Optional(Participants),
  },
  { additionalProperties: false },
);
export const RateRequest = Type.Object(
  { score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(nullable(Type.String({ maxLength: 500 }))) },
  { additionalProperties: false },
);
export const ReopenRequest = Type.Object({ note: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false });
