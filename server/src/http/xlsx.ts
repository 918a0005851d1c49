// Spreadsheet downloads: one content type, one schema, one way to name the file.
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const XlsxFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: XLSX });

/** Sends a workbook as an attachment; the Chinese file name survives (RFC 5987) with an ASCII fallback. */
export function sendXlsx(reply: FastifyReply, filename: string, body: Buffer | NodeJS.ReadableStream) {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply.type(XLSX)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(body);
}
