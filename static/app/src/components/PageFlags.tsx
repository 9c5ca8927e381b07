import { AutoDismissFlag, FlagGroup } from '@atlaskit/flag';

export interface PageFlag {
  id: number;
  appearance: 'success' | 'error';
  title: string;
  description?: string;
}

interface Props {
  flags: PageFlag[];
  onDismissed: (id: number) => void;
}

/** Jira confirms saves and reports background failures with flags in the corner; so does this app. */
export function PageFlags({ flags, onDismissed }: Props) {
  return (
    <FlagGroup onDismissed={(id) => onDismissed(Number(id))} label="Notifications">
      {flags.map((flag) => (
        <AutoDismissFlag
          key={flag.id}
          id={flag.id}
          appearance={flag.appearance}
          title={flag.title}
          description={flag.description}
          testId={`flag-${flag.appearance}`}
        />
      ))}
    </FlagGroup>
  );
}
