import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';

const SMART_VALUES: [string, string][] = [
  ['{{issue.key}}', 'Issue key, e.g. SUP-1'],
  ['{{issue.summary}}', 'Summary (short for issue.fields.summary)'],
  ['{{issue.status.name}}', 'Status'],
  ['{{issue.assignee.displayName|Unassigned}}', 'Assignee, or the text after | when empty'],
  ['{{issue.fields.labels}}', 'Alone in a string: keeps its JSON type (here an array)'],
  // Forge events name the actor by account id only (atlassianId): a display name is never there.
  ['{{user.accountId}}', 'Account id of who made the change'],
  ['{{changelog.items.0.toString}}', 'New value of the first change'],
  ['{{comment.body}}', 'The comment, on comment events'],
  ['{{webhookEvent}}', 'e.g. jira:issue_updated'],
  ['{{eventId}}', 'Unique per event: de-duplicate on it'],
  ['{{timestamp}}', 'When it happened (epoch ms)'],
];

const CODE = { font: token('font.code'), overflowWrap: 'anywhere', color: token('color.text') } as const;
// Two columns of "value — meaning" rows under the editor, so the sheet stays short.
const LIST = {
  margin: 0,
  padding: 0,
  listStyle: 'none',
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(20rem, 1fr))',
  columnGap: token('space.300'),
  rowGap: token('space.075'),
} as const;
const ROW = { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: token('space.100') } as const;
const PANEL = {
  padding: token('space.150'),
  borderRadius: token('radius.medium', '6px'),
  background: token('elevation.surface.sunken'),
  border: `${token('border.width')} solid ${token('color.border')}`,
} as const;

/** Smart values an admin used to Automation's "Send web request" reaches for first. */
export function TemplateCheatSheet() {
  return (
    <section aria-labelledby="template-cheatsheet-heading" style={PANEL} data-testid="template-cheatsheet">
      <Stack space="space.100">
        <Heading size="xxsmall" as="h3" id="template-cheatsheet-heading">
          Smart values
        </Heading>
        <ul style={LIST}>
          {SMART_VALUES.map(([value, meaning]) => (
            <li key={value} style={ROW}>
              <Box style={CODE}>{value}</Box>
              <Text size="small" color="color.text.subtle">
                {meaning}
              </Text>
            </li>
          ))}
        </ul>
        <Text size="small" color="color.text.subtle" testId="template-moveworks-note">
          Moveworks’ guide writes <span style={CODE}>{'${issue.key}'}</span>: that works too, the same as{' '}
          <span style={CODE}>{'{{issue.key}}'}</span> (the preview shows a warning). No functions such as .jsonEncode are needed: escaping is
          automatic.
        </Text>
      </Stack>
    </section>
  );
}
