package io.vantage.cloud.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.DataAttachment;
import io.vantage.cloud.api.DataMount;

/**
 * Experiment data opened by the operating system, all real: three desktops whose users get the groups of their data.
 * Alice (EXP-1) and Bob (EXP-5) share proposal P1's area; Carol (EXP-2) has her own. What each can read and write is
 * tried as their instance's user, through {@code ~/data}, direct paths, {@code ..} and links of their own.
 */
class DataFoldersTest extends LocalProviderTestSupport {

    private final List<DataMount> made = new ArrayList<>();

    @Test
    void eachInstanceReadsItsExperimentsWritesItsProposalsAreaAndNothingElse() throws Exception {
        RootOnly.require("data groups need a root portal");
        Path data = SecureFiles.directory(workDir.resolve("data"), SecureFiles.TRAVERSABLE);
        Path exp1 = file(data.resolve("D22/2025/P1/EXP-1"), "sample.txt", "EXP-1 frames");
        Path exp5 = file(data.resolve("D22/2025/P1/EXP-5"), "other.txt", "EXP-5 frames");
        Path exp2 = file(data.resolve("IN5/2025/P2/EXP-2"), "secret.txt", "EXP-2 frames");
        Path p1 = data.resolve("processed/P1");
        CloudProvider provider = provider();
        String alice = launch(provider, "uid-alice", raw("EXP-1", exp1), area("P1-processed", p1));
        String bob = launch(provider, "uid-bob", raw("EXP-5", exp5), area("P1-processed", p1));
        String carol = launch(provider, "uid-carol", raw("EXP-2", exp2));

        Map<String, String> asAlice = probe(alice, Map.of(
                "own", "read data/EXP-1/sample.txt",
                "write raw", "write data/EXP-1/mine.txt",
                "write area", "write data/P1-processed/result.txt",
                "other direct", "read " + exp2.resolve("secret.txt"),
                "other by dots", "read data/EXP-1/../EXP-5/other.txt",
                "other listed", "list " + exp5,
                "own link to other", "link " + exp2.resolve("secret.txt"),
                "proposal folder", "list data/EXP-1/..",
                "data root", "list " + data));
        assertThat(asAlice).containsEntry("own", "EXP-1 frames").containsEntry("write raw", "PermissionError")
                .containsEntry("write area", "OK").containsEntry("other direct", "PermissionError")
                .containsEntry("other by dots", "PermissionError").containsEntry("other listed", "PermissionError")
                .containsEntry("own link to other", "PermissionError").containsEntry("proposal folder", "PermissionError")
                .containsEntry("data root", "PermissionError");
        Map<String, String> asBob = probe(bob, Map.of("colleague's result", "read data/P1-processed/result.txt",
                "colleague's experiment", "read " + exp1.resolve("sample.txt"), "own", "read data/EXP-5/other.txt"));
        assertThat(asBob).containsEntry("colleague's result", "written by uid-alice")
                .containsEntry("colleague's experiment", "PermissionError").containsEntry("own", "EXP-5 frames");
        assertThat(probe(carol, Map.of("area", "read " + p1.resolve("result.txt"), "listed", "list data")))
                .containsEntry("area", "PermissionError").containsEntry("listed", "EXP-2");
        // raw data keeps its owner; its group may only read, others get nothing
        assertThat(mode(exp1.resolve("sample.txt"))).isEqualTo(0640);
        assertThat(mode(exp1) & 07777).isEqualTo(02750);
        assertThat(mode(p1) & 07777).isEqualTo(02770);

        // a link planted in the shared area is never followed when the provider opens folders at the next launch
        Path shadow = Path.of("/etc/shadow");
        int shadowMode = mode(shadow);
        Object shadowGroup = Files.getAttribute(shadow, "unix:gid");
        assertThat(probe(alice, Map.of("plant", "plant " + shadow))).containsEntry("plant", "OK");
        provider.compute().reboot(alice);
        awaitState(provider, alice, CloudState.RUNNING);
        assertThat(mode(shadow)).isEqualTo(shadowMode);
        assertThat(Files.getAttribute(shadow, "unix:gid")).isEqualTo(shadowGroup);
    }

