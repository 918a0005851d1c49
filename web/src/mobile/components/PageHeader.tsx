// A screen's title with a large 返回 button: back where the person came from, or to the
// screen above when they arrived by a link (an inbox message, a shared address).
import { LeftOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../shared/i18n';

export function PageHeader({ title, back, extra }: { title: ReactNode; back?: string; extra?: ReactNode }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const goBack = () => {
    const index = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (index > 0) void navigate(-1);
    else void navigate(back ?? '/', { replace: true });
  };
  return (
    <header className="m-page-head">
      {back !== undefined && (
        <button type="button" className="m-back" onClick={goBack}>
          <LeftOutlined aria-hidden /> {t('common.back')}
        </button>
      )}
      <h1>{title}</h1>
      {extra}
    </header>
  );
}
