// 培训管理: courses (online with a quiz, or offline in sessions) and the lecturers who
// teach them. The tab is in the address.
import { Card, Tabs } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { useSearchParam } from '../../useSearchParam';
import '../care/care.css';
import { CoursesTab } from './CoursesTab';
import { LecturersTab } from './LecturersTab';

export function TrainingPage() {
  const { t } = useI18n();
  const [tab, setTab] = useSearchParam('tab');
  return (
    <Card title={t('training.menu')}>
      <Tabs
        activeKey={tab === 'lecturers' ? 'lecturers' : 'courses'}
        onChange={(key) => setTab(key === 'courses' ? null : key)}
        destroyOnHidden
        items={[
          { key: 'courses', label: t('training.admin.tabCourses'), children: <CoursesTab /> },
          { key: 'lecturers', label: t('training.admin.tabLecturers'), children: <LecturersTab /> },
        ]}
      />
    </Card>
  );
}