    @Test
    void aRunningInstanceGetsANewFolderAtOnceAndItsGroupAfterARestart() throws Exception {
        RootOnly.require("data groups need a root portal");
        Path data = SecureFiles.directory(workDir.resolve("data"), SecureFiles.TRAVERSABLE);
        Path exp1 = file(data.resolve("EXP-1"), "sample.txt", "one");
        Path exp2 = file(data.resolve("EXP-2"), "sample.txt", "two");
        CloudProvider provider = provider();
        String id = launch(provider, "uid-grow", raw("EXP-1", exp1));

        assertThat(provider.compute().applyDataMounts(id, List.of(raw("EXP-1", exp1), raw("EXP-2", exp2))))
                .isEqualTo(DataAttachment.AFTER_RESTART);
        assertThat(Files.readSymbolicLink(new InstanceStore(workDir).paths(id).data().resolve("EXP-2"))).isEqualTo(exp2);
        // processes started from now on (what a restart does) read it; the list is kept for every later launch
        assertThat(probe(id, Map.of("new", "read data/EXP-2/sample.txt"))).containsEntry("new", "two");
        assertThat(provider.compute().applyDataMounts(id, List.of(raw("EXP-1", exp1), raw("EXP-2", exp2))))
                .isEqualTo(DataAttachment.APPLIED);
        provider.compute().reboot(id);
        awaitState(provider, id, CloudState.RUNNING);
        assertThat(probe(id, Map.of("new", "read data/EXP-2/sample.txt"))).containsEntry("new", "two");

        assertThat(provider.compute().applyDataMounts(id, List.of(raw("EXP-2", exp2))))
                .isEqualTo(DataAttachment.AFTER_RESTART);
        assertThat(probe(id, Map.of("gone", "read " + exp1.resolve("sample.txt"), "link", "list data")))
                .containsEntry("gone", "PermissionError").containsEntry("link", "EXP-2");
    }

    /**
     * A proposal's area inside an experiment's folder, given to one instance, and the experiment's raw data to
     * another: whichever is opened first, the area keeps its group (the experiment's team cannot read it, the
     * proposal's team still writes it) and its team passes through the experiment's folder without seeing it.
     */
    @ParameterizedTest(name = "the area given {0} the experiment")
    @ValueSource(strings = {"before", "after"})
    void aProposalAreaInsideAnExperimentsFolderKeepsItsOwnGroup(String areaGiven) throws Exception {
        RootOnly.require("data groups need a root portal");
        Path data = SecureFiles.directory(workDir.resolve("data"), SecureFiles.TRAVERSABLE);
        Path experiment = file(data.resolve("EXP-" + areaGiven), "frames.txt", "raw frames");
        Path area = SecureFiles.directory(experiment.resolve("processed"), "rwxr-xr-x");
        String target = "P-" + areaGiven + "-processed";
        CloudProvider provider = provider();
        String writer = null;
        if (areaGiven.equals("before")) {
            writer = launch(provider, "uid-writer-" + areaGiven, area(target, area));
            assertThat(probe(writer, Map.of("write", "write data/" + target + "/first.txt")))
                    .containsEntry("write", "OK");
        }
        String reader = launch(provider, "uid-reader-" + areaGiven, raw("EXP-" + areaGiven, experiment));
        if (writer == null) {
            writer = launch(provider, "uid-writer-" + areaGiven, area(target, area));
        }

        assertThat(probe(writer, Map.of("write", "write data/" + target + "/result.txt",
                "raw around it", "read " + experiment.resolve("frames.txt"), "list raw", "list " + experiment)))
                .containsEntry("write", "OK").containsEntry("raw around it", "PermissionError")
                .containsEntry("list raw", "PermissionError");
        assertThat(probe(reader, Map.of("raw", "read data/EXP-" + areaGiven + "/frames.txt",
                "area inside", "read data/EXP-" + areaGiven + "/processed/result.txt")))
                .containsEntry("raw", "raw frames").containsEntry("area inside", "PermissionError");
        assertThat(mode(area)).isEqualTo(02770);
        assertThat(mode(experiment)).as("others pass through to the area, and only that").isEqualTo(02751);
        assertThat(mode(experiment.resolve("frames.txt"))).isEqualTo(0640);
        assertThat(Files.readAttributes(area, java.nio.file.attribute.PosixFileAttributes.class).group().getName())
                .isEqualTo(DataGroups.nameFor(target, area));
    }

