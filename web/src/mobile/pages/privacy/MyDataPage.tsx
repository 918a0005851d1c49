// 我的数据: a copy of everything the platform holds about me (PIPL Art 45), and closing my
// account (Art 47): identity erased, service hours kept anonymous. Re-entering the password
// and ticking a box, then a last confirmation, because it cannot be undone.
import { Button, Checkbox, Dialog, Form, Input } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../../api/client';
import { limits } from '../../../shared/domain';
import { call, placeError } from '../../../shared/errors';
import { download } from '../../../shared/files';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import { DoneText, ErrorText } from '../../components/Async';
import { PageHeader } from '../../components/PageHeader';
import { useAction } from '../../useAction';

export function MyDataPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('privacy.title')} back="/me" />
      <ExportSection />
      <EraseSection />
    </>
  );
}

function ExportSection() {
  const { t } = useI18n();
  const action = useAction();
  const [saved, setSaved] = useState<string | null>(null);

  async function save() {
    const name = await action.run(() => download(api.GET('/api/v1/me/data-export', { parseAs: 'blob' }), 'lianxin-my-data.json'));
    if (name) setSaved(name);
  }

  return (
    <section className="m-callout">
      <h2>{t('privacy.export.title')}</h2>
      <p>{t('privacy.export.body')}</p>
      {saved && <DoneText>{t('privacy.export.done', { name: saved })}</DoneText>}
      {action.error && <ErrorText>{action.error}</ErrorText>}
      <Button block color="primary" loading={action.busy} onClick={() => void save()}>{t('privacy.export.action')}</Button>
    </section>
  );
}

const FIELDS = ['currentPassword'] as const;

function EraseSection() {
  const { t } = useI18n();
  const { signOut } = useSession();
  const [form] = Form.useForm<{ currentPassword: string; understand: boolean }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function erase({ currentPassword }: { currentPassword: string }) {
    const confirmed = await Dialog.confirm({ content: t('privacy.erase.confirm'), confirmText: t('privacy.erase.action'), cancelText: t('common.cancel') });
    if (!confirmed) return;
    setBusy(true);
    setError(null);
    try {
      await call(api.POST('/api/v1/me/erase', { body: { currentPassword, confirm: true } }));
      await signOut(); // the server has ended every session already; this clears the phone's state
    } catch (failure) {
      const { field, message } = placeError(failure, FIELDS, t);
      if (field) form.setFields([{ name: field, errors: [message] }]);
      else setError(message);
      setBusy(false);
    }
  }

  return (
    <section className="m-callout">
      <h2>{t('privacy.erase.title')}</h2>
      <p>{t('privacy.erase.body')}</p>
      <Form
        form={form}
        layout="vertical"
        requiredMarkStyle="none"
        onFinish={erase}
        footer={
          <>
            {error && <p className="m-error" role="alert">{error}</p>}
            <Button block type="submit" color="danger" loading={busy}>{t('privacy.erase.action')}</Button>
          </>
        }
      >
        <Form.Item name="currentPassword" label={t('privacy.erase.password')} rules={[{ required: true, message: t('privacy.erase.passwordRequired') }]}>
          <Input type="password" maxLength={limits.password} autoComplete="current-password" clearable />
        </Form.Item>
        <Form.Item
          name="understand"
          valuePropName="checked"
          rules={[{ validator: async (_, checked?: boolean) => { if (!checked) throw new Error(t('privacy.erase.understandRequired')); } }]}
        >
          <Checkbox className="m-check">{t('privacy.erase.understand')}</Checkbox>
        </Form.Item>
      </Form>
    </section>
  );
}
