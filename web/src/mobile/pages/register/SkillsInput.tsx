// 技能特长: free tags, with common ones to tap so nobody has to type much.
import { Button, Input, Selector } from 'antd-mobile';
import { useState } from 'react';
import { limits } from '../../../shared/domain';
import { useI18n } from '../../../shared/i18n';

const COMMON = ['陪伴聊天', '跑腿代办', '急救', '护理', '理发', '家电维修', '书法', '声乐', '广场舞', '法律咨询', '课业辅导', '心理疏导'];

export function SkillsInput({ id, value = [], onChange }: { id?: string; value?: string[]; onChange?(value: string[]): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const options = [...COMMON, ...value.filter((skill) => !COMMON.includes(skill))];

  function add() {
    const skill = draft.trim();
    if (skill && !value.includes(skill) && value.length < limits.skills) onChange?.([...value, skill]);
    setDraft('');
  }

  return (
    <div className="m-skills">
      <Selector multiple showCheckMark={false} options={options.map((skill) => ({ label: skill, value: skill }))} value={value} onChange={(next) => onChange?.(next)} />
      <div className="m-inline-add">
        <Input
          id={id}
          value={draft}
          onChange={setDraft}
          maxLength={limits.skill}
          placeholder={t('mobile.register.skillOther')}
          aria-label={t('mobile.register.skillOther')}
          onEnterPress={add}
        />
        <Button color="primary" fill="outline" onClick={add} disabled={!draft.trim()}>{t('mobile.register.skillAdd')}</Button>
      </div>
    </div>
  );
}
