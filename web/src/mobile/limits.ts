// Limits of the requests only the phone sends (disputes, ratings); the shared ones are in
// shared/domain.ts. limits.unit.test.ts checks both sets against the OpenAPI document.
export const mobileLimits = {
  claim: { min: 2, max: 500 },
  ratingComment: 500,
} as const;
