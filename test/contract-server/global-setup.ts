// The contract suite against the real server: `coffer serve` on a fresh SQLite data directory, with
// `prism proxy --errors` in front of it, so any response of the server that breaks the spec fails the call.
import { startServer } from '@coffer/server/launch';
import type { TestProject } from 'vitest/node';
import { startPrism } from '../contract/prism.ts';

export default async function setup(project: TestProject) {
  const server = await startServer();
  try {
    const prism = await startPrism(server.baseUrl);
    project.provide('cofferApiKey', server.apiKey);
    project.provide('cofferBaseUrl', prism.url);
    project.provide('cofferTarget', 'prism-proxy');
    return async () => {
      await prism.stop();
      await server.stop();
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
