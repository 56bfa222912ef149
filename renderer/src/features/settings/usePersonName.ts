import { useCallback, useEffect, useState } from 'react';
import type { PersonInfo } from '../../../../electron/contract';
import { api } from '../../api/client';

/**
 * The name of the person at this computer, named in the audit log with every change they make.
 * It is asked once and kept (by the desktop app in its user data, by a browser for itself); until
 * it is given, changes are logged under the door's name as before.
 */
export function usePersonName() {
  const [info, setInfo] = useState<PersonInfo | null>(null);
  useEffect(() => {
    api.person().then(
      (person) => {
        api.setActor(person.name);
        setInfo(person);
      },
      () => setInfo({ name: null, systemName: '' }),
    );
  }, []);
  const save = useCallback(async (name: string) => {
    const person = await api.setPerson(name);
    api.setActor(person.name);
    setInfo(person);
  }, []);
  return {
    /** False until the kept name has been read. */
    known: info !== null,
    name: info?.name ?? null,
    /** The system account's name, offered when asking (desktop only). */
    systemName: info?.systemName ?? '',
    save,
  };
}

export type PersonName = ReturnType<typeof usePersonName>;
