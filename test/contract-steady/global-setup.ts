// The contract suite on Steady's mock (@stdy/cli): the same tests as on `prism mock --errors`, judged by a
// second, independent mock server.
import type { TestProject } from 'vitest/node';
import { startSteady } from '../contract/steady.ts';

export default async function setup(project: TestProject) {
  project.provide('cofferApiKey', 'cof_contract_0123456789abcdef');
  const steady = await startSteady();
  project.provide('cofferBaseUrl', steady.url);
  project.provide('cofferTarget', 'steady-mock');
  return steady.stop;
}
