package org.ggzy.sgw.gateway.regulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.ggzy.sgw.gateway.security.Scope;
import org.junit.jupiter.api.Test;

class ProjectArchiveTest {

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static byte[] archive() {
        ProjectData data = ProjectFixture.data();
        ProjectView view = ProjectAssembler.view(data, Scope.system(), ProjectFixture.NOW);
        Map<String, String> receipts = new TreeMap<>(Map.of("RC1", "{\"receiptId\":\"RC1\"}", "RC2", "{}"));
        List<ProjectArchive.Entry> entries =
                ProjectArchive.entries(view, data.versions(), receipts, ProjectFixture.json());
        return ProjectArchive.zip(ProjectFixture.PROJECT, ProjectFixture.NOW, entries, ProjectFixture.json());
    }

    @Test
    void shouldListEveryOtherFileWithItsDigestAndSizeInTheManifest() throws IOException {
        Map<String, byte[]> files = unzip(archive());
        JsonNode manifest = ProjectFixture.json().readTree(files.get("manifest.json"));

        assertThat(manifest.path("tenderProjectCode").asText()).isEqualTo(ProjectFixture.PROJECT);
        assertThat(manifest.path("generatedAt").asText()).isEqualTo("2026-11-22T10:00:00.000+08:00");
        assertThat(manifest.path("files")).hasSize(files.size() - 1);
        for (JsonNode f : manifest.path("files")) {
            byte[] content = files.get(f.path("path").asText());
            assertThat(content).as(f.path("path").asText()).isNotNull();
            assertThat(f.path("sha256").asText()).isEqualTo(ProjectArchive.sha256(content));
            assertThat(f.path("size").asLong()).isEqualTo(content.length);
        }
        assertThat(files.keySet()).last().isEqualTo("manifest.json");
    }

    @Test
    void shouldKeepTheExactPayloadOfEveryVersionStaleOnesToo() throws IOException {
        Map<String, byte[]> files = unzip(archive());

        assertThat(new String(files.get("records/gcjs.tender-notice/N-1/v2-R2.json"), StandardCharsets.UTF_8))
                .isEqualTo(ProjectFixture.NOTICE_V2);
        assertThat(new String(files.get("records/gcjs.tender-notice/N-1/v1-R1.json"), StandardCharsets.UTF_8))
                .isEqualTo(ProjectFixture.NOTICE_V1);
        assertThat(new String(files.get("records/gcjs.tender-notice/N-1/stale-R3.json"), StandardCharsets.UTF_8))
                .isEqualTo(ProjectFixture.NOTICE_STALE);
        assertThat(new String(files.get("records/gcjs.tender-project/TP_1/v1-R5.json"), StandardCharsets.UTF_8))
                .isEqualTo(ProjectFixture.PROJECT_RECORD);
    }

    @Test
    void shouldHoldTheViewTheReceiptsAndTheWarningsWithEvents() throws IOException {
        Map<String, byte[]> files = unzip(archive());

        assertThat(files).containsKeys("project.json", "receipts/RC1.json", "receipts/RC2.json");
        assertThat(new String(files.get("receipts/RC1.json"), StandardCharsets.UTF_8))
                .isEqualTo("{\"receiptId\":\"RC1\"}");
        JsonNode project = ProjectFixture.json().readTree(files.get("project.json"));
        assertThat(project.path("sections")).hasSize(2);
        JsonNode warning = ProjectFixture.json().readTree(files.get("warnings/W1.json"));
        assertThat(warning.path("events").get(0).path("type").asText()).isEqualTo("RAISED");
    }

    @Test
    void shouldReplaceWhatCouldEscapeTheFolderWhenNamingPaths() {
        assertThat(ProjectArchive.safe("../etc/passwd")).isEqualTo(".._etc_passwd");
        assertThat(ProjectArchive.safe("..")).isEqualTo("_..");
        assertThat(ProjectArchive.safe("")).isEqualTo("_");
        assertThat(ProjectArchive.safe("编号-1.a_b")).isEqualTo("编号-1.a_b");
    }
}
