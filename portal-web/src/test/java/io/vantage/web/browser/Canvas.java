package io.vantage.web.browser;

import com.microsoft.playwright.Page;

/** Reads what a desktop canvas shows, to prove pixels arrived (not just that a canvas exists). */
final class Canvas {

    private Canvas() {
    }

    /** How many distinct colours a sample of the viewer's canvas has (a blank canvas has one). */
    static int distinctColours(Page page) {
        Object result = page.evaluate("""
                () => {
                  const canvas = document.querySelector('#viewer canvas');
                  if (!canvas || canvas.width < 10) return 0;
                  const ctx = canvas.getContext('2d');
                  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
                  const seen = new Set();
                  for (let i = 0; i < data.length; i += 4 * 97) seen.add(data[i] << 16 | data[i + 1] << 8 | data[i + 2]);
                  return seen.size;
                }""");
        return ((Number) result).intValue();
    }

    /** A hash of the canvas content, to tell whether the desktop changed. */
    static String fingerprint(Page page) {
        return (String) page.evaluate("""
                () => {
                  const canvas = document.querySelector('#viewer canvas');
                  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                  let h = 0;
                  for (let i = 0; i < data.length; i += 7) h = (h * 31 + data[i]) | 0;
                  return String(h);
                }""");
    }
}
