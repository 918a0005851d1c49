// 所在社区/村: the home site, found by going down the divisions (city → county → township →
// village or community) or by searching a name or its pinyin initials. The site is the
// practice station of the village, or of the nearest level above that has one.
import { RightOutlined } from '@ant-design/icons';
import { Button, List, Popup, SearchBar } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { HomeSite, Region, RegionMatch } from '../../../api/types';
import { ApiFailure, call, errorMessage } from '../../../shared/errors';
import { useI18n, type MessageKey } from '../../../shared/i18n';
import { useDebounced } from '../../../shared/useDebounced';
import { useLoad } from '../../../shared/useLoad';
import { ErrorText, Loaded, Loading } from '../../components/Async';

/** The province this deployment serves (辽宁省); every path starts below it. */
export const PROVINCE_CODE = '210000000000';
/** Home sites stand on a county (center), township (institute) or village (station). */
const COUNTY_LEVEL = 3;

interface Step {
  code: string;
  name: string;
  level: number;
}

export interface ChosenSite {
  site: HomeSite;
  /** 辽宁省 / 鞍山市 / 台安县 / 八角台街道 / 庆南社区居委会 */
  place: string;
}

const nextLevelHint: Record<number, MessageKey> = {
  1: 'mobile.region.pickCity',
  2: 'mobile.region.pickCounty',
  3: 'mobile.region.pickTownship',
  4: 'mobile.region.pickVillage',
};

const siteOn = (code: string) => call(api.GET('/api/v1/regions/{code}/site', { params: { path: { code } } }));

/** The site of the deepest step that has one, from the village up to the county. */
async function siteFor(path: Step[]): Promise<HomeSite | null> {
  for (const step of [...path].reverse()) {
    if (step.level < COUNTY_LEVEL) break;
    try {
      return await siteOn(step.code);
    } catch (error) {
      if (!(error instanceof ApiFailure && error.status === 404)) throw error;
    }
  }
  return null;
}

export function HomeSitePicker({ id, value, onChange }: { id?: string; value?: ChosenSite | null; onChange?(value: ChosenSite): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button id={id} type="button" className="m-picker-field" onClick={() => setOpen(true)}>
        {value ? (
          <>
            <strong>{value.site.name}</strong>
            <span>{value.place}</span>
          </>
        ) : (
          <span className="m-placeholder">{t('mobile.region.placeholder')}</span>
        )}
        <RightOutlined aria-hidden />
      </button>
      <Popup visible={open} onMaskClick={() => setOpen(false)} onClose={() => setOpen(false)} destroyOnClose bodyClassName="m-sheet">
        <RegionBrowser
          onPick={(chosen) => {
            onChange?.(chosen);
            setOpen(false);
          }}
          onClose={() => setOpen(false)}
        />
      </Popup>
    </>
  );
}

function RegionBrowser({ onPick, onClose }: { onPick(chosen: ChosenSite): void; onClose(): void }) {
  const { t } = useI18n();
  const [path, setPath] = useState<Step[]>([]);
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 300);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const current = path.at(-1)?.code ?? PROVINCE_CODE;
  const loadPlace = useCallback(async () => {
    const [region, children] = await Promise.all([
      call(api.GET('/api/v1/regions/{code}', { params: { path: { code: current } } })),
      call(api.GET('/api/v1/regions/{code}/children', { params: { path: { code: current } } })),
    ]);
    return { region, children: children.items };
  }, [current]);
  const place = useLoad(loadPlace);
  const search = useCallback(async () => (q ? (await call(api.GET('/api/v1/regions', { params: { query: { q, under: PROVINCE_CODE.slice(0, 2), limit: 30 } } }))).items : []), [q]);
  const matches = useLoad(search);

  async function pick(steps: Step[]) {
    setPicking(true);
    setError(null);
    try {
      const site = await siteFor(steps);
      if (site) onPick({ site, place: steps.map((step) => step.name).join(' / ') });
      else setError(t('mobile.region.noSite'));
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setPicking(false);
    }
  }

  function choose(region: Region, lineage: Step[]) {
    const steps = [...lineage, { code: region.code, name: region.name, level: region.level }];
    if (region.childCount > 0) {
      setPath(steps.filter((step) => step.level > 1));
      setError(null);
    } else void pick(steps);
  }

  async function chooseMatch(match: RegionMatch) {
    setQuery('');
    try {
      const detail = await call(api.GET('/api/v1/regions/{code}', { params: { path: { code: match.code } } }));
      choose(match, detail.lineage.filter((step) => step.code !== match.code));
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  }

  return (
    <div className="m-region">
      <div className="m-sheet-head">
        <h2>{t('mobile.region.title')}</h2>
        <Button fill="none" size="large" onClick={onClose}>{t('common.cancel')}</Button>
      </div>
      <SearchBar
        className="m-search"
        placeholder={t('mobile.region.search')}
        value={query}
        onChange={setQuery}
        aria-label={t('mobile.region.search')}
      />
      <ErrorText>{error}</ErrorText>
      {picking && <Loading />}
      {q ? (
        <Loaded state={matches}>
          {(items) => items.length === 0 ? <p className="m-empty">{t('mobile.region.noMatch')}</p> : (
            <List>
              {items.map((match) => (
                <List.Item key={match.code} arrowIcon onClick={() => void chooseMatch(match)} description={match.fullName}>{match.name}</List.Item>
              ))}
            </List>
          )}
        </Loaded>
      ) : (
        <Loaded state={place}>
          {({ region, children }) => {
            const lineage: Step[] = [...region.lineage.filter((step) => step.code !== region.code), { code: region.code, name: region.name, level: region.level }];
            return (
              <>
                <nav className="m-crumbs" aria-label={t('mobile.region.chosen')}>
                  {lineage.map((step, index) => (
                    <button key={step.code} type="button" disabled={index === lineage.length - 1} onClick={() => setPath(lineage.slice(1, index + 1))}>
                      {step.name}
                    </button>
                  ))}
                </nav>
                {region.level >= COUNTY_LEVEL && (
                  <Button block fill="outline" color="primary" onClick={() => void pick(lineage)}>
                    {t('mobile.region.pickHere', { name: region.name })}
                  </Button>
                )}
                <p className="m-region-hint">{t(nextLevelHint[region.level] ?? 'mobile.region.pickVillage')}</p>
                <List>
                  {children.map((child) => (
                    <List.Item key={child.code} arrowIcon={child.childCount > 0} onClick={() => choose(child, lineage)}>{child.name}</List.Item>
                  ))}
                </List>
              </>
            );
          }}
        </Loaded>
      )}
    </div>
  );
}
