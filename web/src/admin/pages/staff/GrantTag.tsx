import { App, Tag } from 'antd';
import { api } from '../../../api/client';
import type { Staff } from '../../../api/types';
import { call, errorMessage } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useDangerConfirm } from '../../useConfirm';

interface Props {
  staff: Staff;
  grant: Staff['grants'][number];
  onChanged(staff: Staff): void;
}

/** A role on a site; closing the tag revokes it, after a confirmation. */
export function GrantTag({ staff, grant, onChanged }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const confirmDanger = useDangerConfirm();
  const label = `${t(`role.${grant.role}`)} · ${grant.site.name}`;

  function confirmRevoke() {
    confirmDanger({
      title: t('staff.revokeTitle'),
      content: t('staff.revokeBody', { name: staff.name, role: label }),
      okText: t('staff.revoke'),
      onOk: async () => {
        try {
          onChanged(await call(api.DELETE('/api/v1/staff/{userId}/grants/{grantId}', { params: { path: { userId: staff.id, grantId: grant.id } } })));
          void message.success(t('staff.revoked'));
        } catch (error) {
          void message.error(errorMessage(error, t));
        }
      },
    });
  }

  return (
    <Tag
      className="grant-tag"
      closable={grant.revocable && { 'aria-label': t('staff.revokeLabel', { role: label }) }}
      onClose={(event) => {
        event.preventDefault(); // the tag stays until the server agrees
        confirmRevoke();
      }}
    >
      {label}
    </Tag>
  );
}
