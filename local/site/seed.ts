/**
 * The initial site: three projects, four identities with distinct roles, a few issues per project.
 * SUP-1 is the issue the Forge event fixtures (test/fixtures/forge-events) talk about.
 */
import { ACCOUNT_IDS } from './site-constants';
import { adfText, type SiteState, type StoredIssue } from './site-state';

const t0 = Date.parse('2024-12-04T09:00:00.000Z');
const day = 86_400_000;

type Defaulted = 'comments' | 'resolutionDate' | 'requestType' | 'worklogs' | 'attachments' | 'sla';

function issue(partial: Omit<StoredIssue, Defaulted> & Partial<StoredIssue>): StoredIssue {
  return { comments: [], resolutionDate: null, requestType: null, worklogs: [], attachments: [], sla: { startOverrides: {}, completedAt: {} }, ...partial };
}

export function seedSiteState(): SiteState {
  const { alice, pat, uma, bot } = ACCOUNT_IDS;
  return {
    version: 1,
    users: [
      { accountId: alice, displayName: 'Alice Admin', emailAddress: 'alice@relay-dev.example', siteAdmin: true, projectAdminOf: [], timeZone: 'Europe/London' },
      { accountId: pat, displayName: 'Pat Project-Admin', emailAddress: 'pat@relay-dev.example', siteAdmin: false, projectAdminOf: ['SUP'], timeZone: 'America/New_York' },
      { accountId: uma, displayName: 'Uma User', emailAddress: 'uma@relay-dev.example', siteAdmin: false, projectAdminOf: [], timeZone: 'Australia/Sydney' },
      {
        accountId: bot,
        displayName: 'Agent Studio Bot',
        emailAddress: 'agent-studio-bot@serviceaccount.atlassian.com',
        siteAdmin: false,
        projectAdminOf: [],
        serviceAccount: true,
        browseOnly: ['SUP', 'ENG'],
        timeZone: 'Etc/UTC',
      },
    ],
    projects: [
      { id: '10000', key: 'SUP', name: 'Customer Support', projectTypeKey: 'service_desk', avatarId: 10400, leadAccountId: pat, restricted: false },
      { id: '10001', key: 'ENG', name: 'Engineering', projectTypeKey: 'software', avatarId: 10401, leadAccountId: alice, restricted: false },
      { id: '10002', key: 'HR', name: 'People Ops', projectTypeKey: 'business', avatarId: 10402, leadAccountId: alice, restricted: true },
    ],
    issues: [
      issue({
        id: '10001', key: 'SUP-1', projectKey: 'SUP', summary: 'Customer cannot log in to the support portal',
        description: adfText('Since this morning several customers report "invalid SAML response" when signing in.'),
        issueTypeId: '10002', statusId: '10000', priorityId: '3', labels: ['portal', 'sso'], assigneeId: null,
        reporterId: uma, creatorId: uma, created: t0, updated: t0, requestType: 'Report a bug',
      }),
      issue({
        id: '10002', key: 'SUP-2', projectKey: 'SUP', summary: 'Refund request for order #4471',
        description: adfText('Customer was charged twice for the annual plan.'),
        issueTypeId: '10001', statusId: '3', priorityId: '2', labels: ['billing'], assigneeId: pat,
        reporterId: uma, creatorId: uma, created: t0 - 2 * day, updated: t0 - day, requestType: 'Billing question',
        // Pat's comment was the first response (breached: a day after creation, against a 4 h goal).
        sla: { startOverrides: {}, completedAt: { customfield_10030: t0 - day } },
        comments: [{ id: '10090', authorId: pat, updateAuthorId: pat, body: adfText('Refund issued, waiting for the bank.'), created: t0 - day, updated: t0 - day }],
      }),
      issue({
        id: '10003', key: 'SUP-3', projectKey: 'SUP', summary: 'How do I export my invoices?',
        description: null, issueTypeId: '10001', statusId: '10001', priorityId: '4', labels: [], assigneeId: uma,
        reporterId: uma, creatorId: uma, created: t0 - 5 * day, updated: t0 - 4 * day, resolutionDate: t0 - 4 * day, requestType: 'Get help',
        sla: { startOverrides: {}, completedAt: { customfield_10030: t0 - 4 * day, customfield_10031: t0 - 4 * day } },
      }),
      issue({
        id: '10004', key: 'ENG-1', projectKey: 'ENG', summary: 'Rotate the SSO signing certificate',
        description: adfText('The IdP certificate expires on 4 December.'), issueTypeId: '10001', statusId: '10000', priorityId: '1',
        labels: ['security'], assigneeId: alice, reporterId: alice, creatorId: alice, created: t0 - 10 * day, updated: t0 - 3 * day,
      }),
      issue({
        id: '10005', key: 'ENG-2', projectKey: 'ENG', summary: 'Add rate limiting to the public API',
        description: null, issueTypeId: '10003', statusId: '3', priorityId: '3', labels: [], assigneeId: null,
        reporterId: pat, creatorId: pat, created: t0 - 7 * day, updated: t0 - 2 * day,
      }),
      issue({
        id: '10006', key: 'ENG-3', projectKey: 'ENG', summary: 'Flaky test in checkout flow',
        description: null, issueTypeId: '10002', statusId: '10000', priorityId: '4', labels: ['flaky'], assigneeId: uma,
        reporterId: uma, creatorId: uma, created: t0 - day, updated: t0 - day,
      }),
      issue({
        id: '10007', key: 'HR-1', projectKey: 'HR', summary: 'Onboarding: new starter in Support',
        description: adfText('Laptop, accounts and buddy for the new starter.'), issueTypeId: '10001', statusId: '10000', priorityId: '3',
        labels: ['onboarding'], assigneeId: alice, reporterId: alice, creatorId: alice, created: t0 - 3 * day, updated: t0 - 3 * day,
      }),
      issue({
        id: '10008', key: 'HR-2', projectKey: 'HR', summary: 'Salary review cycle 2025',
        description: null, issueTypeId: '10001', statusId: '3', priorityId: '2', labels: ['confidential'], assigneeId: alice,
        reporterId: alice, creatorId: alice, created: t0 - 20 * day, updated: t0 - 6 * day,
      }),
    ],
    issueLinks: [],
    counters: {
      issueId: 10009, commentId: 10100, changelogId: 10200, projectIssueNumber: { SUP: 3, ENG: 3, HR: 2 },
      worklogId: 10300, attachmentId: 10400, issueLinkId: 10500,
    },
  };
}
