package io.vantage.web.notebook;

import java.util.List;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;

/** The notebook as the instance page shows it: in a frame on the notebook's own origin. */
final class NotebookPages {

    private NotebookPages() {
    }

    /** Opens the instance page and waits for its notebook frame to list the notebook's files. */
    static Frame openFromInstancePage(Page page, String base, String uid, String notebookOrigin) {
        page.navigate(base + "/instances/" + uid);
        page.frameLocator("#notebook-frame").locator("#notebook_list").waitFor();
        return frame(page, notebookOrigin);
    }

    static Frame frame(Page page, String notebookOrigin) {
        List<Frame> frames = page.frames().stream().filter(f -> f.url().startsWith(notebookOrigin + "/")).toList();
        if (frames.size() != 1) {
            throw new AssertionError("Expected one notebook frame, found " + page.frames().stream().map(Frame::url).toList());
        }
        return frames.get(0);
    }

    /** A request made by the notebook page's own scripts (same origin, its cookie): the HTTP status. */
    static int fetch(Frame frame, String method, String path, String body) {
        return ((Number) frame.evaluate("async ([method, path, body]) => (await fetch(path, {method, body: body || undefined,"
                + " headers: {'Content-Type': 'application/json'}})).status", List.of(method, path, body == null ? "" : body)))
                .intValue();
    }

    static String emptyNotebook() {
        return "{\"type\":\"notebook\",\"format\":\"json\",\"content\":{\"cells\":[],\"metadata\":{},\"nbformat\":4,"
                + "\"nbformat_minor\":5}}";
    }
}
