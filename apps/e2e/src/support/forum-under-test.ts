import type { Browser } from 'playwright-core';
import { createDatabase, databaseUrlFor, dropDatabase, prepareDatabase, startApi, type RunningApi } from './api-server';
import { launchChromium } from './browser';

/** One spec file's own forum: a database with the demo data, the built api serving it, and Chromium. */
export interface ForumUnderTest {
  databaseUrl: string;
  api: RunningApi;
  browser: Browser;
  /** Closes the browser, stops the api and drops the database. */
  stop(): Promise<void>;
}

/**
 * Creates `databaseName`, migrates it and loads the demo, runs `beforeApi` on it (rows the
 * api should find from its first request), then starts the api and Chromium. What it started
 * is stopped again if a later step fails, so a failed start leaves nothing behind.
 */
export async function startForum(databaseName: string, beforeApi?: (databaseUrl: string) => void | Promise<void>): Promise<ForumUnderTest> {
  const databaseUrl = databaseUrlFor(databaseName);
  let api: RunningApi | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await api?.stop();
    dropDatabase(databaseName);
  };
  createDatabase(databaseName);
  try {
    prepareDatabase(databaseUrl);
    await beforeApi?.(databaseUrl);
    api = await startApi(databaseUrl);
    browser = await launchChromium();
    return { databaseUrl, api, browser, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
