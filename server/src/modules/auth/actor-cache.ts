// Who a session token belongs to, kept for a few seconds. Every signed-in request needs
// its actor, and reading it was one of the two queries of a list page. A change to a
// person's sessions, grants or account forgets them here at once and again when it commits
// (forgetActors in service.ts); another server process sees the change within the TTL.
import type { Actor } from '../../lib/scope.ts';

export const ACTOR_TTL_MS = 5000;
const MAX_ENTRIES = 20_000;

interface Entry {
  actor: Actor;
  until: number;
}

const entries = new Map<string, Entry>();
// Bumped by every forget: an actor read from the database before a forget is not kept.
let generation = 0;

export const actorCache = {
  generation: () => generation,

  get(tokenHash: string): Actor | undefined {
    const entry = entries.get(tokenHash);
    if (entry && entry.until > Date.now()) return entry.actor;
    if (entry) entries.delete(tokenHash);
    return undefined;
  },

  /** Keeps the actor read at `readAt` (a generation), unless someone was forgotten since. */
  set(tokenHash: string, actor: Actor, readAt: number): void {
    if (readAt !== generation) return;
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(tokenHash, { actor, until: Date.now() + ACTOR_TTL_MS });
  },

  forgetToken(tokenHash: string): void {
    generation += 1;
    entries.delete(tokenHash);
  },

  forgetUser(userId: number): void {
    generation += 1;
    for (const [tokenHash, entry] of entries) if (entry.actor.userId === userId) entries.delete(tokenHash);
  },
};
