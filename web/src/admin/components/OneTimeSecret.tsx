// A password the server shows once: big, copyable, with the warning that it will not
// be shown again.
import { Alert, Typography } from 'antd';
import { useI18n } from '../../shared/i18n';

export function OneTimeSecret({ label, secret }: { label: string; secret: string }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Paragraph>{label}</Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: secret, tooltips: [t('common.copy'), t('common.copied')] }} className="one-time-secret">
        <Typography.Text code strong>{secret}</Typography.Text>
      </Typography.Paragraph>
      <Alert type="warning" showIcon title={t('secret.once')} />
    </>
  );
}
