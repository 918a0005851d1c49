// antd in the chosen language, with the console's theme and the App context that
// message and modal hooks need.
import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useI18n } from '../shared/i18n';

// antd's blue stays the action colour: a red focus ring would read as an error. Who asked
// their system for less motion gets dialogs and menus that appear in place, without zooming
// or sliding (and a test browser that asks the same clicks a button where it stands).
const calm = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const theme = { token: { borderRadius: 6, motion: !calm } };
// antd spaces out two-character Chinese labels (“登 录”); keep the words as written.
const button = { autoInsertSpace: false };

export function AntdShell({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme} button={button}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
