package io.vantage.web.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs Python cells in a real notebook through the portal, in Chromium: the notebook is entered on its own origin
 * (through the portal for a ticket, as a tab of its own does), saved with Jupyter's contents API by the notebook
 * page's own script, opened, run with Jupyter's own "run all", and each cell's output is read back from the page
 * once every cell has finished.
 */
final class NotebookCells {

    private NotebookCells() {
    }

    /** The notebook's root ({@code http://<uid>.notebooks.localhost:<port>/instances/<uid>/jupyter}). */
    static String jupyter(int port, String uid) {
        return "http://" + uid + ".notebooks.localhost:" + port + "/instances/" + uid + "/jupyter";
    }

    /** A request made by the notebook page's own script (its origin and cookie): {@code status} and {@code text}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fetch(Page page, String method, String url, String body) {
        return (Map<String, Object>) page.evaluate("""
                async ([method, url, body]) => {
                    const r = await fetch(url, {method, body: body || undefined,
                        headers: {'Content-Type': 'application/json'}});
                    return {status: r.status, text: await r.text()};
                }""", List.of(method, url, body == null ? "" : body));
    }

    /**
     * One text per cell: what it printed, its exception as {@code Name: message}, or {@code image/png} for a plot.
     * Each cell must print something (or fail): the run is over when every cell shows an output.
     */
    @SuppressWarnings("unchecked")
    static List<String> run(Page page, int port, String uid, String name, List<String> cells) {
        String root = jupyter(port, uid);
        page.navigate(root + "/tree");
        page.waitForSelector("#notebook_list");
        List<Map<String, Object>> notebookCells = cells.stream().map(source -> {
            Map<String, Object> cell = new java.util.LinkedHashMap<>(Map.of("cell_type", "code", "source", source,
                    "metadata", Map.of(), "outputs", List.of()));
            cell.put("execution_count", null); // not run yet: the wait below sees each cell get its number
            return cell;
        }).toList();
        Map<String, Object> saved = fetch(page, "PUT", root + "/api/contents/" + name + ".ipynb", new JsonMapper()
                .writeValueAsString(Map.of("type", "notebook", "format", "json", "content", Map.of("cells",
                        notebookCells, "metadata", Map.of("kernelspec", Map.of("name", "python3", "display_name",
                                "Python 3")), "nbformat", 4, "nbformat_minor", 5))));
        assertThat(((Number) saved.get("status")).intValue()).as(saved.get("text").toString()).isIn(200, 201);
        page.navigate(root + "/notebooks/" + name + ".ipynb");
        page.waitForSelector("#kernel_indicator_icon.kernel_idle_icon", new Page.WaitForSelectorOptions().setTimeout(90_000));
        page.evaluate("() => Jupyter.notebook.execute_all_cells()");
        // Every cell numbered and showing its output: the number may come before the output (the execute reply and
        // the output travel on different channels), and every cell given here prints something.
        page.waitForFunction("() => Jupyter.notebook.get_cells().every(c => typeof c.input_prompt_number === 'number'"
                + " && c.output_area.outputs.length > 0)",
                null, new Page.WaitForFunctionOptions().setTimeout(90_000));
        return (List<String>) page.evaluate("""
                () => Jupyter.notebook.get_cells().map(c => c.output_area.outputs.map(o =>
                    o.output_type === 'error' ? o.ename + ': ' + o.evalue
                    : o.data && o.data['image/png'] ? 'image/png' : (o.text || '')).join('').trim())""");
    }
}
