// 审计日志: who signed in, changed permissions, read or exported personal data, corrected
// the ledger or deleted records in my area, newest first; the province admin can re-check
// the hash chain that makes an edited entry show.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AuditAction, AuditEntry, AuditQuery, AuditVerification } from '../../../api/auditTypes';
import { api } from '../../../api/client';
import { call, errorMessage } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useMe } from '../../../shared/session';
import { useDebounced } from '../../../shared/useDebounced';
import { useQueryList } from '../../../shared/usePagedList';
import { EnumSelect, SearchInput } from '../../components/Filters';
import { PagedTable } from '../../components/PagedTable';
import { auditActions } from './actions';
import './audit.css';

const TYPING_MS = 300;
const DAY = 'YYYY-MM-DD';

type Filter = Pick<AuditQuery, 'action' | 'subject' | 'from' | 'to'>;

const fetchEntries = (filter: Filter, cursor?: string) =>
  call(api.GET('/api/v1/audit', { params: { query: { ...filter, cursor, limit: 50 } } }));

const detailText = (details: AuditEntry['details']) =>
  Object.entries(details).map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`).join(' · ');

export function AuditPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const [action, setAction] = useState<AuditAction | undefined>();
  const [subject, setSubject] = useState('');
  const [days, setDays] = useState<[Dayjs, Dayjs] | null>(null);
  const settledSubject = useDebounced(subject.trim(), TYPING_MS);
  const list = useQueryList(fetchEntries, {
    action, subject: settledSubject || undefined, from: days?.[0].format(DAY), to: days?.[1].format(DAY),
  }, 'id');

  const columns: ColumnsType<AuditEntry> = [
    { key: 'at', title: t('audit.at'), render: (_, e) => formatDateTime(e.at, lang) },
    { key: 'actor', title: t('audit.actor'), render: (_, e) => e.actor?.name ?? t('audit.noActor') },
    { key: 'action', title: t('audit.action'), render: (_, e) => t(`audit.action.${e.action}`) },
    { key: 'subject', title: t('audit.subject'), render: (_, e) => <Typography.Text code>{e.subject}</Typography.Text> },
    { key: 'reason', title: t('audit.reason'), render: (_, e) => e.reason ?? '—' },
    {
      key: 'details',
      title: t('audit.details'),
      render: (_, e) => <Typography.Text type="secondary" className="audit-details" ellipsis={{ tooltip: detailText(e.details) }}>{detailText(e.details)}</Typography.Text>,
    },
    {
      key: 'hash',
      title: t('audit.hash'),
      render: (_, e) => <Typography.Text code copyable={{ text: e.hash }} title={e.hash}>{e.hash.slice(0, 12)}</Typography.Text>,
    },
  ];

  return (
    <Card title={t('audit.menu')} extra={me.grants.some((grant) => grant.role === 'province_admin') && <VerifyButton />}>
      <Space orientation="vertical" size="middle" className="full-width">
        <Space wrap>
          <EnumSelect<AuditAction>
            placeholder={t('audit.filterAction')}
            values={auditActions}
            label={(value) => t(`audit.action.${value}`)}
            value={action}
            onChange={setAction}
          />
          <DatePicker.RangePicker
            aria-label={t('audit.filterDays')}
            format={DAY}
            value={days}
            onChange={(range) => setDays(range?.[0] && range[1] ? [range[0], range[1]] : null)}
          />
          <SearchInput label={t('audit.filterSubject')} value={subject} onChange={setSubject} />
        </Space>
        <PagedTable<AuditEntry> rowKey="id" list={list} columns={columns} empty={t('audit.empty')} />
      </Space>
    </Card>
  );
}

/** 校验完整性: recomputes the chain on the server and says whether, and where, it breaks. */
function VerifyButton() {
  const { t } = useI18n();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<AuditVerification | { failed: string } | null>(null);

  async function verify() {
    setChecking(true);
    try {
      setResult(await call(api.GET('/api/v1/audit/verify')));
    } catch (error) {
      setResult({ failed: errorMessage(error, t) });
    } finally {
      setChecking(false);
    }
  }

  return (
    <Space>
      {result && (
        'failed' in result ? <Alert type="error" showIcon title={result.failed} />
          : result.ok ? <Alert type="success" showIcon title={t('audit.verify.ok', { n: result.entries })} />
            : <Alert type="error" showIcon title={t('audit.verify.broken', { id: result.firstBrokenId ?? 0 })} />
      )}
      <Button icon={<SafetyCertificateOutlined />} loading={checking} onClick={() => void verify()}>{t('audit.verify')}</Button>
    </Space>
  );
}
