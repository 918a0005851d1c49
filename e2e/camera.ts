// A fake back camera for Chromium that films a QR code: a Y4M clip Chromium reads when a
// page opens the camera (so the file can be written just before, with a fresh code).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { launchChromium } from './chromium.ts';

const WIDTH = 640;
const HEIGHT = 480;
const SCALE = 8;
const WHITE = 235;
const BLACK = 16;

/** Writes a clip of a few identical frames showing `text` as a QR code, black on white. */
export function writeQrClip(file: string, text: string) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const luma = Buffer.alloc(WIDTH * HEIGHT, WHITE);
  const left = Math.floor((WIDTH - modules.size * SCALE) / 2);
  const top = Math.floor((HEIGHT - modules.size * SCALE) / 2);
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (!modules.get(row, col)) continue;
      for (let dy = 0; dy < SCALE; dy += 1) {
        const start = (top + row * SCALE + dy) * WIDTH + left + col * SCALE;
        luma.fill(BLACK, start, start + SCALE);
      }
    }
  }
  const chroma = Buffer.alloc(WIDTH * HEIGHT / 2, 128); // 4:2:0, both planes grey
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]));
}

/** A Chromium whose camera plays the clip at the returned path (allowed without asking). */
export async function launchWithQrCamera() {
  const clip = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-camera-')), 'qr.y4m');
  writeQrClip(clip, 'not yet');
  const browser = await launchChromium([
    '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${clip}`,
  ]);
  return { browser, clip, close: async () => { await browser.close(); fs.rmSync(path.dirname(clip), { recursive: true, force: true }); } };
}
