// The service part of a volunteer's profile (categories, skills, times, party member, reserve):
// typed at registration and corrected later on 我的, the same fields and rules both times.
import { Checkbox, Form, Selector } from 'antd-mobile';
import { availabilityOptions, serviceCategories } from '../../../shared/domain';
import { useI18n } from '../../../shared/i18n';
import { SkillsInput } from './SkillsInput';

// Skills and available times are required (DOMAIN.md, registration).
const atLeastOne = (message: string) => ({ validator: async (_: unknown, value?: unknown[]) => { if (!value?.length) throw new Error(message); } });

/**
 * `required` at registration; a correction keeps what a record entered by staff or imported
 * lacks, rather than holding a new phone number hostage to it.
 */
export function ServiceFields({ required }: { required: boolean }) {
  const { t } = useI18n();
  const rule = (message: string) => (required ? [atLeastOne(message)] : []);
  return (
    <>
      <Form.Item name="categories" label={t('mobile.register.categories')}>
        <Selector multiple showCheckMark={false} options={serviceCategories.map((value) => ({ value, label: t(`category.${value}`) }))} />
      </Form.Item>
      <Form.Item name="skills" label={t('mobile.register.skills')} rules={rule(t('mobile.register.skillsRequired'))}>
        <SkillsInput />
      </Form.Item>
      <Form.Item name="availability" label={t('mobile.register.availability')} rules={rule(t('mobile.register.availabilityRequired'))}>
        <Selector multiple showCheckMark={false} options={availabilityOptions.map((value) => ({ value, label: t(`availability.${value}`) }))} />
      </Form.Item>
      <Form.Item name="partyMember" valuePropName="checked">
        <Checkbox className="m-check">{t('mobile.register.partyMember')}</Checkbox>
      </Form.Item>
      <Form.Item name="emergencyReserve" valuePropName="checked" description={t('mobile.register.emergencyReserveHint')}>
        <Checkbox className="m-check">{t('mobile.register.emergencyReserve')}</Checkbox>
      </Form.Item>
    </>
  );
}
