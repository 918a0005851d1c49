import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses, IdParams, ReviewRequest } from '../../http/schemas.ts';
import { clientOf, setSessionCookie } from '../../http/session-cookie.ts';
import { requireActor } from '../auth/service.ts';
import {
  MyRegistration, RevealRequest, RevealResponse, SelfRegistration, VolunteerDetail, VolunteerInput, VolunteerListQuery,
  VolunteerPage, VolunteerSelfUpdate, VolunteerUpdate,
} from './schemas.ts';
import * as correction from './correction.ts';
import * as volunteers from './service.ts';

const tags = ['volunteers'];

export function volunteerRoutes(app: App, ctx: AppContext) {
  app.post('/volunteers/register', {
    config: { access: 'public', idempotent: true },
    schema: {
      tags, summary: 'Register as a volunteer from the phone: creates the account and signs in',
      description: 'Send an Idempotency-Key header: a retried request then never registers twice.',
      body: SelfRegistration, response: { 201: VolunteerDetail, ...errorResponses },
    },
  }, async (request, reply) => {
    const { token, volunteer } = await volunteers.registerSelf(ctx, request.body, clientOf(request));
    setSessionCookie(ctx, reply, token);
    return reply.status(201).send(volunteer);
  });

  app.get('/volunteers/me', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'My volunteer profile (masked)', response: { 200: VolunteerDetail, ...errorResponses } },
  }, async (request) => volunteers.myVolunteer(ctx, requireActor(request)));

  app.post('/volunteers/me', {
    config: { access: 'signedIn', idempotent: true },
    schema: { tags, summary: 'Register my signed-in account as a volunteer', body: MyRegistration, response: { 201: VolunteerDetail, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await volunteers.registerMine(ctx, requireActor(request), request.body)));

  app.patch('/volunteers/me', {
    config: { access: 'signedIn', idempotent: true },
    schema: {
      tags, summary: 'Correct my volunteer profile: phone, service categories, skills, availability, flags',
      description: 'Name and ID number are corrected by the practice station. A phone number another volunteer uses is refused (PHONE_TAKEN). Send an Idempotency-Key header.',
      body: VolunteerSelfUpdate, response: { 200: VolunteerDetail, ...errorResponses },
    },
  }, async (request) => correction.correctMine(ctx, requireActor(request), request.body));

  app.get('/volunteers', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Volunteers in my area, filtered, keyset-paged', querystring: VolunteerListQuery, response: { 200: VolunteerPage, ...errorResponses } },
  }, async (request) => volunteers.listVolunteers(ctx, requireActor(request), request.query));

  app.post('/volunteers', {
    config: { access: 'staff', idempotent: true },
    schema: { tags, summary: 'Enter a volunteer (staff); active at once', body: VolunteerInput, response: { 201: VolunteerDetail, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await volunteers.createVolunteer(ctx, requireActor(request), request.body)));

  app.get('/volunteers/:id', {
    config: { access: 'staff' },
    schema: { tags, summary: 'One volunteer (masked) with their organizations', params: IdParams, response: { 200: VolunteerDetail, ...errorResponses } },
  }, async (request) => volunteers.getVolunteer(ctx, requireActor(request), request.params.id));

  app.patch('/volunteers/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Edit a volunteer’s profile, correct their phone, or move them to another site', params: IdParams, body: VolunteerUpdate, response: { 200: VolunteerDetail, ...errorResponses } },
  }, async (request) => correction.correctVolunteer(ctx, requireActor(request), request.params.id, request.body));

  app.post('/volunteers/:id/review', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Approve or reject a registration', params: IdParams, body: ReviewRequest, response: { 200: VolunteerDetail, ...errorResponses } },
  }, async (request) => volunteers.reviewVolunteer(ctx, requireActor(request), request.params.id, request.body));

  app.post('/volunteers/:id/reveal', {
    config: { access: 'staff' },
    schema: {
      tags, summary: 'Show the full ID or phone number, with a reason; audited',
      params: IdParams, body: RevealRequest, response: { 200: RevealResponse, ...errorResponses },
    },
  }, async (request) => volunteers.revealVolunteer(ctx, requireActor(request), request.params.id, request.body));
}
