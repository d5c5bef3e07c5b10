// Counts the pixels that differ between two PNG files, decoding them in the test's own Chromium (no image library).
// Screenshots of the same workbench state differ in a few pixels between runs; the committed README image is only
// replaced when the difference is real, so UI runs do not dirty the working tree.
import { readFileSync } from 'node:fs';

/** Number of differing pixels, or Infinity when the sizes differ. */
export async function countDifferentPixels(browser, fileA, fileB) {
  const page = await browser.newPage();
  try {
    const urls = [fileA, fileB].map((f) => `data:image/png;base64,${readFileSync(f).toString('base64')}`);
    return await page.evaluate(async ([a, b]) => {
      const load = (src) => new Promise((resolve, reject) => {
        const img = new Image();
        img.onload = () => resolve(img);
        img.onerror = reject;
        img.src = src;
      });
      const pixels = (img) => {
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d');
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.width, img.height).data;
      };
      const [ia, ib] = [await load(a), await load(b)];
      if (ia.width !== ib.width || ia.height !== ib.height) return Infinity;
      const [pa, pb] = [pixels(ia), pixels(ib)];
      let different = 0;
      for (let i = 0; i < pa.length; i += 4) {
        if (pa[i] !== pb[i] || pa[i + 1] !== pb[i + 1] || pa[i + 2] !== pb[i + 2]) different++;
      }
      return different;
    }, urls);
  } finally {
    await page.close();
  }
}
