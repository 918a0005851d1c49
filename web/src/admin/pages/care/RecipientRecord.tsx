// A recipient's full record for the staff over them: asked for with a reason (kept in the
// audit log with the read), then shown: name, phone, address, needs and every visit with
// its photos (served by the care API to those who may read the recipient only).
import { Button, Descriptions, Image, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { CareRecipientDetail, ListedRecipient } from '../../../api/careTypes';
import { recipientKindName, visitKindName } from '../../../shared/careLabels';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { ReasonModal } from '../../components/ReasonModal';

type Listed = ListedRecipient;

export function RecipientRecord({ recipient, onClose }: { recipient: Listed; onClose(): void }) {
  const { t } = useI18n();
  const [record, setRecord] = useState<CareRecipientDetail | null>(null);
  if (!record) {
    return (
      <ReasonModal
        title={t('care.admin.recordTitle', { name: recipient.name })}
        label={t('care.admin.recordReason')}
        okText={t('care.admin.recordOpen')}
        onClose={onClose}
        onSubmit={async (reason) => {
          setRecord(await call(api.GET('/api/v1/care-recipients/{id}', { params: { path: { id: recipient.id }, query: { reason } } })));
        }}
      >
        <p>{t('care.admin.recordIntro')}</p>
      </ReasonModal>
    );
  }
  const none = t('common.notSet');
  return (
    <Modal open width={760} title={record.name} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{t('common.close')}</Button>}>
      <Descriptions
        column={1}
        bordered
        size="small"
        className="form-alert"
        items={[
          { key: 'kind', label: t('care.admin.kind'), children: recipientKindName(t, record.kind) },
          { key: 'group', label: t('care.admin.group'), children: record.groupName },
          { key: 'phone', label: t('care.admin.phone'), children: record.phone ?? none },
          { key: 'address', label: t('care.admin.address'), children: record.address ?? none },
          { key: 'needs', label: t('care.admin.needs'), children: record.needs ?? none },
          { key: 'plan', label: t('care.admin.plan'), children: t('care.admin.every', { n: record.visitEveryDays }) },
        ]}
      />
      <Table<CareRecipientDetail['visits'][number]>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={record.visits}
        locale={{ emptyText: t('care.admin.never') }}
        columns={[
          { key: 'on', title: t('care.admin.visitedOn'), render: (_, v) => v.visitedOn },
          { key: 'kind', title: t('care.admin.visitKind'), render: (_, v) => visitKindName(t, v.kind) },
          { key: 'summary', title: t('care.admin.visitSummary'), render: (_, v) => (v.followUp ? `${v.summary}（${t('care.record.followUp', { text: v.followUp })}）` : v.summary) },
          {
            key: 'photos', title: t('care.admin.visitPhotos'),
            render: (_, v) => (v.photos.length > 0 && (
              <Image.PreviewGroup>
                <Space wrap size={4}>
                  {v.photos.map((photo, index) => <Image key={photo.id} src={photo.thumbUrl} preview={{ src: photo.url }} width={56} height={56} alt={t('care.visit.photoAlt', { n: index + 1 })} />)}
                </Space>
              </Image.PreviewGroup>
            )),
          },
          { key: 'by', title: t('care.admin.visitBy'), render: (_, v) => v.volunteer },
        ]}
      />
    </Modal>
  );
}
