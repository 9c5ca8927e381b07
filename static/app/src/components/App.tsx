import type { PageContext } from '../api/get-page-context';
import { AdminPage } from './AdminPage';
import { PageLayout } from './PageLayout';
import SectionMessage from '@atlaskit/section-message';
import { ProjectPage } from './ProjectPage';

/** One resource serves both pages; the Forge context decides which one renders. */
export function App({ context }: { context: PageContext }) {
  switch (context.page) {
    case 'admin':
      return <AdminPage siteUrl={context.siteUrl} />;
    case 'project':
      return <ProjectPage projectKey={context.projectKey} />;
    default:
      return (
        <PageLayout>
          <SectionMessage appearance="error" title="Page not available">
            <p>Agent Studio Relay does not have a page here. Open it from Jira settings or from a project's settings.</p>
          </SectionMessage>
        </PageLayout>
      );
  }
}
