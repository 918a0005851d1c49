// Uploaded images. The type is read from the bytes themselves (magic numbers), never from
// the name or the client's word, and the size is capped.
import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Actor } from '../../lib/scope.ts';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The image type the bytes really are, or null. */
export function sniffImage(bytes: Buffer): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

export async function saveImage(ctx: AppContext, actor: Actor, bytes: Buffer) {
  const contentType = sniffImage(bytes);
  if (!contentType) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { field: 'file', detail: { zh: '只能上传 JPG、PNG 或 WebP 图片', en: 'Only JPG, PNG or WebP images can be uploaded' } });
  }
  if (bytes.length > MAX_IMAGE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { field: 'file' });
  const row = await ctx.db.insertInto('files').values({
    owner_id: actor.userId, content_type: contentType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), bytes,
  }).returning(['id', 'content_type', 'size']).executeTakeFirstOrThrow();
  return { id: row.id, url: `/api/v1/files/${row.id}`, contentType: row.content_type, size: row.size };
}

export async function readImage(ctx: AppContext, id: string) {
  const row = await ctx.db.selectFrom('files').select(['content_type', 'bytes']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('id');
  return { contentType: row.content_type, bytes: row.bytes };
}
