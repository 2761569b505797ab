// Browser control for the storage tests: Chromium launched by hand (detached, own process
// group) on a given profile folder so a test can SIGKILL the whole browser and start it again
// on the same profile; playwright-core connects over CDP.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';

const executable = process.env.CHROMIUM || '/usr/bin/chromium';

export function freshProfile() {
  return mkdtempSync(join(tmpdir(), 'radar-storage-'));
}

export function removeProfile(profile) {
  rmSync(profile, { recursive: true, force: true });
}

// Starts Chromium on `profile` and connects. Returns {browser, context, page, pid, kill, close}.
export async function launchBrowser(profile) {
  const portFile = join(profile, 'DevToolsActivePort');
  rmSync(portFile, { force: true });
  // RADAR_CHROMIUM_LOG=<file> appends Chromium's own log (e.g. IndexedDB errors) there.
  const logFile = process.env.RADAR_CHROMIUM_LOG;
  const child = spawn(executable, [
    ...(logFile ? ['--enable-logging=stderr', '--v=0'] : []),
    '--headless', '--no-sandbox', '--disable-quic', '--no-first-run', '--no-default-browser-check',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-gpu', '--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1',
    `--user-data-dir=${profile}`, 'about:blank',
  ], { detached: true, stdio: ['ignore', 'ignore', logFile ? openSync(logFile, 'a') : 'ignore'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let port = null;
  for (let waited = 0; !port; waited += 20) {
    if (waited > 20000) {
      killGroup(child.pid);
      throw new Error('Chromium did not open its DevTools port within 20 s');
    }
    if (existsSync(portFile)) {
      const [line] = readFileSync(portFile, 'utf8').split('\n');
      if (/^\d+$/.test(line)) port = Number(line);
    }
    if (!port) await sleep(20);
  }
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0];
  const page = context.pages()[0] || await context.newPage();
  return {
    browser, context, page, pid: child.pid, exited,
    // SIGKILL of the browser's whole process group: no shutdown, no flush.
    async kill() {
      killGroup(child.pid);
      await exited;
      await groupGone(child.pid);
    },
    // A normal browser exit (flushes like a user closing the window).
    async close() {
      try {
        const session = await browser.newBrowserCDPSession();
        await session.send('Browser.close');
      } catch { /* already gone */ }
      const done = await Promise.race([exited.then(() => true), sleep(10000).then(() => false)]);
      if (!done) killGroup(child.pid);
      await exited;
      await groupGone(child.pid);
    },
  };
}

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch { /* already gone */ }
}

// Waits until no live process of the group is left: a surviving storage process would still
// hold the profile's database when the next browser starts on it. Zombies (exited, waiting for
// init to reap them) hold no files and are ignored.
async function groupGone(pid) {
  for (let waited = 0; waited < 10000; waited += 10) {
    if (liveGroupMembers(pid) === 0) return;
    await sleep(10);
  }
  throw new Error(`processes of group ${pid} still alive 10 s after the browser exited`);
}

function liveGroupMembers(groupId) {
  let count = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the parenthesised command name: state, ppid, pgrp, ...
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(group) === groupId && state !== 'Z') count++;
  }
  return count;
}

// Collects console errors and page errors of a page (the store must never log an uncaught error).
export function watchErrors(page) {
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}
