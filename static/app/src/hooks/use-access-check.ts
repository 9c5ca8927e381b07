import { useCallback, useRef, useState } from 'react';
import type { AccessReport, ResolverError } from '../../../../src/shared/contract';
import { checkAccess, type AccessScope } from '../api/check-access';

export interface AccessCheck {
  report?: AccessReport;
  error?: ResolverError;
  checking: boolean;
  check: (accountId: string, scope: AccessScope) => void;
}

/**
 * Runs `access/check` on demand. The last report stays visible while a new check runs (it names its own
 * account and scope) and gives way to an error; an answer to an older click is dropped.
 */
export function useAccessCheck(): AccessCheck {
  const [report, setReport] = useState<AccessReport>();
  const [error, setError] = useState<ResolverError>();
  const [checking, setChecking] = useState(false);
  const latest = useRef(0);

  const check = useCallback((accountId: string, scope: AccessScope) => {
    const run = ++latest.current;
    setChecking(true);
    setError(undefined);
    void checkAccess(accountId, scope).then((result) => {
      if (run !== latest.current) return;
      if (result.ok) setReport(result.data);
      else {
        setReport(undefined);
        setError(result.error);
      }
      setChecking(false);
    });
  }, []);

  return { report, error, checking, check };
}
