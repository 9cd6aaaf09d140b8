// Regenerates every generated/ folder and fails when the result differs from what is committed.
import { execFileSync } from 'node:child_process';

execFileSync('npm', ['run', 'generate'], { stdio: 'inherit' });
const drift = execFileSync('git', ['status', '--porcelain', '--', ':(glob)**/generated/**'], {
  encoding: 'utf8',
});
if (drift.trim() !== '') {
  console.error(`Regenerating changed committed generated code:\n${drift}`);
  process.exit(1);
}
console.log('generated code is up to date');
