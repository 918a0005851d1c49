import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import { requireActor } from '../auth/service.ts';
import {
  Activity, ActivityDetail, ActivityInput, ActivityList, ActivityListQuery, ActivityPage, ActivityUpdate, BrowseQuery, CancelRequest, CheckInCode, CheckResult,
  ConfirmRequest, ConfirmResult, MySignups, Proof, RatingRequest, RatingSummary, Roster, RosterMark, SignupDecision, SignupResult, VolunteerParams,
} from './schemas.ts';
import { Evaluations, MyServiceRatings } from './evaluation-schemas.ts';
import { evaluationsOf, myServiceRatings } from './evaluations.ts';
import { ledActivities } from './led.ts';
import * as activities from './service.ts';

const tags = ['activities'];

export function activityRoutes(app: App, ctx: AppContext) {
  app.get('/activities', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Activities in my area, latest first', querystring: ActivityListQuery, response: { 200: ActivityPage, ...errorResponses } },
  }, async (request) => activities.listActivities(ctx, requireActor(request), request.query));

  app.get('/activities/browse', {
    config: { access: 'signedIn' },
    schema: {
      tags, summary: 'Open activities: nearest to a position first (or soonest), by category',
      querystring: BrowseQuery, response: { 200: ActivityList, ...errorResponses },
    },
  }, async (request) => {
    requireActor(request);
    return activities.browseActivities(ctx, request.query);
  });

  app.post('/activities', {
    config: { access: 'signedIn', idempotent: true },
    schema: { tags, summary: 'Publish an activity (with weekly copies) under an approved project', body: ActivityInput, response: { 201: ActivityList, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send({ items: await activities.createActivities(ctx, requireActor(request), request.body) }));

  app.get('/activities/mine', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'My sign-ups and attendance', response: { 200: MySignups, ...errorResponses } },
  }, async (request) => activities.mySignups(ctx, requireActor(request)));

  app.get('/activities/led', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Activities of the teams I lead (我带的活动), latest first', response: { 200: ActivityList, ...errorResponses } },
  }, async (request) => ledActivities(ctx, requireActor(request)));

  app.get('/activities/mine/ratings', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'How the leaders rated my service', response: { 200: MyServiceRatings, ...errorResponses } },
  }, async (request) => myServiceRatings(ctx, requireActor(request)));

  app.get('/activities/:id/evaluations', {
    config: { access: 'signedIn' },
    schema: {
      tags, summary: 'The volunteers’ ratings of the activity and the leader’s of each volunteer (staff over its area, the team leader)',
      params: IdParams, response: { 200: Evaluations, ...errorResponses },
    },
  }, async (request) => evaluationsOf(ctx, requireActor(request), request.params.id));

  app.get('/activities/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'One activity, with my sign-up status', params: IdParams, response: { 200: ActivityDetail, ...errorResponses } },
  }, async (request) => activities.getActivity(ctx, request.params.id, requireActor(request)));

  app.patch('/activities/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Edit an activity: its time, place and requirements before it starts, the quota until it ends, the people served afterwards', params: IdParams, body: ActivityUpdate, response: { 200: Activity, ...errorResponses } },
  }, async (request) => activities.updateActivity(ctx, requireActor(request), request.params.id, request.body));

  app.post('/activities/:id/cancel', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Cancel; everyone signed up is told', params: IdParams, body: CancelRequest, response: { 200: Activity, ...errorResponses } },
  }, async (request) => activities.cancelActivity(ctx, requireActor(request), request.params.id, request.body.reason));

  app.post('/activities/:id/signup', {
    config: { access: 'signedIn', idempotent: true },
    schema: {
      tags, summary: 'Sign up: confirmed while seats last, then the waiting list (or pending the leader’s approval)',
      description: 'Send an Idempotency-Key: a retry never makes a second sign-up.', params: IdParams, response: { 201: SignupResult, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await activities.signUp(ctx, requireActor(request), request.params.id)));

  app.delete('/activities/:id/signup', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Withdraw my sign-up (the seat goes to the waiting list)', params: IdParams, response: { 200: SignupResult, ...errorResponses } },
  }, async (request) => activities.cancelSignup(ctx, requireActor(request), request.params.id));

  app.post('/activities/:id/signups/:volunteerId', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Approve or reject a pending sign-up', params: VolunteerParams, body: SignupDecision, response: { 200: SignupResult, ...errorResponses } },
  }, async (request) => activities.decideSignup(ctx, requireActor(request), request.params.id, request.params.volunteerId, request.body.decision));

  app.get('/activities/:id/roster', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Sign-ups with their attendance', params: IdParams, response: { 200: Roster, ...errorResponses } },
  }, async (request) => activities.rosterOf(ctx, requireActor(request), request.params.id));

  app.get('/activities/:id/checkin-code', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'The rotating check-in code for the leader’s screen', params: IdParams, response: { 200: CheckInCode, ...errorResponses } },
  }, async (request) => activities.checkInCode(ctx, requireActor(request), request.params.id));

  app.post('/activities/:id/checkin', {
    config: { access: 'signedIn', idempotent: true },
    schema: { tags, summary: 'Check in by the scanned code or by location', params: IdParams, body: Proof, response: { 200: CheckResult, ...errorResponses } },
  }, async (request) => activities.checkIn(ctx, requireActor(request), request.params.id, request.body));

  app.post('/activities/:id/checkout', {
    config: { access: 'signedIn', idempotent: true },
    schema: { tags, summary: 'Check out by the scanned code or by location', params: IdParams, body: Proof, response: { 200: CheckResult, ...errorResponses } },
  }, async (request) => activities.checkOut(ctx, requireActor(request), request.params.id, request.body));

  app.put('/activities/:id/roster/:volunteerId', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Mark a volunteer present on the roster, with times', params: VolunteerParams, body: RosterMark, response: { 200: Roster, ...errorResponses } },
  }, async (request) => activities.markRoster(ctx, requireActor(request), request.params.id, request.params.volunteerId, request.body));

  app.post('/activities/:id/confirm', {
    config: { access: 'signedIn' },
    schema: {
      tags, summary: 'Confirm attendance: the hours go into the ledger (the recording organization)',
      params: IdParams, body: ConfirmRequest, response: { 200: ConfirmResult, ...errorResponses },
    },
  }, async (request) => activities.confirmAttendance(ctx, requireActor(request), request.params.id, request.body.adjustments));

  app.post('/activities/:id/rating', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Rate an activity I attended', params: IdParams, body: RatingRequest, response: { 200: RatingSummary, ...errorResponses } },
  }, async (request) => activities.rateActivity(ctx, requireActor(request), request.params.id, request.body));

  app.post('/activities/:id/volunteers/:volunteerId/rating', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Rate a volunteer’s service (the leader)', params: VolunteerParams, body: RatingRequest, response: { 200: RatingSummary, ...errorResponses } },
  }, async (request) =>
    activities.rateVolunteer(ctx, requireActor(request), request.params.id, request.params.volunteerId, request.body));
}
