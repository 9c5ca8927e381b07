import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import type { DeliveryState } from '../../../../src/shared/contract';

const APPEARANCE: Record<DeliveryState, ThemeAppearance> = {
  delivered: 'success',
  retrying: 'moved',
  failed: 'removed',
};

const LABEL: Record<DeliveryState, string> = {
  delivered: 'Delivered',
  retrying: 'Retrying',
  failed: 'Failed',
};

export function DeliveryStateLozenge({ state }: { state: DeliveryState }) {
  return <Lozenge appearance={APPEARANCE[state]}>{LABEL[state]}</Lozenge>;
}
