// Who a session token belongs to, kept for a few seconds. Every signed-in request needs
// its actor, and reading it was one of the two queries of a list page. A change to a
// person's sessions, grants or account forgets them (forgetActors in service.ts).
import { ShortCache } from '../../lib/short-cache.ts';
import type { Actor } from '../../lib/scope.ts';

/** Actors by the hash of their session token, for 5 s. */
export const actorCache = new ShortCache<Actor>(5000, 20_000);
