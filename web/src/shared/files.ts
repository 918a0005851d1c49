// Files to and from the API: multipart uploads through the typed client, and downloads
// (exports, templates, reports, PDFs) saved under the name the server gives.
import { callWithResponse } from './errors';

/**
 * A multipart body for the typed client, which sends FormData as it is. The API's schema
 * describes the fields as JSON would; the cast says the form carries the same fields.
 */
export function multipart(fields: Record<string, string | Blob | undefined>): never {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
  return form as never;
}

/** The file name of a Content-Disposition header (RFC 5987 `filename*` first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/** Fetches a file (a call made with parseAs: 'blob') and hands it to the browser to save. */
export async function download(request: Promise<{ data?: Blob; error?: unknown; response: Response }>, fallbackName: string): Promise<string> {
  const { data, response } = await callWithResponse(request);
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
