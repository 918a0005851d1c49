// A wish's kind and who it is for, as outlined tags (a code the web does not know shows as it is).
import { Tag } from 'antd-mobile';
import { useI18n } from '../../../shared/i18n';
import { asCategory, asGroup, type Wish } from '../../../shared/wishes';

export function WishLabels({ wish }: { wish: Pick<Wish, 'category' | 'beneficiaryGroup'> }) {
  const { t } = useI18n();
  const category = asCategory(wish.category);
  const group = asGroup(wish.beneficiaryGroup);
  return (
    <>
      <Tag className="m-tag" color="primary" fill="outline">{category ? t(`wish.category.${category}`) : wish.category}</Tag>
      <Tag className="m-tag" fill="outline">{group ? t(`wish.group.${group}`) : wish.beneficiaryGroup}</Tag>
    </>
  );
}
