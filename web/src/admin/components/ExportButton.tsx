// Exports the filtered list as .xlsx: masked for everyone; full numbers for city admins
// and above, with a reason that goes into the audit log.
import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { hasRankOf } from '../../shared/domain';
import { useI18n } from '../../shared/i18n';
import { useMe } from '../../shared/session';
import { useAction } from '../useAction';
import { ReasonModal } from './ReasonModal';

interface Props {
  /** Fetches and saves the file; `reason` asks for full numbers. */
  exportFile(options: { unmasked?: true; reason?: string }): Promise<unknown>;
}

export function ExportButton({ exportFile }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const masked = useAction();
  const [askingReason, setAskingReason] = useState(false);

  const button = (
    <Button icon={<DownloadOutlined />} loading={masked.busy !== null} onClick={() => void masked.run(() => exportFile({}), t('export.started'))}>
      {t('export.masked')}
    </Button>
  );
  if (!hasRankOf(me.grants, 'city_admin')) return button;
  return (
    <>
      <Space.Compact>
        {button}
        <Dropdown menu={{ items: [{ key: 'unmasked', label: t('export.unmasked') }], onClick: () => setAskingReason(true) }}>
          <Button icon={<DownOutlined />} aria-label={t('export.more')} />
        </Dropdown>
      </Space.Compact>
      {askingReason && (
        <ReasonModal
          title={t('export.unmaskedTitle')}
          label={t('export.reason')}
          okText={t('export.unmaskedSubmit')}
          onSubmit={async (reason) => {
            await exportFile({ unmasked: true, reason });
            setAskingReason(false);
            void message.success(t('export.started'));
          }}
          onClose={() => setAskingReason(false)}
        >
          <p>{t('export.unmaskedBody')}</p>
        </ReasonModal>
      )}
    </>
  );
}
