// Photos of a visit, picked on the phone. They go into the visit queue (not straight to
// the server), so a visit with photos can be saved with no signal: each photo is first
// downscaled on the phone to a JPEG of at most 1280 px (~100-300 KB) and kept as a data URL
// in localStorage with the visit. The server re-encodes it again on upload (files module).
import { ImageUploader, ImageViewer, type ImageUploadItem } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { VisitPhoto } from '../../../api/careTypes';
import { call } from '../../../shared/errors';
import { multipart } from '../../../shared/files';
import { useI18n } from '../../../shared/i18n';
import { ErrorText } from '../../components/Async';

/** Few enough that a handful of queued visits fit in the browser's storage. */
export const VISIT_PHOTOS_MAX = 4;
const MAX_SIDE = 1280;
const QUALITY = 0.72;

/** The photo as a JPEG data URL of at most MAX_SIDE px (EXIF orientation applied by the browser). */
export async function downscalePhoto(file: Blob): Promise<string> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas.toDataURL('image/jpeg', QUALITY);
}

/** The bytes of a base64 data URL (decoded here: the page's CSP allows no fetch of data: URLs). */
function bytesOf(dataUrl: string): Uint8Array<ArrayBuffer> {
  const text = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Sends a queued photo to the API (POST /files) and answers the stored file's id. */
export async function uploadPhoto(dataUrl: string): Promise<string> {
  const file = new File([bytesOf(dataUrl)], 'visit.jpg', { type: 'image/jpeg' });
  return (await call(api.POST('/api/v1/files', { body: multipart({ file }) }))).id;
}

/** The picker in the visit form: the value is the downscaled photos (data URLs). */
export function VisitPhotoPicker({ value, onChange }: { value: ImageUploadItem[]; onChange(items: ImageUploadItem[]): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);

  async function keep(file: File): Promise<ImageUploadItem> {
    setError(null);
    try {
      return { url: await downscalePhoto(file) };
    } catch (failure) {
      setError(t('care.visit.photoUnreadable'));
      throw failure;
    }
  }

  return (
    <>
      <ImageUploader value={value} onChange={onChange} upload={keep} accept="image/*" maxCount={VISIT_PHOTOS_MAX} aria-label={t('care.visit.photos')} />
      <ErrorText>{error}</ErrorText>
    </>
  );
}

/** A visit's photos in the history: thumbnails, tapped to see them full size. */
export function VisitPhotos({ photos }: { photos: readonly VisitPhoto[] }) {
  const { t } = useI18n();
  if (photos.length === 0) return null;
  return (
    <ul className="m-visit-photos" aria-label={t('care.visit.photos')}>
      {photos.map((photo, index) => (
        <li key={photo.id}>
          <button type="button" onClick={() => ImageViewer.Multi.show({ images: photos.map((p) => p.url), defaultIndex: index })}>
            <img src={photo.thumbUrl} alt={t('care.visit.photoAlt', { n: index + 1 })} loading="lazy" />
          </button>
        </li>
      ))}
    </ul>
  );
}
