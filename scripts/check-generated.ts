// Regenerates every generated/ folder and fails when the result differs from what is committed.
import { execFileSync } from 'node:child_process';

execFileSync('npm', ['run', 'generate'], { stdio: 'inherit' });
// provider/docs is generated too (the registry wants it at docs/, not under generated/).
const drift = execFileSync(
  'git',
  ['status', '--porcelain', '--', ':(glob)**/generated/**', 'provider/docs'],
  {
    encoding: 'utf8',
  },
);
if (drift.trim() !== '') {
  console.error(`Regenerating changed committed generated code:\n${drift}`);
  process.exit(1);
}
console.log('generated code is up to date');
