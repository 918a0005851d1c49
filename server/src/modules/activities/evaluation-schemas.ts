// Schemas of the evaluation routes (评价) and of the leader's own activities.
import { Type } from 'typebox';
import { nullable, Timestamp } from '../../http/schemas.ts';

export const Evaluations = Type.Object({
  activityId: Type.Integer(),
  averageScore: nullable(Type.Number()),
  ratings: Type.Integer({ description: 'How many volunteers rated the activity' }),
  comments: Type.Array(Type.Object({ score: Type.Integer(), comment: Type.String(), createdAt: Timestamp }), { description: 'The latest comments, newest first, without names' }),
  volunteerRatings: Type.Array(Type.Object({ volunteerId: Type.Integer(), score: Type.Integer(), comment: nullable(Type.String()) }), {
    description: 'The leader’s rating of each volunteer’s service',
  }),
});
export const MyServiceRatings = Type.Object({
  items: Type.Array(Type.Object({ activityId: Type.Integer(), score: Type.Integer(), comment: nullable(Type.String()), createdAt: Timestamp })),
});
