// The name of a call-up's area (its region prefix, e.g. 210321 → 台安县), looked up once
// per area and kept for the session; the code shows until (or if) the name is known.
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';

const names = new Map<string, Promise<string>>();

function nameOf(prefix: string): Promise<string> {
  let found = names.get(prefix);
  if (!found) {
    found = call(api.GET('/api/v1/regions/{code}', { params: { path: { code: prefix.padEnd(12, '0') } } })).then((region) => region.name, () => prefix);
    names.set(prefix, found);
  }
  return found;
}

export function AreaName({ prefix }: { prefix: string }) {
  const [name, setName] = useState<{ prefix: string; name: string } | null>(null);
  useEffect(() => {
    let live = true;
    void nameOf(prefix).then((found) => live && setName({ prefix, name: found }));
    return () => {
      live = false;
    };
  }, [prefix]);
  return <>{name?.prefix === prefix ? name.name : prefix}</>;
}
