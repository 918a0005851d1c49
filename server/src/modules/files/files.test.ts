import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import type { Role } from '../../lib/scope.ts';
import { actorFor, buildOrganization, buildUser, buildVolunteer } from '../../seed/factories.ts';

let server: TestServer;
let png: Buffer;
beforeAll(async () => {
  server = await createTestServer();
  png = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#c8102e' } }).png().toBuffer();
});
afterAll(() => server?.close());

async function upload(target: TestServer, bytes: Buffer, name = 'photo.png') {
  const admin = await target.admin();
  return { admin, response: await admin.upload('/api/v1/files', {}, { filename: name, content: bytes, type: 'image/png' }) };
}

describe('image uploads', () => {
  it('keep a phone-sized JPEG and a thumbnail, an unattached one served to its uploader only', async () => {
    const { admin, response } = await upload(server, png);
    expect(response.status).toBe(201);
    expect(response.body.contentType).toBe('image/jpeg');
    const full = await admin.get(response.body.url);
    const thumb = await admin.get(response.body.thumbUrl);
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect(await sharp(full.raw).metadata()).toMatchObject({ format: 'jpeg', width: 1600, height: 1067 });
    expect(await sharp(thumb.raw).metadata()).toMatchObject({ width: 320, height: 213 });
    expect((await server.client().get(response.body.url)).status).toBe(404);
  });

  it('read the type from the bytes: a script named .png is refused, and so is a broken image', async () => {
    const script = await upload(server, Buffer.from('<script>alert(1)</script>'), 'evil.png');
    expect(script.response.status).toBe(415);
    expect(script.response.body.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', field: 'file' });
    const broken = await upload(server, Buffer.concat([png.subarray(0, 64), Buffer.alloc(64, 7)]));
    expect(broken.response.status).toBe(415);
  });

  it('refuse images over 5 MB and store nothing', async () => {
    const before = await server.ctx.db.selectFrom('files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const { response } = await upload(server, Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]));
    expect(response.status).toBe(413);
    const after = await server.ctx.db.selectFrom('files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('can keep the bytes on the filesystem instead of the database', async () => {
    const onDisk = await createTestServer({ config: { fileStorage: 'filesystem' } });
    try {
      const { admin, response } = await upload(onDisk, png);
      const row = await onDisk.ctx.db.selectFrom('files').select(['storage', 'bytes']).where('id', '=', response.body.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ storage: 'filesystem', bytes: null });
      expect((await sharp((await admin.get(response.body.url)).raw).metadata()).width).toBe(1600);
    } finally {
      await onDisk.close();
    }
  });
});

describe('who may see a file: what it is attached to decides, and a refusal looks like a missing file', () => {
  let station: number;
  let stationCode: string;
  let elsewhere: TestClient; // staff of another area
  let stationStaff: TestClient;
  let stranger: TestClient;
  let visitor: TestClient;

  type Person = { userId: number; client: TestClient };
  const person = async (role: Role = 'resident', siteId = station): Promise<Person> => {
    const account = await buildUser(server.ctx, { siteId, role });
    return { userId: account.userId, client: await server.signIn(account.phone, account.password) };
  };
  /** A volunteer with an account, for claims and care groups. */
  const volunteerPerson = async () => {
    const someone = await person('volunteer');
    const volunteer = await buildVolunteer(server.ctx, { siteId: station, userId: someone.userId });
    return { ...someone, volunteerId: volunteer.id };
  };
  let uploader: Person;
  const newPhoto = async () => (await uploader.client.upload('/api/v1/files', {}, { filename: 'p.png', content: png, type: 'image/png' })).body.id as string;
  /** The status of reading the photo (and its thumbnail: both must agree) as each reader. */
  const statuses = async (id: string, readers: TestClient[]) => Promise.all(readers.map(async (reader) => {
    const [full, thumb] = [await reader.get(`/api/v1/files/${id}`), await reader.get(`/api/v1/files/${id}?size=thumb`)];
    expect(thumb.status).toBe(full.status);
    if (full.status === 404) expect(full.body.error.code).toBe('NOT_FOUND');
    return full.status;
  }));

  const wish = (status: string, photoId: string, extra: { posted_by: number; claimed_by?: number; claimer_volunteer_id?: number }) =>
    server.ctx.db.insertInto('wishes').values({
      title: '想要一台收音机', story: '老人独居，想听广播', category: 'daily', beneficiary_group: 'elderly_alone', beneficiary_name_enc: server.ctx.pii.encrypt('王奶奶'),
      beneficiary_name_masked: '王*', beneficiary_key: `k${photoId}`, site_id: station, region_code: stationCode, status, fulfil_photos: [photoId],
      claimed_at: new Date(), fulfilled_at: new Date(), ...extra,
    }).execute();

  beforeAll(async () => {
    const home = await server.ctx.db.selectFrom('sites').select(['id', 'region_code']).where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow();
    station = home.id;
    stationCode = home.region_code;
    const other = await server.ctx.db.selectFrom('sites').select('id').where('kind', '=', 'station').where('region_code', 'not like', '210321%').orderBy('id').executeTakeFirstOrThrow();
    elsewhere = (await person('station_admin', other.id)).client;
    stationStaff = await server.signIn('13800000003', DEMO_PASSWORD);
    stranger = (await person()).client;
    visitor = server.client();
    uploader = await person();
  });

  it('an unattached upload: the uploader only, not even the staff over their station', async () => {
    const id = await newPhoto();
    expect(await statuses(id, [uploader.client, stranger, stationStaff, visitor])).toEqual([200, 404, 404, 404]);
    expect(await statuses('00000000-0000-4000-8000-000000000000', [uploader.client])).toEqual([404]);
  });

  it('a wish on the public wall shows its photos to anyone, visitors too', async () => {
    const id = await newPhoto();
    const poster = await person();
    await wish('fulfilled', id, { posted_by: poster.userId });
    expect(await statuses(id, [visitor, stranger, elsewhere])).toEqual([200, 200, 200]);
  });

  it('a wish off the wall: its poster, its claimer and the staff over it; nobody else', async () => {
    const id = await newPhoto();
    const poster = await person();
    const claimer = await volunteerPerson();
    await wish('withdrawn', id, { posted_by: poster.userId, claimed_by: claimer.userId, claimer_volunteer_id: claimer.volunteerId });
    expect(await statuses(id, [poster.client, claimer.client, stationStaff, uploader.client])).toEqual([200, 200, 200, 200]);
    expect(await statuses(id, [visitor, stranger, elsewhere])).toEqual([404, 404, 404]);
  });

  it('an order’s delivery photos: the resident, the team it went to and the staff over the site', async () => {
    const id = await newPhoto();
    const resident = await person();
    const leader = await volunteerPerson();
    const centerActor = await actorFor(server.ctx, (await (await server.signIn('13800000001', DEMO_PASSWORD)).get('/api/v1/auth/me')).body.user.id);
    const team = await buildOrganization(server.ctx, centerActor, { siteId: station });
    await server.ctx.db.updateTable('organizations').set({ leader_volunteer_id: leader.volunteerId, status: 'approved' }).where('id', '=', team.id).execute();
    const otherLeader = await volunteerPerson();
    const otherTeam = await buildOrganization(server.ctx, centerActor, { siteId: station });
    await server.ctx.db.updateTable('organizations').set({ leader_volunteer_id: otherLeader.volunteerId, status: 'approved' }).where('id', '=', otherTeam.id).execute();
    await server.ctx.db.insertInto('orders').values({
      title: '修水龙头', category: 'assistance', resident_id: resident.userId, site_id: station, region_code: stationCode, handler_site_id: station,
      handler_region_code: stationCode, status: 'delivered', organization_id: team.id, delivery_photos: [id], delivered_at: new Date(),
    }).execute();
    expect(await statuses(id, [resident.client, leader.client, stationStaff])).toEqual([200, 200, 200]);
    expect(await statuses(id, [visitor, stranger, otherLeader.client, elsewhere])).toEqual([404, 404, 404, 404]);
  });

  it('a care visit’s photos: whoever may read the recipient (the group’s active members, the staff over it)', async () => {
    const id = await newPhoto();
    const member = await volunteerPerson();
    const leaver = await volunteerPerson();
    const group = await server.ctx.db.insertInto('care_groups').values({ name: '帮扶小组', site_id: station, region_code: stationCode }).returning('id').executeTakeFirstOrThrow();
    await server.ctx.db.insertInto('care_group_members').values([
      { group_id: group.id, volunteer_id: member.volunteerId },
      { group_id: group.id, volunteer_id: leaver.volunteerId, left_at: new Date() },
    ]).execute();
    const recipient = await server.ctx.db.insertInto('care_recipients').values({
      group_id: group.id, kind: 'elderly_alone', name_enc: server.ctx.pii.encrypt('李爷爷'), name_masked: '李*', visit_every_days: 7,
      caretaker_id: member.volunteerId, site_id: station, region_code: stationCode, consent_at: new Date(), due_on: '2026-12-08',
    }).returning('id').executeTakeFirstOrThrow();
    await server.ctx.db.insertInto('care_visits').values({
      recipient_id: recipient.id, volunteer_id: member.volunteerId, visited_on: '2026-12-01', kind: 'home', summary_enc: server.ctx.pii.encrypt('身体好'),
      photos: [id], client_id: `files-test-${id}`,
    }).execute();
    expect(await statuses(id, [member.client, stationStaff, uploader.client])).toEqual([200, 200, 200]);
    expect(await statuses(id, [leaver.client, stranger, elsewhere, visitor])).toEqual([404, 404, 404, 404]);
  });
});
