package org.oneseal.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The platform's own templates: the annual work report ({@code report/annual.txt}) and the monthly bulletin of 好差评
 * and 办不成事 ({@code report/monthly.txt}), written as text markup (see {@link TemplateMarkup}) and turned into Word
 * documents once, when first used.
 */
@Component
class DefaultTemplates {

    private final Map<ReportKind, byte[]> built = new EnumMap<>(ReportKind.class);

    /** The default template of a kind as a Word document (administrators may download it as a starting point). */
    synchronized byte[] docx(ReportKind kind) {
        return built.computeIfAbsent(kind, k -> TemplateMarkup.docx(markup(k))).clone();
    }

    static String markup(ReportKind kind) {
        String resource = kind == ReportKind.ANNUAL ? "/report/annual.txt" : "/report/monthly.txt";
        try (InputStream in = DefaultTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the default template " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
