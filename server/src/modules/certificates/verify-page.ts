// The public verify page, rendered on the server: no script, so it works on any phone.
import type { verifyCertificate } from './service.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function verifyPage(result: Awaited<ReturnType<typeof verifyCertificate>>): string {
  let verdict: string;
  let rows = '';
  if (!result.genuine) {
    verdict = '<p class="bad">未查到该证明编号，此证明不是本平台出具的。</p>';
  } else {
    verdict = result.revoked
      ? `<p class="bad">此证明已被撤销。原因：${escape(result.revokeReason ?? '')}</p>`
      : '<p class="good">✔ 此证明真实有效，由连心桥平台出具。</p>';
    const fields: [string, string][] = [
      ['志愿者', result.name], ['志愿者编号', result.volunteerNo], ['服务时长', `${result.hours.toFixed(1)} 小时`],
      ['服务期间', `${result.periodFrom ?? ''} 至 ${result.periodTo ?? ''}`], ['服务内容', result.content], ['出具单位', result.issuer], ['出具日期', result.issuedOn],
    ];
    rows = `<dl>${fields.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('')}</dl>`;
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>志愿服务证明核验</title><style>
body{font:18px/1.6 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;padding:24px;color:#222;background:#f6f7f9}
main{max-width:560px;margin:auto;background:#fff;border-radius:12px;padding:24px}h1{font-size:24px;margin:0 0 12px}
.good{color:#0a7a32;font-weight:600}.bad{color:#c8102e;font-weight:600}dt{color:#666;font-size:15px;margin-top:10px}dd{margin:0}
</style></head><body><main><h1>志愿服务证明核验</h1><p>证明编号：${escape(result.code)}</p>${verdict}${rows}</main></body></html>`;
}
