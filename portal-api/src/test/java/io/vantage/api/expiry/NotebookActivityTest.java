package io.vantage.api.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What Jupyter does by itself keeps nothing alive; what a person does does. */
class NotebookActivityTest {

    static final String BASE = "/instances/k3x9a/jupyter/";
    static final String KERNEL = BASE + "api/kernels/5f0c/channels";

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            // pages a person opens
            "GET, tree, true", "GET, tree/data, true", "GET, notebooks/scan.ipynb, true",
            "GET, edit/notes.txt, true", "GET, terminals/1, true", "GET, nbconvert/html/scan.ipynb, true",
            // what open pages fetch and poll by themselves
            "GET, api/sessions, false", "GET, api/kernels, false", "GET, api/contents, false",
            "GET, api/contents/notebooks/scan.ipynb, false", "GET, api/terminals, false",
            "GET, static/notebook/js/main.min.js, false", "GET, files/data/plot.png, false", "HEAD, tree, true",
            "OPTIONS, api/contents, false",
            // autosave: the same PUT as a save, so saves count only through their checkpoint
            "PUT, api/contents/scan.ipynb, false", "POST, api/contents/scan.ipynb/checkpoints, true",
            // things people do
            "POST, api/sessions, true", "POST, api/contents, true", "PATCH, api/contents/old.ipynb, true",
            "DELETE, api/contents/old.ipynb, true", "POST, api/kernels/5f0c/interrupt, true",
            "POST, api/kernels/5f0c/restart, true", "POST, api/terminals, true"})
    void httpRequests(String method, String path, boolean counts) {
        assertThat(NotebookActivity.countsRequest(method, BASE + path)).isEqualTo(counts);
    }

    @Test
    void aFolderNamedLikeAPageInsideTheApiIsStillTheApi() {
        assertThat(NotebookActivity.countsRequest("GET", BASE + "api/contents/tree/notebooks")).isFalse();
        assertThat(NotebookActivity.countsRequest("GET", "/tree")).as("a notebook origin's root").isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"execute_request, true", "complete_request, true", "inspect_request, true", "input_reply, true",
            "kernel_info_request, false", "comm_info_request, false", "history_request, false"})
    void kernelMessages(String type, boolean counts) {
        assertThat(NotebookActivity.countsMessage(KERNEL, kernelMessage(type))).isEqualTo(counts);
    }

    @Test
    void codeThatMentionsAnotherTypeIsJudgedByItsHeader() {
        String sneaky = "{\"header\":{\"msg_type\":\"kernel_info_request\"},\"content\":{\"code\":"
                + "\"print('\\\"msg_type\\\": \\\"execute_request\\\"')\"},\"channel\":\"shell\"}";
        assertThat(NotebookActivity.countsMessage(KERNEL, sneaky)).isFalse();
        assertThat(NotebookActivity.countsMessage(KERNEL, "not json")).isFalse();
    }

    @Test
    void aLongCellArrivingInFragmentsCountsByItsFirst() {
        String message = kernelMessage("execute_request").replace("1+1", "x = 1\\n".repeat(5000));
        assertThat(NotebookActivity.countsMessage(KERNEL, message.substring(0, 4096))).isTrue();
        assertThat(NotebookActivity.countsMessage(KERNEL, message.substring(4096, 8192))).isFalse();
        ByteBuffer frame = binary(message);
        assertThat(NotebookActivity.countsMessage(KERNEL, frame.slice(0, 4096))).isTrue();
    }

    @Test
    void binaryKernelFramesAreReadLikeTextOnes() {
        assertThat(NotebookActivity.countsMessage(KERNEL, binary(kernelMessage("execute_request")))).isTrue();
        assertThat(NotebookActivity.countsMessage(KERNEL, binary(kernelMessage("comm_info_request")))).isFalse();
        assertThat(NotebookActivity.countsMessage(KERNEL, ByteBuffer.wrap(new byte[] {0, 0, 0, 9}))).isFalse();
    }

    @Test
    void terminalsCountKeysNotResizes() {
        String terminal = BASE + "terminals/websocket/1";
        assertThat(NotebookActivity.countsMessage(terminal, "[\"stdin\",\"ls\\r\"]")).isTrue();
        assertThat(NotebookActivity.countsMessage(terminal, "[\"set_size\",24,80,600,800]")).isFalse();
        assertThat(NotebookActivity.countsMessage(BASE + "api/events/subscribe", "{}")).isFalse();
    }

    static String kernelMessage(String type) {
        return "{\"header\":{\"msg_id\":\"1\",\"msg_type\":\"" + type + "\",\"session\":\"s\",\"username\":\"\","
                + "\"version\":\"5.2\"},\"parent_header\":{},\"metadata\":{},\"content\":{\"code\":\"1+1\"},"
                + "\"buffers\":[],\"channel\":\"shell\"}";
    }

    /** Jupyter's binary framing: number of parts, each part's offset, then the parts (the message first). */
    static ByteBuffer binary(String message) {
        byte[] json = message.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = {1, 2, 3};
        ByteBuffer frame = ByteBuffer.allocate(12 + json.length + buffer.length);
        frame.putInt(2).putInt(12).putInt(12 + json.length).put(json).put(buffer).flip();
        return frame;
    }
}
