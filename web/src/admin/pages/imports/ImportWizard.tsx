// Steps one and two: choose what to import, get the template, upload the filled file.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Radio, Space, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { ImportJob, ImportKind } from '../../../api/types';
import { importKinds, limits } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { download, multipart } from '../../../shared/files';
import { useI18n } from '../../../shared/i18n';
import { SiteSelect } from '../../components/SiteSelect';
import { useAction } from '../../useAction';
import { useFileUpload } from '../../useFileUpload';

export function ImportWizard({ onUploaded }: { onUploaded(job: ImportJob): void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<ImportKind>('volunteers');
  const [siteId, setSiteId] = useState<number | undefined>();
  const template = useAction();
  const { upload, uploading, error } = useFileUpload(limits.importBytes, async (file) => {
    onUploaded(await call(api.POST('/api/v1/imports', { body: multipart({ kind, file, siteId: siteId === undefined ? undefined : String(siteId) }) })));
  });

  return (
    <Space orientation="vertical" size="large" className="full-width">
      <Steps
        current={uploading ? 2 : 1}
        items={[{ title: t('imports.stepTemplate') }, { title: t('imports.stepUpload') }, { title: t('imports.stepResult') }]}
      />
      <Space orientation="vertical" size="small">
        <Typography.Text strong>{t('imports.kind')}</Typography.Text>
        <Radio.Group
          value={kind}
          onChange={(e) => setKind(e.target.value as ImportKind)}
          optionType="button"
          buttonStyle="solid"
          options={importKinds.map((value) => ({ value, label: t(`imports.kind.${value}`) }))}
        />
      </Space>
      <Space orientation="vertical" size="small">
        <Typography.Text strong>{t('imports.site')}</Typography.Text>
        <SiteSelect allowClear aria-label={t('imports.site')} placeholder={t('imports.sitePlaceholder')} value={siteId ?? null} onChange={(id) => setSiteId(id)} className="filter-wide" />
        <Typography.Text type="secondary">{t('imports.siteHint')}</Typography.Text>
      </Space>
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          loading={template.busy !== null}
          onClick={() => void template.run(() => download(api.GET('/api/v1/imports/templates/{kind}.xlsx', { params: { path: { kind } }, parseAs: 'blob' }), `${kind}.xlsx`))}
        >{t('imports.template', { kind: t(`imports.kind.${kind}`) })}</Button>
        <Typography.Text type="secondary">{t(`imports.templateHint.${kind}`)}</Typography.Text>
      </Space>
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={uploading}
        beforeUpload={(file) => {
          void upload(file);
          return false; // sent here, with the kind
        }}
      >
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{uploading ? t('imports.uploading') : t('imports.drop', { kind: t(`imports.kind.${kind}`) })}</p>
        <p className="ant-upload-hint">{t('imports.dropHint', { mb: limits.importBytes / 1024 / 1024 })}</p>
      </Upload.Dragger>
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}
