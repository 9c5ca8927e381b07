import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { SlaScanStatus } from '../../../../src/shared/contract';
import { formatTime } from '../format/format-time';
import { Fact } from './Fact';

/** What the last scan did, so an admin can tell "no breaches" from "not scanning". */
export function SlaLastScan({ scan }: { scan?: SlaScanStatus }) {
  return (
    <Box testId="sla-last-scan">
      <Stack space="space.100">
        <Heading size="xsmall" as="h3">
          Last scan
        </Heading>
        {scan ? (
          <>
            <Inline space="space.400" shouldWrap>
              <Fact label="Time">
                <time dateTime={scan.at}>{formatTime(scan.at)}</time>
              </Fact>
              <Fact label="SLAs watched">{scan.slas}</Fact>
              <Fact label="Issues found">{scan.issues}</Fact>
              <Fact label="Events sent">{scan.sent}</Fact>
            </Inline>
            {scan.error && (
              <SectionMessage appearance="warning" title="The last scan found a problem" testId="sla-last-scan-error">
                <p>{scan.error}</p>
              </SectionMessage>
            )}
          </>
        ) : (
          <Text color="color.text.subtle">Not run yet</Text>
        )}
      </Stack>
    </Box>
  );
}
