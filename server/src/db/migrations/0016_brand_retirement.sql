-- 品牌 are managed data: a brand is retired, never deleted, so the projects filed under it
-- keep it while no new project can pick it.
ALTER TABLE brands ADD COLUMN retired_at timestamptz;
