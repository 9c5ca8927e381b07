import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// design.md, "Layers": src/core is pure. The engine must run the same at save time, at delivery and offline.
describe('src/core/template is pure', () => {
  const dir = join(__dirname, '../../src/core/template');
  const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));

  it.each(files)('%s has no Forge, Node, I/O or clock', (name) => {
    const source = readFileSync(join(dir, name), 'utf8');
    expect(source).not.toMatch(/@forge\//);
    expect(source).not.toMatch(/from 'node:|require\(/);
    expect(source).not.toMatch(/Date\.now|new Date\(|Math\.random|process\.|console\./);
    expect(source).not.toMatch(/:\s*any\b|as any\b/);
  });
});
