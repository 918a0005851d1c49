// A new course, or an edit of one run in my area: online (materials and a short quiz with a
// pass mark, answers checked on the server) or offline (taught in sessions). A course may
// grant a qualification that activities then require (e.g. 应急救护). Mode and site stay
// once created; an edited quiz leaves the passes already earned standing.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { api } from '../../../api/client';
import type { Course, NewCourse } from '../../../api/careTypes';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { FormModal } from '../../components/FormModal';
import { SiteSelect } from '../../components/SiteSelect';
import { useFormSubmit } from '../../forms';

type Values = Omit<NewCourse, 'materials' | 'quiz'> & {
  materials?: NonNullable<NewCourse['materials']>;
  quiz?: { question: string; options: string[]; answer: number }[];
};

/** The form's values for a course being edited (staff of its area see its answers). */
function valuesOf(course: Course): Partial<Values> {
  return {
    title: course.title, mode: course.mode, category: course.category, passMark: course.passMark, status: course.status === 'published' ? 'published' : 'draft',
    description: course.description ?? undefined, grantsQualification: course.grantsQualification ?? undefined,
    materials: course.materials.map((m) => ({ kind: m.kind === 'document' ? 'document' : 'video', title: m.title, url: m.url })),
    quiz: course.quiz.map((q) => ({ question: q.question, options: q.options, answer: q.answer ?? 0 })),
  };
}

const MAX_OPTIONS = 6;

export function CourseFormModal({ course, onSaved, onClose }: { course?: Course; onSaved(): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const submission = useFormSubmit(form, async (values) => {
    const fields = {
      title: values.title, category: values.category, passMark: values.passMark, status: values.status ?? 'published',
      materials: values.materials ?? [], quiz: values.quiz ?? [],
    };
    if (course) {
      await call(api.PATCH('/api/v1/courses/{id}', {
        params: { path: { id: course.id } },
        body: { ...fields, description: values.description || null, grantsQualification: values.grantsQualification || null },
      }));
    } else {
      await call(api.POST('/api/v1/courses', {
        body: {
          ...fields, mode: values.mode, siteId: values.siteId,
          ...(values.description && { description: values.description }),
          ...(values.grantsQualification && { grantsQualification: values.grantsQualification }),
        },
      }));
    }
    onSaved();
    onClose();
  });
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal
      title={course ? t('training.admin.editCourse', { title: course.title }) : t('training.admin.createCourse')}
      okText={course ? t('common.save') : t('care.admin.create')}
      form={form}
      submission={submission}
      onClose={onClose}
      width={760}
      submitOnEnter={false}
      initialValues={course ? valuesOf(course) : { mode: 'online', passMark: 60, status: 'published', quiz: [{ question: '', options: ['', ''], answer: 0 }] }}
    >
      {course && course.quiz.length > 0 && <Typography.Paragraph type="secondary">{t('training.admin.editQuizHint')}</Typography.Paragraph>}
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="title" label={t('training.admin.courseTitle')} rules={[required, { min: 2, max: 100, message: t('training.admin.titleRule') }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="mode" label={t('training.admin.mode')} rules={[required]}>
            <Radio.Group optionType="button" disabled={!!course} options={[{ value: 'online', label: t('training.mode.online') }, { value: 'offline', label: t('training.mode.offline') }]} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="category" label={t('training.admin.category')} rules={[required]}>
            <Input maxLength={30} placeholder={t('training.admin.categoryPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          {course ? (
            <Form.Item name="status" label={t('training.admin.status')} extra={t('training.admin.publishedHint')}>
              <Radio.Group optionType="button" options={[{ value: 'published', label: t('training.admin.published') }, { value: 'draft', label: t('training.admin.unpublished') }]} />
            </Form.Item>
          ) : (
            <Form.Item name="siteId" label={t('training.admin.site')} extra={t('training.admin.siteHint')} rules={[required]}>
              <SiteSelect />
            </Form.Item>
          )}
        </Col>
        <Col span={12}>
          <Form.Item name="grantsQualification" label={t('training.admin.qualification')} extra={t('training.admin.qualificationHint')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="passMark" label={t('training.admin.passMark')}>
            <InputNumber min={0} max={100} suffix="%" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('training.admin.description')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>

      <Divider titlePlacement="start">{t('training.admin.materials')}</Divider>
      <Form.List name="materials">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item name={[field.name, 'kind']} rules={[required]}>
                  <Select className="picker-narrow" aria-label={t('training.admin.materialKind')}
                    options={[{ value: 'video', label: t('training.material.video') }, { value: 'document', label: t('training.material.document') }]} />
                </Form.Item>
                <Form.Item name={[field.name, 'title']} rules={[required]}>
                  <Input placeholder={t('training.admin.materialTitle')} aria-label={t('training.admin.materialTitle')} maxLength={100} />
                </Form.Item>
                <Form.Item name={[field.name, 'url']} rules={[required, { pattern: /^(https?:\/\/|\/)/, message: t('training.admin.urlRule') }]}>
                  <Input placeholder="https://" aria-label={t('training.admin.materialUrl')} maxLength={500} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'video', title: '', url: '' })}>{t('training.admin.addMaterial')}</Button>
          </>
        )}
      </Form.List>

      <Divider titlePlacement="start">{t('training.admin.quiz')}</Divider>
      {mode === 'online' && <Typography.Paragraph type="secondary">{t('training.admin.quizHint')}</Typography.Paragraph>}
      <Form.List name="quiz">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <div key={field.key} className="quiz-question" role="group" aria-label={t('training.admin.questionN', { n: index + 1 })}>
                <div className="quiz-question-head">
                  <Typography.Text strong>{index + 1}.</Typography.Text>
                  <Form.Item name={[field.name, 'question']} rules={[required, { min: 2, message: t('training.admin.questionRule') }]}>
                    <Input placeholder={t('training.admin.question')} aria-label={t('training.admin.questionLabel', { n: index + 1 })} maxLength={300} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('training.admin.removeQuestion', { n: index + 1 })} onClick={() => remove(field.name)} />
                </div>
                <QuestionOptions form={form} index={field.name} number={index + 1} />
              </div>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ question: '', options: ['', ''], answer: 0 })}>{t('training.admin.addQuestion')}</Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

