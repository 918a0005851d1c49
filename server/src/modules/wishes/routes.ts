import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses, IdParams, Suggestions } from '../../http/schemas.ts';
import { requireActor } from '../auth/service.ts';
import {
  Campaign, CampaignInput, CampaignList, CampaignQuery, ClaimRequest, Duplicates, FulfilRequest, WallQuery, WishDetail, WishInput, WishList, WishListQuery,
  WishPage, WishReview,
} from './schemas.ts';
import * as wishes from './service.ts';

const tags = ['wishes'];

export function wishRoutes(app: App, ctx: AppContext) {
  app.get('/wishes/wall', {
    config: { access: 'public' },
    schema: { tags, summary: 'The wish wall of an area (public; beneficiaries masked)', querystring: WallQuery, response: { 200: WishPage, ...errorResponses } },
  }, async (request) => wishes.wishWall(ctx, request.query));

  app.get('/wishes', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Wishes in my area (review queue with status=submitted)', querystring: WishListQuery, response: { 200: WishPage, ...errorResponses } },
  }, async (request) => wishes.listWishes(ctx, requireActor(request), request.query));

  app.get('/wishes/mine', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Wishes I posted', response: { 200: WishList, ...errorResponses } },
  }, async (request) => wishes.myWishes(ctx, requireActor(request)));

  app.get('/wishes/claimed', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Wishes I (or a team I lead) claimed', response: { 200: WishList, ...errorResponses } },
  }, async (request) => wishes.myClaims(ctx, requireActor(request)));

  app.post('/wishes', {
    config: { access: 'signedIn', idempotent: true },
    schema: { tags, summary: 'Post a wish (a resident, or staff for a resident)', body: WishInput, response: { 201: WishDetail, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await wishes.postWish(ctx, requireActor(request), request.body)));

  app.get('/wishes/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'One wish with its timeline', params: IdParams, response: { 200: WishDetail, ...errorResponses } },
  }, async (request) => wishes.getWish(ctx, request.actor, request.params.id));

  app.get('/wishes/:id/duplicates', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Likely duplicates (same beneficiary or near-identical text)', params: IdParams, response: { 200: Duplicates, ...errorResponses } },
  }, async (request) => wishes.likelyDuplicates(ctx, requireActor(request), request.params.id));

  app.get('/wishes/:id/suggestions', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Teams and volunteers who could take it, ranked, with reasons', params: IdParams, response: { 200: Suggestions, ...errorResponses } },
  }, async (request) => wishes.suggestionsForWish(ctx, requireActor(request), request.params.id));

  app.post('/wishes/:id/review', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Approve, reject (with a reason) or merge into a duplicate', params: IdParams, body: WishReview, response: { 200: WishDetail, ...errorResponses } },
  }, async (request) => wishes.reviewWish(ctx, requireActor(request), request.params.id, request.body));

  app.post('/wishes/:id/claim', {
    config: { access: 'signedIn', idempotent: true },
    schema: { tags, summary: 'Claim a wish: one claimer wins', params: IdParams, body: ClaimRequest, response: { 200: WishDetail, ...errorResponses } },
  }, async (request) => wishes.claimWish(ctx, requireActor(request), request.params.id, request.body));

  app.post('/wishes/:id/release', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Give a claimed wish back to the wall', params: IdParams, response: { 200: WishDetail, ...errorResponses } },
  }, async (request) => wishes.releaseWish(ctx, requireActor(request), request.params.id));

  app.post('/wishes/:id/fulfil', {
    config: { access: 'signedIn', idempotent: true },
    schema: { tags, summary: 'Fulfil with a note and photos; the hours go into the ledger', params: IdParams, body: FulfilRequest, response: { 200: WishDetail, ...errorResponses } },
  }, async (request) => wishes.fulfilWish(ctx, requireActor(request), request.params.id, request.body));

  app.post('/wishes/:id/confirm', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Confirm the wish came true (the poster, or the station for the beneficiary)', params: IdParams, response: { 200: WishDetail, ...errorResponses } },
  }, async (request) => wishes.confirmWish(ctx, requireActor(request), request.params.id));

  app.post('/wishes/:id/withdraw', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Withdraw my wish', params: IdParams, response: { 200: WishDetail, ...errorResponses } },
  }, async (request) => wishes.withdrawWish(ctx, requireActor(request), request.params.id));

  app.get('/campaigns', {
    config: { access: 'public' },
    schema: { tags, summary: 'Campaigns with live counts (public)', querystring: CampaignQuery, response: { 200: CampaignList, ...errorResponses } },
  }, async (request) => wishes.listCampaigns(ctx, request.query.under));

  app.get('/campaigns/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'One campaign with its counts (public)', params: IdParams, response: { 200: Campaign, ...errorResponses } },
  }, async (request) => wishes.getCampaign(ctx, request.params.id));

  app.post('/campaigns', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Start a campaign for my area', body: CampaignInput, response: { 201: Campaign, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await wishes.createCampaign(ctx, requireActor(request), request.body)));
}
