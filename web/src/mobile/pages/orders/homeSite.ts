// The site whose menu a person sees and orders from: their volunteer home (a station), else
// the site of their first role on a station, institute or center.
import type { Me, MyVolunteer, SiteKind } from '../../../api/types';
import type { ChosenSite } from '../register/HomeSitePicker';

const homeKinds: readonly SiteKind[] = ['station', 'institute', 'center'];

export function homeSiteOf(volunteer: MyVolunteer | null, me: Me): ChosenSite | undefined {
  if (volunteer) return { site: { ...volunteer.site, kind: 'station' }, place: volunteer.site.name };
  const grant = me.grants.find((candidate) => homeKinds.includes(candidate.site.kind as SiteKind));
  if (!grant) return undefined;
  return { site: { id: grant.site.id, name: grant.site.name, regionCode: grant.site.regionCode, kind: grant.site.kind as SiteKind }, place: grant.site.name };
}
