import { Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { AccessReport } from '../../../../src/shared/contract';
import { formatTime } from '../format/format-time';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const scopeText = (scope: AccessReport['scope']): string => (scope === 'covered' ? 'projects a connection covers' : 'all projects');

/** "Ready in 14 of 17 projects": green when the account can work everywhere checked, yellow otherwise. */
export function AccessSummary({ report }: { report: AccessReport }) {
  const total = report.projects.length;
  const missing = total - report.ready;
  const name = report.account.displayName;
  const ready = missing === 0;
  return (
    <SectionMessage
      appearance={ready ? 'success' : 'warning'}
      title={`Ready in ${report.ready} of ${plural(total, 'project')}`}
      testId="access-summary"
    >
      <p>
        {ready
          ? `${name} can browse, create, edit, transition, assign, comment on and delete issues, and administer every project checked.`
          : `${name} is missing permissions in ${plural(missing, 'project')}. Agent Studio actions on issues there fail until you fix its access as shown below.`}
      </p>
      <Text as="p" size="small" color="color.text.subtle">
        Checked {scopeText(report.scope)} on {formatTime(report.checkedAt)}.
      </Text>
    </SectionMessage>
  );
}
