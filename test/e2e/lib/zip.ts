// The zip reader lives with the provider's dev tools (the release tests use it too).
export { readZip, type ZipEntry } from 'terraform-provider-coffer/dev/zip';
