import { lazy, Suspense } from 'react';
import { PageSection } from './PageSection';

// The account picker (react-select), the table and the connector panel load after the page's first paint.
const AccessCheck = lazy(() => import('./AccessCheck').then((m) => ({ default: m.AccessCheck })));

interface Props {
  siteUrl?: string;
  forbiddenMessage: string;
}

/** "Jira API access": can the account Agent Studio's HTTP connector uses work on issues in every project? */
export function AccessSection({ siteUrl, forbiddenMessage }: Props) {
  return (
    <PageSection
      id="access"
      title="Jira API access"
      testId="access-section"
      description="Agent Studio’s HTTP actions call Jira’s REST API as one Atlassian account. Check that it can browse, create, edit, transition, assign, comment on and delete issues, and administer each project its plugins act on."
    >
      {/* The placeholder keeps the form's height, so the sections below do not jump when it arrives. */}
      <Suspense fallback={<div style={{ minHeight: '9rem' }} />}>
        <AccessCheck siteUrl={siteUrl} forbiddenMessage={forbiddenMessage} />
      </Suspense>
    </PageSection>
  );
}
