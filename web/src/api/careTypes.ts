// Names for the API shapes of pairing & assistance, training and call-ups, derived from
// the generated `paths` like types.ts, so a server change shows up as a type error.
import type { Ok, Path, RequestBody } from './derive';

export type CareRecipient = Ok<Path<'/api/v1/care-recipients/mine', 'get'>>['items'][number];
export type CareRecipientDetail = Ok<Path<'/api/v1/care-recipients/{id}', 'get'>>;
export type NewVisit = RequestBody<Path<'/api/v1/care-recipients/{id}/visits', 'post'>>;
export type VisitKind = NewVisit['kind'];
export type NewRecipient = RequestBody<Path<'/api/v1/care-recipients', 'post'>>;
export type RecipientKind = NewRecipient['kind'];
export type CareGroupSummary = Ok<Path<'/api/v1/care-groups', 'get'>>['items'][number];
export type CareGroup = Ok<Path<'/api/v1/care-groups/{id}', 'get'>>;
export type NewCareGroup = RequestBody<Path<'/api/v1/care-groups', 'post'>>;
export type VisitPhoto = CareRecipientDetail['visits'][number]['photos'][number];
export type Coverage = Ok<Path<'/api/v1/care/coverage', 'get'>>;
export type CoverageList = NonNullable<NonNullable<Path<'/api/v1/care/coverage/recipients', 'get'>['parameters']['query']>['list']>;
/** A recipient as the console's lists show them (masked name, plan, caretaker, lateness). */
export type ListedRecipient = Ok<Path<'/api/v1/care/coverage/recipients', 'get'>>['items'][number];
export type UnitPair = Ok<Path<'/api/v1/unit-pairs', 'get'>>['items'][number];
export type NewUnitPair = RequestBody<Path<'/api/v1/unit-pairs', 'post'>>;
export type UnitType = NewUnitPair['unitType'];

export type Course = Ok<Path<'/api/v1/courses', 'get'>>['items'][number];
export type NewCourse = RequestBody<Path<'/api/v1/courses', 'post'>>;
export type QuizResult = Ok<Path<'/api/v1/courses/{id}/quiz', 'post'>>;
export type TrainingSession = Ok<Path<'/api/v1/courses/{id}/sessions', 'get'>>['items'][number];
export type NewTrainingSession = RequestBody<Path<'/api/v1/training-sessions', 'post'>>;
export type Lecturer = Ok<Path<'/api/v1/lecturers', 'get'>>['items'][number];
export type NewLecturer = RequestBody<Path<'/api/v1/lecturers', 'post'>>;
export type MyTraining = Ok<Path<'/api/v1/training/mine', 'get'>>;

export type Callup = Ok<Path<'/api/v1/callups', 'get'>>['items'][number];
export type CallupBoard = Ok<Path<'/api/v1/callups/{id}', 'get'>>;
export type NewCallup = RequestBody<Path<'/api/v1/callups', 'post'>>;
export type MyCallup = Ok<Path<'/api/v1/callups/mine', 'get'>>['items'][number];
export type CallupAnswer = Ok<Path<'/api/v1/callups/{id}/respond', 'post'>>;
