// Small page-object helpers for driving VS Code 1.100's web workbench (code-server) with playwright-core.
// The selectors are the workbench's own class names, which change between VS Code versions: keep them here only.

/** Waits until the workbench and the explorer's file list are rendered. */
export async function waitForWorkbench(page, timeout) {
  await page.locator('.monaco-workbench').waitFor({ timeout });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout });
}

/** Opens a file by clicking its row in the explorer (top-level files only) and waits for its text to render. */
export async function openFromExplorer(page, fileName, textInFile, timeout) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first();
  await row.waitFor({ timeout });
  await row.click();
  await page.locator('.monaco-editor .view-lines', { hasText: textInFile }).first().waitFor({ timeout });
}

/** Runs a command from the palette by its full title, e.g. "Istio: Restart Language Server". */
export async function runCommand(page, title, timeout) {
  // The palette of a previous command may still be closing; F1 then would toggle it shut.
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout });
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
}

/**
 * Moves the mouse onto the topmost rendered editor token whose text is exactly `token` and waits for the hover
 * to contain `expected`. Returns the hover's text. Tokens are positioned absolutely, so "topmost" is by y, not DOM order.
 */
export async function hoverToken(page, token, expected, timeout) {
  const candidates = page.locator('.monaco-editor .view-lines .view-line span span').filter({ hasText: new RegExp(`^${token}$`) });
  await candidates.first().waitFor({ timeout });
  const boxes = [];
  for (const handle of await candidates.all()) {
    const box = await handle.boundingBox();
    if (box) boxes.push(box);
  }
  if (!boxes.length) throw new Error(`the token '${token}' is not visible in the editor`);
  boxes.sort((a, b) => a.y - b.y);
  const { x, y, width, height } = boxes[0];
  // Leave any earlier hover first: the workbench keeps a hover open while the mouse stays near it.
  await page.mouse.move(5, 5);
  await page.mouse.move(x + width / 2, y + height / 2, { steps: 5 });
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: expected }).first();
  await hover.waitFor({ state: 'visible', timeout });
  return (await hover.innerText()).replace(/\s+/g, ' ').trim();
}

/** The rows of the Problems panel, opening it with its keyboard shortcut. */
export async function openProblems(page) {
  await page.keyboard.press('Control+Shift+M');
  return page.locator('.markers-panel .monaco-list-row');
}

/** Picks the first row of the open quick pick that contains `text`. */
export async function pickQuickItem(page, text, timeout) {
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ timeout });
  await row.click();
}
