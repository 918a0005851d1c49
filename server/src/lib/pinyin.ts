import { pinyin } from 'pinyin-pro';

/** Lowercase pinyin initials for search: 鞍山市 -> ass, 张晓明 -> zxm. Latin letters and digits are kept. */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase().replace(/[^a-z0-9]/g, '');
}
