/** Kept equal to package.json's version by a unit test; sent in every request's User-Agent. */
export const APP_NAME = 'AgentStudioRelay';
export const APP_VERSION = '0.1.0';
export const USER_AGENT = `${APP_NAME}/${APP_VERSION} (Jira Cloud; Atlassian Forge)`;
