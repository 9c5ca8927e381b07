import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ProcessorBuilder, ValidationTypes } from '@forge/manifest';

/**
 * `forge lint` needs an Atlassian login; @forge/manifest runs the same manifest checks offline.
 * The product-trigger validation is the one that checks each trigger event against the scopes.
 * Needs the UI build (static/app/dist), which `npm test` runs first.
 */
const root = join(__dirname, '../..');

describe('manifest.yml', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'static/app/dist/index.html'))) {
      throw new Error('static/app/dist/index.html is missing: run `npm run build:ui` first (npm test does).');
    }
  });

  it.each([ValidationTypes.FULL, ValidationTypes.PRODUCT_TRIGGER])('passes the %s validation with no errors or warnings', async (type) => {
    const result = await ProcessorBuilder.instance().withValidation(type).build().process(join(root, 'manifest.yml'));
    const problems = (result.errors ?? []).map((e) => `${e.level}: ${e.message} (line ${e.line ?? '?'})`);
    expect(problems).toEqual([]);
    expect(result.success).toBe(true);
  });
});
