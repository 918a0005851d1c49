import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/schemas.ts';
import { AppError } from '../../lib/errors.ts';
import { requireActor } from '../auth/service.ts';
import { MAX_IMAGE_BYTES, readImage, saveImage } from './service.ts';

const tags = ['files'];
const StoredFile = Type.Object({
  id: Type.String({ format: 'uuid' }), url: Type.String(), thumbUrl: Type.String({ description: '320 px' }), contentType: Type.String(), size: Type.Integer(),
});
const FileQuery = Type.Object({ size: Type.Optional(Type.Enum(['full', 'thumb'])) }, { additionalProperties: false });
const FileParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export function fileRoutes(app: App, ctx: AppContext) {
  // One more byte than allowed, so that an oversized file is recognised rather than cut.
  void app.register(multipart, { limits: { fileSize: MAX_IMAGE_BYTES + 1, files: 1, fields: 0 } });

  app.post('/files', {
    config: { access: 'signedIn' },
    schema: {
      tags, summary: 'Upload an image (JPG, PNG or WebP, at most 5 MB; the type is read from the bytes; kept resized for phones)',
      consumes: ['multipart/form-data'], response: { 201: StoredFile, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    const part = await request.file();
    if (!part) throw new AppError('VALIDATION_FAILED', { field: 'file' });
    const bytes = await part.toBuffer();
    if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', { field: 'file' });
    return reply.status(201).send(await saveImage(ctx, actor, bytes));
  });

  app.get('/files/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'An uploaded image (size=thumb for 320 px), to those who may see what it is attached to', params: FileParams, querystring: FileQuery, response: { 200: { type: 'string', format: 'binary' }, ...errorResponses } },
  }, async (request, reply) => {
    const file = await readImage(ctx, request.actor, request.params.id, request.query.size ?? 'full');
    return reply.type(file.contentType).header('cache-control', 'private, max-age=31536000, immutable').send(file.bytes);
  });
}
