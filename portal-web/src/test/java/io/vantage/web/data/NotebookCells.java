package io.vantage.web.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;

/**
 * Runs Python cells in a real notebook through the portal, in Chromium: the notebook is saved with Jupyter's contents
 * API (as the page's user, with its XSRF cookie), opened, run with Jupyter's own "run all", and each cell's output is
 * read back from the page once every cell has finished.
 */
final class NotebookCells {

    private NotebookCells() {
    }

    /** The notebook's root ({@code .../jupyter}) as this page reaches it. */
    static String jupyter(String base, String uid) {
        return base + "/instances/" + uid + "/jupyter";
    }

    /** One text per cell: what it printed, its exception as {@code Name: message}, or {@code image/png} for a plot. */
    @SuppressWarnings("unchecked")
    static List<String> run(Page page, String base, String uid, String name, List<String> cells) {
        String root = jupyter(base, uid);
        page.navigate(root + "/tree");
        page.waitForSelector("#notebook_list");
        String xsrf = page.context().cookies().stream().filter(c -> c.name.equals("_xsrf")).findFirst()
                .orElseThrow().value;
        List<Map<String, Object>> notebookCells = cells.stream().map(source -> {
            Map<String, Object> cell = new java.util.LinkedHashMap<>(Map.of("cell_type", "code", "source", source,
                    "metadata", Map.of(), "outputs", List.of()));
            cell.put("execution_count", null); // not run yet: the wait below sees each cell get its number
            return cell;
        }).toList();
        APIResponse saved = page.request().put(root + "/api/contents/" + name + ".ipynb", RequestOptions.create()
                .setHeader("X-XSRFToken", xsrf).setHeader("Content-Type", "application/json")
                .setData(Map.of("type", "notebook", "format", "json", "content", Map.of("cells", notebookCells,
                        "metadata", Map.of("kernelspec", Map.of("name", "python3", "display_name", "Python 3")),
                        "nbformat", 4, "nbformat_minor", 5))));
        assertThat(saved.status()).as(saved.text()).isIn(200, 201);
        page.navigate(root + "/notebooks/" + name + ".ipynb");
        page.waitForSelector("#kernel_indicator_icon.kernel_idle_icon", new Page.WaitForSelectorOptions().setTimeout(90_000));
        page.evaluate("() => Jupyter.notebook.execute_all_cells()");
        page.waitForFunction("() => Jupyter.notebook.get_cells().every(c => typeof c.input_prompt_number === 'number')",
                null, new Page.WaitForFunctionOptions().setTimeout(90_000));
        return (List<String>) page.evaluate("""
                () => Jupyter.notebook.get_cells().map(c => c.output_area.outputs.map(o =>
                    o.output_type === 'error' ? o.ename + ': ' + o.evalue
                    : o.data && o.data['image/png'] ? 'image/png' : (o.text || '')).join('').trim())""");
    }
}