/** A question's options (2 to 6) and which one is right. */
function QuestionOptions({ form, index, number }: { form: FormInstance<Values>; index: number; number: number }) {
  const { t } = useI18n();
  const options = (Form.useWatch(['quiz', index, 'options'], form) as string[] | undefined) ?? [];
  const required = { required: true, message: t('validation.required') };
  return (
    <>
      <Form.List name={[index, 'options']}>
        {(fields, { add, remove }) => (
          <Space orientation="vertical" className="full-width">
            {fields.map((field, optionIndex) => (
              <Space key={field.key} align="baseline">
                <Form.Item name={field.name} rules={[required]}>
                  <Input
                    prefix={String.fromCharCode(65 + optionIndex)}
                    aria-label={t('training.admin.optionLabel', { n: number, option: String.fromCharCode(65 + optionIndex) })}
                    maxLength={100}
                  />
                </Form.Item>
                {fields.length > 2 && <Button size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />}
              </Space>
            ))}
            {fields.length < MAX_OPTIONS && <Button size="small" icon={<PlusOutlined />} onClick={() => add('')}>{t('training.admin.addOption')}</Button>}
          </Space>
        )}
      </Form.List>
      <Form.Item name={[index, 'answer']} label={t('training.admin.answer')} rules={[required]}>
        <Select
          aria-label={t('training.admin.answerLabel', { n: number })}
          className="picker-narrow"
          options={options.map((option, optionIndex) => ({ value: optionIndex, label: `${String.fromCharCode(65 + optionIndex)}. ${option || ''}` }))}
        />
      </Form.Item>
    </>
  );
}
