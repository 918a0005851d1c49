// Uploaded images. The type is read from the bytes themselves (magic numbers), never from
// the name or the client's word; the size is capped; photos are re-encoded for phones
// (at most 1600 px, and a 320 px thumbnail), which also drops what the original carried
// (EXIF location) and anything hidden after the image data.
import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { covers, type Actor } from '../../lib/scope.ts';
import * as organizations from '../organizations/service.ts';
import * as q from './queries.ts';
import { fileStore, type Variant } from './store.ts';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The image type the bytes really are, or null. */
export function sniffImage(bytes: Buffer): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

const notAnImage = () => new AppError('UNSUPPORTED_MEDIA_TYPE', {
  field: 'file', detail: { zh: '只能上传 JPG、PNG 或 WebP 图片', en: 'Only JPG, PNG or WebP images can be uploaded' },
});

/** Re-encoded as JPEG: the phone-sized photo and its thumbnail. */
async function resized(bytes: Buffer): Promise<Record<Variant, Buffer>> {
  try {
    const image = sharp(bytes, { failOn: 'error' }).rotate();
    const [full, thumb] = await Promise.all([
      image.clone().resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 82, mozjpeg: true }).toBuffer(),
      image.clone().resize({ width: 320, height: 320, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 75 }).toBuffer(),
    ]);
    return { full, thumb };
  } catch {
    throw notAnImage(); // the header said image, the rest did not
  }
}

export async function saveImage(ctx: AppContext, actor: Actor, bytes: Buffer) {
  if (!sniffImage(bytes)) throw notAnImage();
  if (bytes.length > MAX_IMAGE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { field: 'file' });
  const variants = await resized(bytes);
  const store = fileStore(ctx.config.fileStorage);
  const id = randomUUID();
  await inTransaction(ctx, async (tx) => {
    await tx.db.insertInto('files').values({
      id, owner_id: actor.userId, content_type: 'image/jpeg', size: variants.full.length, storage: store.kind,
      sha256: createHash('sha256').update(variants.full).digest('hex'),
    }).execute();
    await store.put(tx, id, variants);
  });
  return { id, url: `/api/v1/files/${id}`, thumbUrl: `/api/v1/files/${id}?size=thumb`, contentType: 'image/jpeg', size: variants.full.length };
}

/**
 * Refuses file ids that are not images this user uploaded: a wish's or an order's photos
 * are shown to others as the record's own, so an id made up, or another person's upload,
 * has no place there. `field` names the list in the error.
 */
export async function checkOwnFiles(ctx: AppContext, userId: number, ids: readonly string[], field = 'photos') {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const owned = await ctx.db.selectFrom('files').select('id').where('owner_id', '=', userId).where('id', 'in', wanted).execute();
  if (owned.length !== wanted.length) {
    throw new AppError('VALIDATION_FAILED', { field, detail: { zh: '照片须是您本人上传的图片，请重新上传', en: 'Photos must be images you uploaded yourself; upload them again' } });
  }
}

/** The states in which the public wish wall shows a wish, fulfilment photos included. */
const onTheWall = ['published', 'claimed', 'fulfilled', 'confirmed'];

/**
 * Whether the reader (null for a visitor) may see a file: it follows what the file is
 * attached to. The uploader always; a wish's fulfilment photos publicly while the wall
 * shows the wish, else its poster, claimer and the staff over it; an order's delivery
 * photos the resident, the team and the staff over either site; a care visit's photos
 * whoever may read the recipient (the staff over it and the group's active members).
 * An unattached file is the uploader's alone.
 */
async function mayRead(ctx: AppContext, actor: Actor | null, file: { id: string; owner_id: number }) {
  if (actor?.userId === file.owner_id) return true;
  const wishes = await q.wishesHolding(ctx.db, file.id);
  if (wishes.some((wish) => onTheWall.includes(wish.status))) return true;
  if (!actor) return false;
  const manages = async (organizationId: number | null) => organizationId !== null && (await organizations.organizationManagedBy(ctx, actor, organizationId)) !== null;
  for (const wish of wishes) {
    if (covers(actor, wish.region_code) || [wish.posted_by, wish.claimed_by, wish.claimer_user_id].includes(actor.userId)) return true;
    if (await manages(wish.claimer_organization_id)) return true;
  }
  for (const order of await q.ordersHolding(ctx.db, file.id)) {
    if (covers(actor, order.region_code) || covers(actor, order.handler_region_code) || order.resident_id === actor.userId) return true;
    if (await manages(order.organization_id)) return true;
  }
  const visits = await q.careVisitsHolding(ctx.db, file.id, actor.userId);
  return visits.some((visit) => visit.member || covers(actor, visit.region_code));
}

/** An image for this reader, or 404 alike for a file that is missing and one they may not see. */
export async function readImage(ctx: AppContext, actor: Actor | null, id: string, variant: Variant) {
  const row = await q.findFile(ctx.db, id);
  if (!row || !(await mayRead(ctx, actor, row))) throw notFound('id');
  const bytes = await fileStore(row.storage).get(ctx, id, variant);
  if (!bytes) throw notFound('id');
  return { contentType: row.content_type, bytes };
}
