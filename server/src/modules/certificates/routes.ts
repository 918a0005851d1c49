import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/schemas.ts';
import { requireActor } from '../auth/service.ts';
import { Certificate, CertificateList, CodeParams, IssueRequest, RevokeRequest, Sources, Verification } from './schemas.ts';
import * as certificates from './service.ts';
import { verifyPage } from './verify-page.ts';

const tags = ['certificates'];
const baseUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export function certificateRoutes(app: App, ctx: AppContext) {
  app.get('/certificates/mine', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'My certificates', response: { 200: CertificateList, ...errorResponses } },
  }, async (request) => certificates.myCertificates(ctx, requireActor(request)));

  app.get('/certificates/sources', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Organizations that recorded hours for me (each can certify them)', response: { 200: Sources, ...errorResponses } },
  }, async (request) => certificates.issuableSources(ctx, requireActor(request)));

  app.post('/certificates', {
    config: { access: 'signedIn', idempotent: true },
    schema: { tags, summary: 'Issue a certificate for the hours an organization recorded', body: IssueRequest, response: { 201: Certificate, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await certificates.issueCertificate(ctx, requireActor(request), request.body)));

  app.get('/certificates/:code/pdf', {
    config: { access: 'signedIn' },
    schema: {
      tags, summary: 'The certificate as a PDF', params: CodeParams,
      response: { 200: { description: 'application/pdf', type: 'string', format: 'binary' }, ...errorResponses },
    },
  }, async (request, reply) => {
    const pdf = await certificates.certificateFile(ctx, requireActor(request), request.params.code, baseUrl(request));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${request.params.code}.pdf"`).send(pdf);
  });

  app.post('/certificates/:code/revoke', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Revoke a certificate (staff of the issuing area)', params: CodeParams, body: RevokeRequest, response: { 200: Verification, ...errorResponses } },
  }, async (request) => certificates.revokeCertificate(ctx, requireActor(request), request.params.code, request.body.reason));

  app.get('/public/certificates/:code', {
    config: { access: 'public' },
    schema: { tags, summary: 'Verify a certificate code (public)', params: CodeParams, response: { 200: Verification, ...errorResponses } },
  }, async (request) => certificates.verifyCertificate(ctx, request.params.code));
}

/** The page a certificate's QR code opens: plain HTML, readable on any phone. */
export function verifyPageRoutes(app: App, ctx: AppContext) {
  app.get('/verify/:code', { config: { access: 'public' }, schema: { hide: true, params: CodeParams } }, async (request, reply) =>
    reply.type('text/html; charset=utf-8').send(verifyPage(await certificates.verifyCertificate(ctx, request.params.code))));
}