    @Test
    void otherKindsOfDataAreRefusedNamingTheFolder() {
        DataMount nfs = new DataMount("EXP-9", DataMount.Kind.NFS, "nfs.example.org:/data/EXP-9", true, null, null);
        assertThatThrownBy(() -> provider().compute().create(new CreateInstanceRequest("n", "desktop", "small", null,
                null, request("desktop", "uid-nfs", newSecret()).metadata(), null, List.of(nfs))))
                .isInstanceOf(CloudPermanentException.class).hasMessageContaining("EXP-9")
                .hasMessageContaining("kind local");
    }

    private String launch(CloudProvider provider, String uid, DataMount... mounts) {
        CreateInstanceRequest plain = request("desktop", uid, newSecret());
        String id = provider.compute().create(new CreateInstanceRequest(plain.name(), plain.imageId(),
                plain.flavourId(), null, null, plain.metadata(), null, List.of(mounts))).computeId();
        awaitState(provider, id, CloudState.RUNNING);
        return id;
    }

    /**
     * Each probe: {@code read <path>}, {@code write <path>}, {@code list <path>}, {@code link <file>} (read through
     * a link of the user's, ~/x), {@code plant <path>} (a link to it in P1's area).
     */
    private Map<String, String> probe(String computeId, Map<String, String> probes) throws Exception {
        StringBuilder code = new StringBuilder("""
                import os
                def probe(kind, path):
                    try:
                        if kind == 'read':
                            return open(path).read()
                        if kind == 'write':
                            open(path, 'w').write('written by ' + os.environ['USER'].replace('vi-', ''))
                            return 'OK'
                        if kind == 'list':
                            return ','.join(sorted(os.listdir(path)))
                        if kind == 'plant':
                            os.symlink(path, 'data/P1-processed/evil')
                            return 'OK'
                        if os.path.lexists('x'):
                            os.remove('x')
                        os.symlink(path, 'x')
                        return open('x').read()
                    except Exception as e:
                        return type(e).__name__
                out = []
                """);
        Map<String, String> keys = new LinkedHashMap<>(probes);
        keys.forEach((name, what) -> {
            String[] parts = what.split(" ", 2);
            code.append("out.append(").append(quote(name)).append(" + '\\t' + probe(").append(quote(parts[0]))
                    .append(", ").append(quote(parts[1])).append("))\n");
        });
        code.append("print('@@' + '\\n'.join(out).encode().hex() + '@@')\n");
        Map<String, String> answers = new LinkedHashMap<>();
        runAsInstanceUser(computeId, code.toString()).lines().map(line -> line.split("\t", 2))
                .forEach(fields -> answers.put(fields[0], fields[1]));
        return answers;
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private DataMount raw(String target, Path folder) {
        DataMount mount = new DataMount(target, DataMount.Kind.LOCAL, folder.toString(), true, null, null);
        made.add(mount);
        return mount;
    }

    private DataMount area(String target, Path folder) {
        DataMount mount = new DataMount(target, DataMount.Kind.LOCAL, folder.toString(), false, null, null);
        made.add(mount);
        return mount;
    }

    /**
     * A folder of data as a facility writes it: root's, readable by everyone until the provider opens it, under
     * folders others may pass but not list (the provider leaves those as they are).
     */
    private static Path file(Path folder, String name, String content) throws Exception {
        SecureFiles.directory(folder.getParent(), SecureFiles.TRAVERSABLE);
        SecureFiles.directory(folder, "rwxr-xr-x");
        Files.writeString(folder.resolve(name), content);
        Files.setPosixFilePermissions(folder.resolve(name), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        return folder;
    }

    private static int mode(Path path) throws Exception {
        return (Integer) Files.getAttribute(path, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    /** Data groups are kept by the provider (files carry their gid); the test's own go with its folders. */
    @AfterEach
    void removeGroups() {
        made.stream().map(mount -> DataGroups.nameFor(mount.target(), Path.of(mount.source()))).distinct()
                .filter(name -> DataGroups.gid(name).isPresent())
                .forEach(name -> UserAccounts.run(List.of("/usr/sbin/groupdel", name)));
    }
}
