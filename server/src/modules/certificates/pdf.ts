// The certificate as a PDF (民发〔2015〕149号 fields), Chinese set in Noto Sans SC (embedded,
// subset to the characters used), with a QR code that opens the public verify page.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export interface CertificateSnapshot {
  name: string;
  idType: string;
  idMasked: string;
  volunteerNo: string;
  hours: number;
  periodFrom: string | null;
  periodTo: string | null;
  content: string;
  issuer: string;
  personInCharge: string;
  handler: string;
  contact: string;
  issuedOn: string;
}

let font: Buffer | undefined;
function cjkFont(): Buffer {
  font ??= fs.readFileSync(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
  return font;
}

/** The issuer's seal: a red ring with the issuer's name, drawn (no image file to forge from). */
function drawSeal(doc: PDFKit.PDFDocument, issuer: string, x: number, y: number) {
  doc.save().lineWidth(3).strokeColor('#c8102e').circle(x, y, 52).stroke();
  doc.fillColor('#c8102e').fontSize(10);
  const chars = [...issuer].slice(0, 24);
  chars.forEach((char, i) => {
    const angle = Math.PI * (0.85 + (1.3 * i) / Math.max(chars.length - 1, 1));
    doc.text(char, x + 40 * Math.cos(angle) - 5, y + 40 * Math.sin(angle) - 6, { lineBreak: false });
  });
  doc.fontSize(22).text('★', x - 11, y - 14, { lineBreak: false });
  doc.fontSize(8).text('志愿服务证明专用章', x - 36, y + 14, { lineBreak: false });
  doc.restore();
}

export async function certificatePdf(code: string, snapshot: CertificateSnapshot, verifyUrl: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 64, info: { Title: `志愿服务证明 ${code}`, Author: snapshot.issuer } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('cjk', cjkFont()).font('cjk');

  doc.fontSize(26).fillColor('#111').text('志愿服务证明', { align: 'center' });
  doc.moveDown(0.3).fontSize(10).fillColor('#555').text(`证明编号：${code}`, { align: 'center' });
  doc.moveDown(1.5).fontSize(13).fillColor('#111');
  const period = snapshot.periodFrom ? `${snapshot.periodFrom} 至 ${snapshot.periodTo}` : '—';
  doc.text(`兹证明 ${snapshot.name}（${snapshot.idType}：${snapshot.idMasked}，志愿者编号：${snapshot.volunteerNo}）`
    + `于 ${period} 期间参加志愿服务，累计志愿服务时长 ${snapshot.hours.toFixed(1)} 小时。`, { lineGap: 8 });
  doc.moveDown().text(`服务内容：${snapshot.content}`, { lineGap: 8 });
  doc.moveDown().text('特此证明。');
  doc.moveDown(2).fontSize(12);
  for (const line of [`出具单位：${snapshot.issuer}`, `负责人：${snapshot.personInCharge}`, `经办人：${snapshot.handler}`,
    `联系方式：${snapshot.contact}`, `出具日期：${snapshot.issuedOn}`]) {
    doc.text(line, { lineGap: 6 });
  }
  drawSeal(doc, snapshot.issuer, 430, 520);

  const qr = await QRCode.toBuffer(verifyUrl, { margin: 1, width: 240 });
  doc.image(qr, 64, 640, { width: 100 });
  doc.fontSize(9).fillColor('#555').text(`扫码或访问 ${verifyUrl} 核验真伪`, 176, 670, { width: 330 });
  doc.text('本证明依据《志愿服务记录与证明出具办法》出具，免费。', 176, 690, { width: 330 });
  doc.end();
  return done;
}
