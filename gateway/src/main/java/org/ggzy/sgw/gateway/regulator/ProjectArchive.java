package org.ggzy.sgw.gateway.regulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ggzy.sgw.gateway.regulator.ProjectData.VersionRow;
import org.ggzy.sgw.gateway.warning.Warning;

/**
 * The archive of a project (一项一档 as a file): {@code project.json} (the view), the raw payload of every stored
 * version under {@code records/<dataset>/<dataKey>/v<version>-<recordId>.json} ({@code stale-<recordId>.json} for a
 * stale version, which has no version number), {@code receipts/<receiptId>.json} as issued,
 * {@code warnings/<warningId>.json} with events, and {@code manifest.json} with the SHA-256 and size of every other
 * file. Path segments keep letters, digits, {@code .}, {@code _} and {@code -}; anything else becomes {@code _}.
 */
final class ProjectArchive {

    static final String MANIFEST = "manifest.json";
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}._-]");

    private ProjectArchive() {}

    /** One file of the archive. */
    record Entry(String path, byte[] content) {}

    /** A manifest line. */
    record ManifestFile(String path, String sha256, long size) {}

    /** Every file but the manifest, in archive order. */
    static List<Entry> entries(
            ProjectView view, List<VersionRow> versions, Map<String, String> receipts, ObjectMapper json) {
        ObjectMapper pretty = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("project.json", write(pretty, view)));
        Set<String> seen = new HashSet<>();
        for (VersionRow v : versions) {
            if (seen.add(v.recordId())) {
                String name = v.version() == null ? "stale-" + v.recordId() : "v" + v.version() + "-" + v.recordId();
                entries.add(new Entry(
                        "records/" + safe(v.dataset()) + "/" + safe(v.dataKey()) + "/" + safe(name) + ".json",
                        v.payload().getBytes(StandardCharsets.UTF_8)));
            }
        }
        receipts.forEach((id, body) ->
                entries.add(new Entry("receipts/" + safe(id) + ".json", body.getBytes(StandardCharsets.UTF_8))));
        for (Warning w : warnings(view)) {
            entries.add(new Entry("warnings/" + safe(w.id()) + ".json", write(pretty, w)));
        }
        return entries;
    }

    /** The ZIP of the entries with {@code manifest.json} last. */
    static byte[] zip(String project, Instant generatedAt, List<Entry> entries, ObjectMapper json) {
        List<ManifestFile> files = entries.stream()
                .map(e -> new ManifestFile(e.path(), sha256(e.content()), e.content().length))
                .toList();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("tenderProjectCode", project);
        manifest.put("generatedAt", Times.format(generatedAt));
        manifest.put("files", files);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Entry e : entries) {
                put(zip, e.path(), e.content(), generatedAt);
            }
            put(zip, MANIFEST, write(json.copy().enable(SerializationFeature.INDENT_OUTPUT), manifest), generatedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the project archive", e);
        }
        return out.toByteArray();
    }

    static List<Warning> warnings(ProjectView view) {
        List<Warning> all = new ArrayList<>();
        view.sections().forEach(s -> all.addAll(s.warnings()));
        all.addAll(view.projectWarnings());
        return all;
    }

    static String safe(String segment) {
        String s = UNSAFE.matcher(segment == null ? "" : segment).replaceAll("_");
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "_" + s : s;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void put(ZipOutputStream zip, String path, byte[] content, Instant time) throws IOException {
        ZipEntry entry = new ZipEntry(path);
        entry.setTime(time.toEpochMilli());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
