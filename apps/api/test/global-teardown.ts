export default async function globalTeardown(): Promise<void> {
  await globalThis.__FLOORWISE_TEST_DB__?.stop();
}
