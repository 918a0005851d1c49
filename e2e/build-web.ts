// Browser tests run against the production build of the web apps.
// @ts-expect-error a plain ES module script without type declarations
import { buildWeb } from '../scripts/build-web.mjs';

export default async function setup() {
  await (buildWeb as (options: { ifStale: boolean }) => Promise<boolean>)({ ifStale: true });
}
