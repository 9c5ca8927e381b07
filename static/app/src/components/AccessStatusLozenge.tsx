import Lozenge from '@atlaskit/lozenge';
import { REQUIRED_PERMISSIONS } from '../../../../src/shared/access';

/** Ready (green); some permissions missing (yellow); none of them granted (red). */
export function AccessStatusLozenge({ missing, testId }: { missing: number; testId?: string }) {
  if (missing === 0)
    return (
      <Lozenge appearance="success" testId={testId}>
        Ready
      </Lozenge>
    );
  return (
    <Lozenge appearance={missing >= REQUIRED_PERMISSIONS.length ? 'removed' : 'moved'} testId={testId}>
      Missing {missing}
    </Lozenge>
  );
}
